// Campaign milestones: the thresholds the analytics service announces once each (`analytics.milestone_reached`),
// shown as reached when seen live or when the report's totals have passed them.
import type { LiveEvent } from './api/event-hub';

export const MILESTONE_THRESHOLDS = { impressions: [10_000, 100_000, 1_000_000], leads: [100, 1_000, 10_000] } as const;
export type MilestoneMetric = keyof typeof MILESTONE_THRESHOLDS;

export interface MilestoneSeen {
  campaignId: string;
  metric: MilestoneMetric;
  threshold: number;
  value: number;
  reachedAt: string;
}

export interface MilestoneRow {
  metric: MilestoneMetric;
  threshold: number;
  reached: boolean;
  /** The report's total for the metric (over the chosen period). */
  current: number;
  /** Set when the announcement arrived while the page was open. */
  seen?: MilestoneSeen;
}

/** The milestone an event announces, when it is one of `campaignId`'s. */
export function milestoneFromEvent(event: LiveEvent, campaignId: string): MilestoneSeen | undefined {
  const d = event.data;
  if (event.type !== 'analytics.milestone_reached' || d.campaign_id !== campaignId) return undefined;
  if (d.metric !== 'impressions' && d.metric !== 'leads') return undefined;
  if (typeof d.threshold !== 'number') return undefined;
  return {
    campaignId, metric: d.metric, threshold: d.threshold, value: typeof d.value === 'number' ? d.value : d.threshold,
    reachedAt: typeof d.reached_at === 'string' ? d.reached_at : event.created_at,
  };
}

/** Every threshold, in order, with whether it is reached. */
export function milestoneRows(totals: Record<MilestoneMetric, number>, seen: readonly MilestoneSeen[]): MilestoneRow[] {
  const rows: MilestoneRow[] = [];
  for (const metric of Object.keys(MILESTONE_THRESHOLDS) as MilestoneMetric[]) {
    for (const threshold of MILESTONE_THRESHOLDS[metric]) {
      const live = seen.find((s) => s.metric === metric && s.threshold === threshold);
      rows.push({ metric, threshold, current: totals[metric], reached: !!live || totals[metric] >= threshold, ...(live ? { seen: live } : {}) });
    }
  }
  return rows;
}
