import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NatsConnection } from 'nats';
import type { Logger } from 'pino';
import { WEBHOOK_EVENT_TYPES, type DomainEvent } from '@influgentic/contracts';
import { EventConsumer, NATS_CONNECTION, SERVICE_LOGGER } from '@influgentic/messaging';
import { DeliveriesRepository, type NewEventRecord, type SubscribedEndpoint } from './deliveries.repository';
import { DELIVERY_SETTINGS, type DeliverySettings } from './delivery-settings';
import { webhookBody } from './webhook-message';

const DELIVERABLE = new Set<string>(WEBHOOK_EVENT_TYPES);
const audience = (organizationId: string, livemode: boolean) => `${organizationId}:${livemode}`;

/**
 * Turns every domain event into deliveries: one per enabled endpoint of the event's organization and mode subscribed
 * to its type (or `*`), written with the event's inbox entry in one transaction and acked after the commit — so an
 * event is never lost between the bus and the deliveries table, and a redelivered event adds nothing (the inbox, and
 * the unique (event, endpoint) pair). `webhook.test` is not fanned out: the test ping writes its own delivery.
 */
@Injectable()
export class DeliveryFanout implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumers: EventConsumer[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
    private readonly deliveries: DeliveriesRepository,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {}

  /**
   * Several pullers share the one durable consumer (as replicas do). Each takes the events waiting for it in batches:
   * one transaction (inbox, endpoints, events and deliveries) per batch instead of per event, so a burst costs a few
   * round trips. Deliveries carry no order between events, so nothing is lost by their interleaving.
   */
  async onApplicationBootstrap(): Promise<void> {
    for (let i = 0; i < this.settings.fanoutWorkers; i++) {
      const consumer = new EventConsumer(this.nc, this.ds, 'webhooks', this.log, {
        durable: 'webhooks-deliveries', types: '*', ackWaitMs: this.settings.consumerAckWaitMs,
        handle: async (event, m) => { await this.fanOut([event], m); },
        batch: { size: this.settings.fanoutBatch, handle: async (events, m) => { await this.fanOut(events, m); } },
      });
      await consumer.start();
      this.consumers.push(consumer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
  }

  /** Writes the deliveries of `events` in the caller's transaction; returns how many were new. */
  async fanOut(events: DomainEvent[], m: EntityManager): Promise<number> {
    const deliverable = events.filter((e) => DELIVERABLE.has(e.type));
    if (!deliverable.length) return 0;
    const byAudience = new Map<string, SubscribedEndpoint[]>();
    for (const e of await this.deliveries.subscribedEndpoints(m, deliverable)) {
      const key = audience(e.organization_id, e.livemode);
      const list = byAudience.get(key) ?? [];
      list.push(e);
      byAudience.set(key, list);
    }
    const targets: Array<{ event: NewEventRecord; endpointIds: string[] }> = [];
    for (const event of deliverable) {
      const endpointIds = (byAudience.get(audience(event.organization_id, event.livemode)) ?? [])
        .filter((e) => e.events.includes(event.type) || e.events.includes('*'))
        .map((e) => e.id);
      if (!endpointIds.length) continue;
      targets.push({
        event: { id: event.id, organization_id: event.organization_id, livemode: event.livemode, type: event.type, created_at: event.created_at, body: webhookBody(event) },
        endpointIds,
      });
    }
    return this.deliveries.insertManyEventDeliveries(m, targets, this.settings.retry.maxAttempts);
  }
}
