import type { LiveEvent } from './api/event-hub';
import { milestoneFromEvent, milestoneRows } from './milestones';

const event = (type: string, data: Record<string, unknown>): LiveEvent => ({ id: '9', type, created_at: '2025-01-02T00:00:00Z', data });

describe('milestones', () => {
  it('reads a milestone event of the campaign on screen only', () => {
    const data = { campaign_id: 'camp_1', metric: 'impressions', threshold: 10_000, value: 10_200, reached_at: '2025-01-01T10:00:00Z' };
    expect(milestoneFromEvent(event('analytics.milestone_reached', data), 'camp_1'))
      .toEqual({ campaignId: 'camp_1', metric: 'impressions', threshold: 10_000, value: 10_200, reachedAt: '2025-01-01T10:00:00Z' });
    expect(milestoneFromEvent(event('analytics.milestone_reached', data), 'camp_2')).toBeUndefined();
    expect(milestoneFromEvent(event('lead.captured', data), 'camp_1')).toBeUndefined();
    expect(milestoneFromEvent(event('analytics.milestone_reached', { ...data, metric: 'clicks' }), 'camp_1')).toBeUndefined();
  });

  it('marks thresholds reached by the totals or seen live', () => {
    const seen = [{ campaignId: 'c', metric: 'leads' as const, threshold: 100, value: 120, reachedAt: 'x' }];
    const rows = milestoneRows({ impressions: 150_000, leads: 7 }, seen);
    expect(rows.filter((r) => r.reached).map((r) => `${r.metric}:${r.threshold}`)).toEqual(['impressions:10000', 'impressions:100000', 'leads:100']);
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.metric === 'leads' && r.threshold === 100)?.seen?.value).toBe(120);
  });
});
