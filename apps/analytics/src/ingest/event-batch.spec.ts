import type { IngestEventBody } from '@influgentic/contracts';
import {
  agentDeltas, campaignDeltas, contentDeltas, crossedMilestones, dedupeWithinBatch, normalizeEvent, rollupDeltas, toCents, utcDay,
  type NormalizedEvent,
} from './event-batch';

const NOW = new Date('2025-03-10T12:00:00Z');
const ev = (over: Partial<IngestEventBody>): NormalizedEvent =>
  normalizeEvent({ type: 'impression', campaign_id: 'camp_a', ...over } as IngestEventBody, 'agent_x', NOW);

describe('day bucketing', () => {
  it('counts days in UTC whatever offset the sender wrote', () => {
    expect(utcDay(new Date('2025-01-01T23:30:00-05:00'))).toBe('2025-01-02');
    expect(utcDay(new Date('2025-01-02T00:30:00+02:00'))).toBe('2025-01-01');
    expect(utcDay(new Date('2024-12-31T23:59:59.999Z'))).toBe('2024-12-31');
    expect(utcDay(new Date('2025-01-01T00:00:00Z'))).toBe('2025-01-01');
  });

  it('puts a late event in the day it happened, not the day it arrived', () => {
    const late = ev({ occurred_at: '2025-03-01T10:00:00Z', count: 5 });
    const today = ev({ count: 2 });
    const days = rollupDeltas([late, today], 'org_1').filter((d) => d.scope === 'campaign').map((d) => [d.day, d.impressions]);
    expect(days).toEqual([['2025-03-01', 5], ['2025-03-10', 2]]);
  });
});

describe('normalizing events', () => {
  it('fills the defaults: an evt_ id, the campaign agent, count 1, now, unknown language and platform', () => {
    const e = ev({});
    expect(e.id).toMatch(/^evt_[0-9a-z]{26}$/);
    expect(e).toMatchObject({ agent_id: 'agent_x', count: 1, value_cents: 0, language: 'unknown', platform: 'unknown', content_id: null, metadata: null });
    expect(e.occurred_at).toEqual(NOW);
  });

  it('takes language and platform from the content item when the event names none', () => {
    const e = normalizeEvent({ type: 'click', campaign_id: 'camp_a', content_id: 'cnt_1' } as IngestEventBody, 'agent_x', NOW, { platform: 'tiktok', language: 'de' });
    expect([e.platform, e.language]).toEqual(['tiktok', 'de']);
  });

  it('turns dollars into integer cents without float drift', () => {
    expect([toCents(19.99), toCents(0.07), toCents(1234567.89), toCents(undefined)]).toEqual([1999, 7, 123456789, 0]);
  });

  it('counts a repeated id inside one batch once', () => {
    const { unique, repeats } = dedupeWithinBatch([ev({ id: 'a' }), ev({ id: 'b' }), ev({ id: 'a' })]);
    expect(unique.map((e) => e.id)).toEqual(['a', 'b']);
    expect(repeats).toBe(1);
  });
});

describe('rollup deltas', () => {
  const batch = [
    ev({ id: '1', count: 100, language: 'en', platform: 'instagram' }),
    ev({ id: '2', type: 'engagement', count: 7, language: 'en', platform: 'instagram' }),
    ev({ id: '3', type: 'lead', language: 'de', platform: 'tiktok', agent_id: 'agent_x' }),
    ev({ id: '4', type: 'conversion', value_usd: 200.5, language: 'de', platform: 'tiktok', campaign_id: 'camp_b' }),
  ];

  it('adds each event to its campaign, agent and organization rows, per language and platform', () => {
    const d = rollupDeltas(batch, 'org_1');
    expect(d.map((r) => `${r.scope}:${r.scope_id}:${r.language}:${r.platform}`)).toEqual([
      'agent:agent_x:de:tiktok', 'agent:agent_x:en:instagram',
      'campaign:camp_a:de:tiktok', 'campaign:camp_a:en:instagram', 'campaign:camp_b:de:tiktok',
      'organization:org_1:de:tiktok', 'organization:org_1:en:instagram',
    ]);
    const org = d.filter((r) => r.scope === 'organization');
    expect(org[0]).toMatchObject({ leads: 1, conversions: 1, revenue_cents: 20050, impressions: 0 });
    expect(org[1]).toMatchObject({ impressions: 100, engagements: 7, leads: 0 });
  });

  it('sums per campaign and per agent, and per content item only for events that name one', () => {
    expect(campaignDeltas(batch).map((c) => [c.campaign_id, c.impressions, c.leads, c.conversions, c.revenue_cents]))
      .toEqual([['camp_a', 100, 1, 0, 0], ['camp_b', 0, 0, 1, 20050]]);
    expect(agentDeltas(batch)).toEqual([{ agent_id: 'agent_x', impressions: 100, engagements: 7, clicks: 0, leads: 1, conversions: 1 }]);
    expect(contentDeltas(batch)).toEqual([]);
    const withContent = contentDeltas([ev({ content_id: 'cnt_2', count: 3, platform: 'x' }), ev({ content_id: 'cnt_2', type: 'click' })]);
    expect(withContent).toEqual([expect.objectContaining({ content_id: 'cnt_2', impressions: 3, clicks: 1, platform: 'x', day: '2025-03-10' })]);
  });
});

describe('milestones', () => {
  it('fires each threshold crossed by a jump, and none that was already passed', () => {
    expect(crossedMilestones({ impressions: 9_999, leads: 0 }, { impressions: 150_000, leads: 100 })).toEqual([
      { metric: 'impressions', threshold: 10_000, value: 150_000 },
      { metric: 'impressions', threshold: 100_000, value: 150_000 },
      { metric: 'leads', threshold: 100, value: 100 },
    ]);
    expect(crossedMilestones({ impressions: 10_000, leads: 100 }, { impressions: 99_999, leads: 999 })).toEqual([]);
  });
});
