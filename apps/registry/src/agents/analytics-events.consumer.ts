import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NatsConnection } from 'nats';
import type { Logger } from 'pino';
import type { AgentPerformanceData, DomainEvent } from '@influgentic/contracts';
import { EventConsumer, NATS_CONNECTION, SERVICE_LOGGER } from '@influgentic/messaging';

type Measured = Omit<AgentPerformanceData, 'agent_id'>;
const ZERO: Measured = { impressions: 0, engagements: 0, clicks: 0, leads: 0, conversions: 0 };

/** An agent's record after live campaign results were added (pure; the arithmetic has one place). */
export function withResults(agent: { reach: number; engagement_rate: number; performance: Record<string, unknown> }, d: Measured) {
  const before = { ...ZERO, ...(agent.performance.measured as Partial<Measured> | undefined) };
  const measured: Measured = {
    impressions: before.impressions + d.impressions, engagements: before.engagements + d.engagements, clicks: before.clicks + d.clicks,
    leads: before.leads + d.leads, conversions: before.conversions + d.conversions,
  };
  // Measured rates replace the catalog's claims once there is something to measure; reach grows by what was delivered.
  const engagementRate = measured.impressions > 0 ? measured.engagements / measured.impressions : agent.engagement_rate;
  const perf = agent.performance as { total_reach?: number; avg_conversion_rate?: number };
  return {
    reach: agent.reach + d.impressions,
    engagement_rate: engagementRate,
    performance: {
      ...agent.performance, measured, avg_engagement_rate: engagementRate, total_reach: (perf.total_reach ?? agent.reach) + d.impressions,
      avg_conversion_rate: measured.leads > 0 ? measured.conversions / measured.leads : perf.avg_conversion_rate ?? 0,
    },
  };
}

/**
 * Keeps an agent's `reach`, `engagement_rate` and `performance` following its live campaigns' results, from the
 * analytics service's `analytics.agent_performance` events (each applied once: inbox, same transaction).
 */
@Injectable()
export class AnalyticsEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: EventConsumer;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new EventConsumer(this.nc, this.ds, 'registry', this.log, {
      durable: 'registry-analytics-results',
      types: ['analytics.agent_performance'],
      handle: (event: DomainEvent, m) => (event.livemode ? this.apply(m, event.data as unknown as AgentPerformanceData) : Promise.resolve()),
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  private async apply(m: EntityManager, d: AgentPerformanceData): Promise<void> {
    const [agent] = await m.query(
      'SELECT reach::float8 AS reach, engagement_rate, performance FROM registry.agents WHERE id = $1 FOR UPDATE', [d.agent_id]);
    if (!agent) return;
    const next = withResults(agent, d);
    await m.query('UPDATE registry.agents SET reach = $2, engagement_rate = $3, performance = $4, updated_at = now() WHERE id = $1',
      [d.agent_id, Math.round(next.reach), next.engagement_rate, JSON.stringify(next.performance)]);
  }
}
