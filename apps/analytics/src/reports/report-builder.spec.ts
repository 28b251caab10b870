import { DomainError } from '@influgentic/contracts';
import { zeroCounters } from '../ingest/event-batch';
import { resolvePeriod } from './period';
import { buildReport, daysBetween, groupRollups, ratio, summarize, type RollupRow } from './report-builder';

const row = (over: Partial<RollupRow>): RollupRow => ({ day: '2025-01-01', language: 'en', platform: 'instagram', ...zeroCounters(), ...over });

describe('rates and ROI', () => {
  it('are the contract example: engagements/impressions, conversions/leads, revenue/spend', () => {
    const s = summarize({ impressions: 4_200_000, engagements: 412_080, clicks: 0, leads: 8420, conversions: 342, revenue_cents: 6_840_000 }, 500_000);
    expect(s).toEqual({
      total_impressions: 4_200_000, total_engagements: 412_080, total_clicks: 0, engagement_rate: 412_080 / 4_200_000, click_through_rate: 0,
      leads_generated: 8420, conversions: 342, conversion_rate: 342 / 8420, estimated_revenue_usd: 68_400, spend_usd: 5000, roi_multiplier: 13.68,
    });
  });

  it('are null, never a division by zero, when the denominator is 0', () => {
    const s = summarize({ ...zeroCounters(), conversions: 3, revenue_cents: 1000 }, 0);
    expect([s.engagement_rate, s.click_through_rate, s.conversion_rate, s.roi_multiplier]).toEqual([null, null, null, null]);
    expect(ratio(0, 5)).toBe(0);
  });
});

describe('report body', () => {
  it('sums totals, breaks down by language and platform, and lists every day of the period', () => {
    const rows = [
      row({ impressions: 100, engagements: 10 }),
      row({ day: '2025-01-03', language: 'de', platform: 'tiktok', impressions: 50, leads: 4, conversions: 1, revenue_cents: 2500 }),
      row({ day: '2025-01-03', impressions: 20, clicks: 2 }),
      row({ day: '2024-12-31', impressions: 999 }),
    ];
    const r = buildReport(rows.slice(0, 3), { start: '2025-01-01', end: '2025-01-04' }, 1000);
    expect(r.summary).toMatchObject({ total_impressions: 170, total_engagements: 10, total_clicks: 2, leads_generated: 4, conversions: 1, estimated_revenue_usd: 25, roi_multiplier: 2.5 });
    expect(r.breakdown_by_language).toEqual({
      de: { impressions: 50, engagements: 0, clicks: 0, leads: 4, conversions: 1 },
      en: { impressions: 120, engagements: 10, clicks: 2, leads: 0, conversions: 0 },
    });
    expect(Object.keys(r.breakdown_by_platform)).toEqual(['instagram', 'tiktok']);
    expect(r.timeseries.map((p) => [p.date, p.impressions, p.revenue_usd])).toEqual([
      ['2025-01-01', 100, 0], ['2025-01-02', 0, 0], ['2025-01-03', 70, 25], ['2025-01-04', 0, 0],
    ]);
  });

  it('walks days across month and leap-year ends in UTC', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(daysBetween('2025-01-02', '2025-01-01')).toEqual([]);
  });
});

describe('report period', () => {
  const now = new Date('2025-03-10T22:00:00Z');
  it('defaults to the campaign start through today, or the last 30 days', () => {
    expect(resolvePeriod({}, now, new Date('2025-03-01T09:00:00Z'))).toEqual({ start: '2025-03-01', end: '2025-03-10' });
    expect(resolvePeriod({}, now)).toEqual({ start: '2025-02-09', end: '2025-03-10' });
    expect(resolvePeriod({ end: '2025-01-31' }, now, new Date('2025-03-01T00:00:00Z'))).toEqual({ start: '2025-01-02', end: '2025-01-31' });
  });

  it('refuses a reversed or over-long period with a 422 naming the field', () => {
    const fail = (q: { start?: string; end?: string }) => {
      try { resolvePeriod(q, now); } catch (e) { return (e as DomainError).errors?.[0].field; }
      return 'accepted';
    };
    expect(fail({ start: '2025-02-01', end: '2025-01-01' })).toBe('start');
    expect(fail({ start: '2023-01-01', end: '2025-01-01' })).toBe('end');
    expect(fail({ start: '2024-03-10', end: '2025-03-10' })).toBe('accepted');
  });
});

describe('groupRollups', () => {
  it('sums rows by day, by language and by platform, as the report query does in SQL', () => {
    const row = (day: string, language: string, platform: string, impressions: number) => ({ ...zeroCounters(), day, language, platform, impressions });
    const g = groupRollups([row('2025-01-01', 'en', 'x', 1), row('2025-01-01', 'de', 'x', 2), row('2025-01-02', 'en', 'tiktok', 4)]);
    expect(g.byDay.map((r) => [r.day, r.impressions])).toEqual([['2025-01-01', 3], ['2025-01-02', 4]]);
    expect(g.byLanguage.map((r) => [r.language, r.impressions])).toEqual([['en', 5], ['de', 2]]);
    expect(g.byPlatform.map((r) => [r.platform, r.impressions])).toEqual([['x', 3], ['tiktok', 4]]);
  });
});
