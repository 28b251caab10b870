import type { MetricCounts, ReportSummary, TimeseriesPoint, TopContentEntry } from '@influgentic/contracts';
import { METRICS, zeroCounters, type Counters } from '../ingest/event-batch';

/** One rollup row as reports read it. */
export interface RollupRow extends Counters {
  day: string;
  language: string;
  platform: string;
}

export interface ContentRow extends Counters {
  content_id: string;
  campaign_id: string;
  platform: string | null;
}

/** n / d, or null when d is 0: a rate of nothing is unknown, not zero. */
export function ratio(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

export const centsToUsd = (cents: number): number => Math.round(cents) / 100;

/** The rates and ROI exactly as the contract defines them. */
export function summarize(t: Counters, spendCents: number): ReportSummary {
  return {
    total_impressions: t.impressions,
    total_engagements: t.engagements,
    total_clicks: t.clicks,
    engagement_rate: ratio(t.engagements, t.impressions),
    click_through_rate: ratio(t.clicks, t.impressions),
    leads_generated: t.leads,
    conversions: t.conversions,
    conversion_rate: ratio(t.conversions, t.leads),
    estimated_revenue_usd: centsToUsd(t.revenue_cents),
    spend_usd: centsToUsd(spendCents),
    roi_multiplier: ratio(t.revenue_cents, spendCents),
  };
}

/** Every day from start to end inclusive (YYYY-MM-DD, UTC). */
export function daysBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`), last = Date.parse(`${end}T00:00:00Z`); t <= last; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

const counts = (c: Counters): MetricCounts => ({
  impressions: c.impressions, engagements: c.engagements, clicks: c.clicks, leads: c.leads, conversions: c.conversions,
});

function accumulate(into: Counters, row: Counters): void {
  for (const m of METRICS) into[m] += row[m];
  into.revenue_cents += row.revenue_cents;
}

export interface ReportBody {
  summary: ReportSummary;
  breakdown_by_language: Record<string, MetricCounts>;
  breakdown_by_platform: Record<string, MetricCounts>;
  timeseries: TimeseriesPoint[];
  top_content: TopContentEntry[];
}

/** A period's rollups summed three ways; every rollup row has a day, so the days' sum is the total. */
export interface RollupGroups {
  byDay: Array<Counters & { day: string }>;
  byLanguage: Array<Counters & { language: string }>;
  byPlatform: Array<Counters & { platform: string }>;
}

/** The grouping the report query does in SQL (GROUPING SETS), done in memory: the reference for its unit tests. */
export function groupRollups(rows: RollupRow[]): RollupGroups {
  const group = <K extends 'day' | 'language' | 'platform'>(key: K) => {
    const m = new Map<string, Counters>();
    for (const row of rows) {
      let c = m.get(row[key]);
      if (!c) m.set(row[key], (c = zeroCounters()));
      accumulate(c, row);
    }
    return [...m.entries()].map(([k, c]) => ({ ...c, [key]: k }) as Counters & Record<K, string>);
  };
  return { byDay: group('day'), byLanguage: group('language'), byPlatform: group('platform') };
}

/** One pass over the period's rollup rows: totals, both breakdowns and a dense day series (zeros included). */
export function buildReport(rows: RollupRow[], period: { start: string; end: string }, spendCents: number, top: ContentRow[] = []): ReportBody {
  return reportFromGroups(groupRollups(rows), period, spendCents, top);
}

/** The report from rollups already summed by day, language and platform. */
export function reportFromGroups(groups: RollupGroups, period: { start: string; end: string }, spendCents: number, top: ContentRow[] = []): ReportBody {
  const total = zeroCounters();
  const byDay = new Map<string, Counters>(daysBetween(period.start, period.end).map((d) => [d, zeroCounters()]));
  for (const row of groups.byDay) {
    accumulate(total, row);
    const day = byDay.get(row.day);
    if (day) accumulate(day, row);
  }
  const sorted = (entries: Array<[string, Counters]>) => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, c]) => [k, counts(c)]));
  return {
    summary: summarize(total, spendCents),
    breakdown_by_language: sorted(groups.byLanguage.map((r) => [r.language, r])),
    breakdown_by_platform: sorted(groups.byPlatform.map((r) => [r.platform, r])),
    timeseries: [...byDay.entries()].map(([date, c]) => ({ date, ...counts(c), revenue_usd: centsToUsd(c.revenue_cents) })),
    top_content: top.map((c) => ({
      content_id: c.content_id, campaign_id: c.campaign_id, platform: c.platform, ...counts(c), engagement_rate: ratio(c.engagements, c.impressions),
    })),
  };
}
