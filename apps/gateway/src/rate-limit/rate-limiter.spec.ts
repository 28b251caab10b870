import type { Pool } from 'pg';
import { RateLimiter, retryAfterSeconds } from './rate-limiter';

describe('retryAfterSeconds (rolling window arithmetic)', () => {
  const W = 60_000;
  const slot = 1_000_000 * W;

  it('waits for the slot to roll over when the current slot alone is full', () => {
    expect(retryAfterSeconds(slot + 15_000, slot, 0, 10, 10)).toBe(45);
  });

  it('waits only until enough of the previous slot has slid out of the window', () => {
    // 100 hits in the previous slot, 0 in this one, limit 60: room appears once prev weight ≤ 0.59.
    const now = slot + 6_000; // weight 0.9 → 90 used
    const wait = retryAfterSeconds(now, slot, 100, 0, 60);
    const t = now + wait * 1000;
    expect(100 * (1 - (t - slot) / W) + 0 + 1).toBeLessThanOrEqual(60);
    expect(100 * (1 - (t - 1000 - slot) / W) + 1).toBeGreaterThan(60);
  });

  it('never answers less than one second', () => {
    expect(retryAfterSeconds(slot + W - 1, slot, 0, 5, 5)).toBe(1);
  });
});

describe('RateLimiter.addressBucket', () => {
  it('prefixes per-address buckets with the installation namespace', () => {
    const pool = {} as Pool;
    expect(new RateLimiter(pool).addressBucket('authfail', '10.0.0.1')).toBe('authfail:10.0.0.1');
    expect(new RateLimiter(pool, Date.now, 'eu:').addressBucket('review', '10.0.0.1')).toBe('eu:review:10.0.0.1');
  });
});
