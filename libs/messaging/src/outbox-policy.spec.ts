import { aggregateLanes, aggregateOf, aggregateOfPayloadSql, relaySettings, retryDelayMs } from './outbox-policy';

describe('aggregateOf', () => {
  it('takes the most specific id the event data names', () => {
    expect(aggregateOf({ id: 'camp_1', agent_id: 'agent_1' })).toBe('camp_1');
    expect(aggregateOf({ content_id: 'cnt_1', campaign_id: 'camp_1', agent_id: 'agent_1' })).toBe('cnt_1');
    expect(aggregateOf({ campaign_id: 'camp_1', agent_id: 'agent_1' })).toBe('camp_1');
    expect(aggregateOf({ agent_id: 'agent_1', retraining: true })).toBe('agent_1');
  });

  it('orders nothing when the data names no entity', () => {
    expect(aggregateOf({})).toBeNull();
    expect(aggregateOf({ id: '' , agent_id: 42 })).toBeNull();
    expect(aggregateOf(null)).toBeNull();
    expect(aggregateOf('camp_1')).toBeNull();
  });

  it('has an SQL twin that reads the same keys in the same order', () => {
    const sql = aggregateOfPayloadSql();
    const positions = ['id', 'content_id', 'campaign_id', 'agent_id'].map((k) => sql.indexOf(`'${k}'`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 500, 60_000))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelayMs(20, 500, 60_000)).toBe(60_000);
    expect(retryDelayMs(10_000, 500, 60_000)).toBe(60_000);
  });
});

describe('relaySettings', () => {
  it('defaults to 7 days of published outbox rows and 14 days of inbox entries', () => {
    const s = relaySettings({});
    expect(s.outboxRetentionMs).toBe(7 * 24 * 3_600_000);
    expect(s.inboxRetentionMs).toBe(14 * 24 * 3_600_000);
    expect(s.maxAttempts).toBe(8);
    expect(s.leaseMs).toBeGreaterThan(0);
  });

  it('reads the environment', () => {
    const s = relaySettings({ OUTBOX_MAX_ATTEMPTS: '3', OUTBOX_RETENTION_HOURS: '48', INBOX_RETENTION_HOURS: '200', OUTBOX_LEASE_MS: '5000' });
    expect(s).toMatchObject({ maxAttempts: 3, outboxRetentionMs: 48 * 3_600_000, inboxRetentionMs: 200 * 3_600_000, leaseMs: 5000 });
  });

  it('refuses retention that would let a redelivered or republished event through twice', () => {
    // The stream keeps events 7 days: an inbox pruned sooner could not recognise a redelivery.
    expect(() => relaySettings({ INBOX_RETENTION_HOURS: '24' })).toThrow(/INBOX_RETENTION_HOURS/);
    expect(() => relaySettings({ OUTBOX_RETENTION_HOURS: '0.1' })).toThrow(/OUTBOX_RETENTION_HOURS/);
  });

  it('refuses values that are not positive numbers, naming the variable', () => {
    expect(() => relaySettings({ OUTBOX_MAX_ATTEMPTS: 'many' })).toThrow(/OUTBOX_MAX_ATTEMPTS/);
    expect(() => relaySettings({ OUTBOX_LEASE_MS: '-1' })).toThrow(/OUTBOX_LEASE_MS/);
    expect(() => relaySettings({ OUTBOX_MAX_ATTEMPTS: '0.5' })).toThrow(/OUTBOX_MAX_ATTEMPTS/);
  });
});

describe('aggregateLanes', () => {
  it('keeps each aggregate\'s rows together and in order, and gives rows of no aggregate a lane each', () => {
    const rows = [
      { id: '1', aggregate_id: 'camp_a' }, { id: '2', aggregate_id: null }, { id: '3', aggregate_id: 'camp_b' },
      { id: '4', aggregate_id: 'camp_a' }, { id: '5', aggregate_id: null }, { id: '6', aggregate_id: 'camp_a' },
    ];
    expect(aggregateLanes(rows).map((lane) => lane.map((r) => r.id))).toEqual([['1', '4', '6'], ['2'], ['3'], ['5']]);
  });
});
