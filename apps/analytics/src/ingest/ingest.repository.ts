import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MilestoneMetric, RequestContext } from '@influgentic/contracts';
import type { CampaignDelta, ContentDelta, Counters, NormalizedEvent, RollupDelta } from './event-batch';

const COUNTER_COLUMNS = ['impressions', 'engagements', 'clicks', 'leads', 'conversions', 'revenue_cents'] as const;
const addCounters = (alias: string) => COUNTER_COLUMNS.map((c) => `${c} = ${alias}.${c} + EXCLUDED.${c}`).join(', ');
const counterArrays = (rows: Counters[]) => COUNTER_COLUMNS.map((c) => rows.map((r) => r[c]));

export interface CampaignTotal extends Counters {
  campaign_id: string;
}

export interface NewMilestone {
  campaign_id: string;
  metric: MilestoneMetric;
  threshold: number;
  value: number;
  event_id: string;
}

/**
 * Every statement of ingestion. Each writes a whole batch at once (arrays unnested into one multi-row statement), in
 * the caller's transaction: one round trip per table, never one per event.
 */
@Injectable()
export class IngestRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  /**
   * Claims the event ids for the caller's organization and mode; returns the ids that were new. Ids are taken in
   * sorted order so two batches sharing ids wait for each other instead of deadlocking, and the second sees the
   * first's ids as taken once it commits.
   */
  async claimIds(m: EntityManager, ctx: RequestContext, ids: string[]): Promise<Set<string>> {
    const sorted = [...ids].sort();
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO analytics.event_ids (organization_id, livemode, id)
       SELECT $1, $2, id FROM unnest($3::text[]) WITH ORDINALITY AS e(id, n) ORDER BY n
       ON CONFLICT DO NOTHING RETURNING id`,
      [ctx.organizationId, ctx.livemode, sorted]);
    return new Set(rows.map((r) => r.id));
  }

  async insertEvents(m: EntityManager, ctx: RequestContext, events: NormalizedEvent[]): Promise<void> {
    if (!events.length) return;
    await m.query(
      `INSERT INTO analytics.events (organization_id, livemode, id, type, campaign_id, agent_id, content_id, platform, language, count,
         value_cents, occurred_at, metadata)
       SELECT $1, $2, e.* FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[],
         $11::bigint[], $12::timestamptz[], $13::jsonb[]) AS e`,
      [ctx.organizationId, ctx.livemode, events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.campaign_id),
        events.map((e) => e.agent_id), events.map((e) => e.content_id), events.map((e) => e.platform), events.map((e) => e.language),
        events.map((e) => e.count), events.map((e) => e.value_cents), events.map((e) => e.occurred_at.toISOString()),
        events.map((e) => (e.metadata ? JSON.stringify(e.metadata) : null))]);
  }

  /** Adds the deltas to the daily rollups, in the deltas' (sorted) order. */
  async addToRollups(m: EntityManager, ctx: RequestContext, deltas: RollupDelta[]): Promise<void> {
    if (!deltas.length) return;
    await m.query(
      `INSERT INTO analytics.daily_rollups AS r (organization_id, livemode, scope, scope_id, day, language, platform, ${COUNTER_COLUMNS.join(', ')})
       SELECT $1, $2, scope, scope_id, day, language, platform, ${COUNTER_COLUMNS.join(', ')}
         FROM unnest($3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[],
           $12::bigint[], $13::bigint[]) WITH ORDINALITY AS d(scope, scope_id, day, language, platform, ${COUNTER_COLUMNS.join(', ')}, n)
         ORDER BY n
       ON CONFLICT (organization_id, livemode, scope, scope_id, day, language, platform) DO UPDATE SET ${addCounters('r')}`,
      [ctx.organizationId, ctx.livemode, deltas.map((d) => d.scope), deltas.map((d) => d.scope_id), deltas.map((d) => d.day),
        deltas.map((d) => d.language), deltas.map((d) => d.platform), ...counterArrays(deltas)]);
  }

  async addToContent(m: EntityManager, ctx: RequestContext, deltas: ContentDelta[]): Promise<void> {
    if (!deltas.length) return;
    await m.query(
      `INSERT INTO analytics.content_daily AS r (organization_id, livemode, campaign_id, content_id, agent_id, day, platform, ${COUNTER_COLUMNS.join(', ')})
       SELECT $1, $2, campaign_id, content_id, agent_id, day, platform, ${COUNTER_COLUMNS.join(', ')}
         FROM unnest($3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[],
           $12::bigint[], $13::bigint[]) WITH ORDINALITY AS d(campaign_id, content_id, agent_id, day, platform, ${COUNTER_COLUMNS.join(', ')}, n)
         ORDER BY n
       ON CONFLICT (organization_id, livemode, campaign_id, content_id, day) DO UPDATE SET ${addCounters('r')},
         platform = COALESCE(r.platform, EXCLUDED.platform)`,
      [ctx.organizationId, ctx.livemode, deltas.map((d) => d.campaign_id), deltas.map((d) => d.content_id), deltas.map((d) => d.agent_id),
        deltas.map((d) => d.day), deltas.map((d) => d.platform), ...counterArrays(deltas)]);
  }

  /**
   * Adds to each campaign's running totals and returns the totals after the batch. The row stays locked until the
   * transaction ends, so concurrent batches (any replica) see each other's totals in turn: exactly one of them
   * moves a total across a threshold.
   */
  async addToCampaignTotals(m: EntityManager, ctx: RequestContext, deltas: CampaignDelta[]): Promise<CampaignTotal[]> {
    if (!deltas.length) return [];
    return m.query(
      `INSERT INTO analytics.campaign_totals AS t (campaign_id, organization_id, livemode, ${COUNTER_COLUMNS.join(', ')})
       SELECT campaign_id, $1, $2, ${COUNTER_COLUMNS.join(', ')}
         FROM unnest($3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[]) WITH ORDINALITY
           AS d(campaign_id, ${COUNTER_COLUMNS.join(', ')}, n) ORDER BY n
       ON CONFLICT (campaign_id) DO UPDATE SET ${addCounters('t')}, updated_at = now()
       RETURNING campaign_id, ${COUNTER_COLUMNS.map((c) => `${c}::float8 AS ${c}`).join(', ')}`,
      [ctx.organizationId, ctx.livemode, deltas.map((d) => d.campaign_id), ...counterArrays(deltas)]);
  }

  /** Records milestones; returns those that were not recorded before (the unique row is the "exactly once"). */
  async recordMilestones(m: EntityManager, ctx: RequestContext, milestones: NewMilestone[]): Promise<NewMilestone[]> {
    if (!milestones.length) return [];
    const rows: Array<{ campaign_id: string; metric: MilestoneMetric; threshold: string }> = await m.query(
      `INSERT INTO analytics.milestones (campaign_id, metric, threshold, organization_id, livemode, value, event_id)
       SELECT campaign_id, metric, threshold, $1, $2, value, event_id
         FROM unnest($3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[]) AS d(campaign_id, metric, threshold, value, event_id)
       ON CONFLICT DO NOTHING RETURNING campaign_id, metric, threshold`,
      [ctx.organizationId, ctx.livemode, milestones.map((x) => x.campaign_id), milestones.map((x) => x.metric),
        milestones.map((x) => x.threshold), milestones.map((x) => x.value), milestones.map((x) => x.event_id)]);
    const fresh = new Set(rows.map((r) => `${r.campaign_id}\u0000${r.metric}\u0000${Number(r.threshold)}`));
    return milestones.filter((x) => fresh.has(`${x.campaign_id}\u0000${x.metric}\u0000${x.threshold}`));
  }
}
