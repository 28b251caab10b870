import {
  MILESTONES, newId, type AnalyticsEventType, type IngestEventBody, type MetricCounts, type MilestoneMetric,
} from '@influgentic/contracts';

/** Stored when an event names no language or platform (and its content item does not either). */
export const UNKNOWN = 'unknown';

export type Metric = keyof MetricCounts;

/** Which counter each event type moves. */
export const METRIC_OF: Record<AnalyticsEventType, Metric> = {
  impression: 'impressions', engagement: 'engagements', click: 'clicks', lead: 'leads', conversion: 'conversions',
};

export const METRICS: readonly Metric[] = ['impressions', 'engagements', 'clicks', 'leads', 'conversions'];

export interface Counters extends MetricCounts {
  revenue_cents: number;
}

export const zeroCounters = (): Counters => ({ impressions: 0, engagements: 0, clicks: 0, leads: 0, conversions: 0, revenue_cents: 0 });

/** An accepted event, ready to store: every default filled in. */
export interface NormalizedEvent {
  id: string;
  type: AnalyticsEventType;
  campaign_id: string;
  agent_id: string;
  content_id: string | null;
  platform: string;
  language: string;
  count: number;
  value_cents: number;
  occurred_at: Date;
  metadata: Record<string, string | number | boolean> | null;
}

/** The UTC calendar day of an instant: reports count days in UTC whatever the sender's zone. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Dollars with at most two decimals to integer cents, without float drift (19.99 → 1999). */
export function toCents(usd: number | undefined): number {
  return usd === undefined ? 0 : Math.round(usd * 100);
}

/** Fills defaults: an id when absent, the campaign's agent, the content item's platform/language, now as the time. */
export function normalizeEvent(
  e: IngestEventBody, campaignAgent: string, now: Date, contentHint?: { platform: string | null; language: string | null },
): NormalizedEvent {
  return {
    id: e.id ?? newId('event'),
    type: e.type,
    campaign_id: e.campaign_id,
    agent_id: e.agent_id ?? campaignAgent,
    content_id: e.content_id ?? null,
    platform: e.platform ?? contentHint?.platform ?? UNKNOWN,
    language: e.language ?? contentHint?.language ?? UNKNOWN,
    count: e.count ?? 1,
    value_cents: toCents(e.value_usd),
    occurred_at: e.occurred_at ? new Date(e.occurred_at) : now,
    metadata: e.metadata && Object.keys(e.metadata).length ? e.metadata : null,
  };
}

/**
 * Splits a batch into the events to store and the repeats inside it (the same id twice in one call counts once).
 */
export function dedupeWithinBatch(events: NormalizedEvent[]): { unique: NormalizedEvent[]; repeats: number } {
  const seen = new Set<string>();
  const unique: NormalizedEvent[] = [];
  for (const e of events) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    unique.push(e);
  }
  return { unique, repeats: events.length - unique.length };
}

function add(c: Counters, e: NormalizedEvent): void {
  c[METRIC_OF[e.type]] += e.count;
  c.revenue_cents += e.value_cents;
}

export type RollupScope = 'campaign' | 'agent' | 'organization';

export interface RollupDelta extends Counters {
  scope: RollupScope;
  scope_id: string;
  day: string;
  language: string;
  platform: string;
}

/**
 * What a batch adds to the daily rollups: one delta per scope (campaign, agent, organization) × UTC day × language ×
 * platform, in a fixed order so concurrent batches lock the same rows in the same order (no deadlocks).
 */
export function rollupDeltas(events: NormalizedEvent[], organizationId: string): RollupDelta[] {
  const out = new Map<string, RollupDelta>();
  for (const e of events) {
    const day = utcDay(e.occurred_at);
    const scopes: Array<[RollupScope, string]> = [['campaign', e.campaign_id], ['agent', e.agent_id], ['organization', organizationId]];
    for (const [scope, scopeId] of scopes) {
      const key = `${scope}\u0000${scopeId}\u0000${day}\u0000${e.language}\u0000${e.platform}`;
      let d = out.get(key);
      if (!d) out.set(key, (d = { scope, scope_id: scopeId, day, language: e.language, platform: e.platform, ...zeroCounters() }));
      add(d, e);
    }
  }
  return sortByKey([...out.values()], (d) => [d.scope, d.scope_id, d.day, d.language, d.platform]);
}

export interface ContentDelta extends Counters {
  campaign_id: string;
  content_id: string;
  agent_id: string;
  day: string;
  platform: string | null;
}

/** Per content item and day, for top content. Events without a content id are not about a piece of content. */
export function contentDeltas(events: NormalizedEvent[]): ContentDelta[] {
  const out = new Map<string, ContentDelta>();
  for (const e of events) {
    if (!e.content_id) continue;
    const day = utcDay(e.occurred_at);
    const key = `${e.campaign_id}\u0000${e.content_id}\u0000${day}`;
    let d = out.get(key);
    if (!d) {
      out.set(key, (d = {
        campaign_id: e.campaign_id, content_id: e.content_id, agent_id: e.agent_id, day,
        platform: e.platform === UNKNOWN ? null : e.platform, ...zeroCounters(),
      }));
    }
    add(d, e);
  }
  return sortByKey([...out.values()], (d) => [d.campaign_id, d.content_id, d.day]);
}

export interface CampaignDelta extends Counters {
  campaign_id: string;
}

/** Running-total increments per campaign (they decide milestones). */
export function campaignDeltas(events: NormalizedEvent[]): CampaignDelta[] {
  const out = new Map<string, CampaignDelta>();
  for (const e of events) {
    let d = out.get(e.campaign_id);
    if (!d) out.set(e.campaign_id, (d = { campaign_id: e.campaign_id, ...zeroCounters() }));
    add(d, e);
  }
  return sortByKey([...out.values()], (d) => [d.campaign_id]);
}

export interface AgentDelta extends MetricCounts {
  agent_id: string;
}

/** What the batch adds to each agent's record (impressions, engagements …), for the registry. */
export function agentDeltas(events: NormalizedEvent[]): AgentDelta[] {
  const out = new Map<string, AgentDelta>();
  for (const e of events) {
    let d = out.get(e.agent_id);
    if (!d) out.set(e.agent_id, (d = { agent_id: e.agent_id, impressions: 0, engagements: 0, clicks: 0, leads: 0, conversions: 0 }));
    d[METRIC_OF[e.type]] += e.count;
  }
  return sortByKey([...out.values()], (d) => [d.agent_id]);
}

export interface CrossedMilestone {
  metric: MilestoneMetric;
  threshold: number;
  value: number;
}

/** Thresholds a running total passed when it went from `before` to `after` (each at most once: before < t ≤ after). */
export function crossedMilestones(before: Pick<MetricCounts, MilestoneMetric>, after: Pick<MetricCounts, MilestoneMetric>): CrossedMilestone[] {
  const out: CrossedMilestone[] = [];
  for (const metric of Object.keys(MILESTONES) as MilestoneMetric[]) {
    for (const threshold of MILESTONES[metric]) {
      if (before[metric] < threshold && after[metric] >= threshold) out.push({ metric, threshold, value: after[metric] });
    }
  }
  return out;
}

function sortByKey<T>(items: T[], key: (t: T) => string[]): T[] {
  return items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    }
    return 0;
  });
}
