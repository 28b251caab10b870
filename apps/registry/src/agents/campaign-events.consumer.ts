import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NatsConnection } from 'nats';
import type { Logger } from 'pino';
import type { DomainEvent } from '@influgentic/contracts';
import { EventConsumer, NATS_CONNECTION, SERVICE_LOGGER } from '@influgentic/messaging';
import { AgentsRepository } from './agents.repository';

/** Keeps an agent's `total_campaigns` and `performance.campaigns_completed` true from campaign events. */
@Injectable()
export class CampaignEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: EventConsumer;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
    private readonly agents: AgentsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new EventConsumer(this.nc, this.ds, 'registry', this.log, {
      durable: 'registry-campaign-stats',
      types: ['campaign.created', 'campaign.completed', 'campaign.cancelled'],
      handle: async (event: DomainEvent, m) => {
        const agentId = (event.data as { agent_id?: string }).agent_id;
        // Sandbox campaigns are rehearsals: they must not move an agent's public record.
        if (!agentId || !event.livemode) return;
        if (event.type === 'campaign.created') await this.agents.adjustCampaignCounters(m, agentId, 1, 0);
        if (event.type === 'campaign.completed') await this.agents.adjustCampaignCounters(m, agentId, 0, 1);
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
