import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NatsConnection } from 'nats';
import type { Logger } from 'pino';
import type { Campaign, DomainEvent } from '@influgentic/contracts';
import { EventConsumer, NATS_CONNECTION, SERVICE_LOGGER, type ConsumerOptions } from '@influgentic/messaging';
import { campaignFacts } from './campaign-directory';
import { CatalogRepository } from './catalog.repository';

interface ContentEventData {
  content_id?: string; agent_id?: string | null; campaign_id?: string | null; platform?: string | null; language?: string | null;
  status?: string | null; published_at?: string | null;
}

/**
 * Learns campaigns (lifecycle events carry the campaign with its spend) and content items (generated, published)
 * from the bus, so ingestion and reports know them without asking. Durable consumers: each event is applied once
 * (inbox) in the transaction that records it, and acked after commit.
 */
@Injectable()
export class BusEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumers: EventConsumer[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
    private readonly catalog: CatalogRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumer = (durable: string, types: ConsumerOptions['types'], handle: ConsumerOptions['handle']) =>
      new EventConsumer(this.nc, this.ds, 'analytics', this.log, { durable, types, handle });
    this.consumers.push(
      consumer('analytics-campaigns', ['campaign.created', 'campaign.started', 'campaign.paused', 'campaign.resumed', 'campaign.completed', 'campaign.cancelled'],
        async (event: DomainEvent, m) => {
          const c = event.data as unknown as Omit<Campaign, 'performance'>;
          if (!c?.id || !c.agent_id || !c.updated_at) return;
          await this.catalog.upsertCampaign(m, campaignFacts({ ...c, livemode: event.livemode }, event.organization_id));
        }),
      consumer('analytics-content-generated', ['agent.content_generated'], async (event: DomainEvent, m) => {
        const d = event.data as ContentEventData;
        if (!d?.content_id) return;
        await this.catalog.recordGenerated(m, {
          id: d.content_id, organization_id: event.organization_id, livemode: event.livemode, campaign_id: d.campaign_id ?? null,
          agent_id: d.agent_id ?? null, platform: d.platform ?? null, language: d.language ?? null, status: d.status ?? null, generated_at: event.created_at,
        });
      }),
      consumer('analytics-content-published', ['content.published'], async (event: DomainEvent, m) => {
        const d = event.data as ContentEventData;
        if (!d?.content_id) return;
        await this.catalog.upsertContent(m, {
          id: d.content_id, organization_id: event.organization_id, livemode: event.livemode, campaign_id: d.campaign_id ?? null,
          agent_id: d.agent_id ?? null, platform: d.platform ?? null, language: null, status: 'published', published_at: d.published_at ?? event.created_at,
        });
      }),
    );
    for (const c of this.consumers) await c.start();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const c of this.consumers) await c.stop();
  }
}
