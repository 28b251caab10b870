import { backoff, DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay } from './retry';

const GET = { method: 'GET', idempotent: false, retriesSoFar: 0 };
const KEYED_POST = { method: 'POST', idempotent: true, retriesSoFar: 0 };
const BARE_POST = { method: 'POST', idempotent: false, retriesSoFar: 0 };
const middle = () => 0.5;

describe('parseRetryAfter', () => {
  it('reads delta-seconds, fractions included, as milliseconds', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(' 0 ')).toBe(0);
    expect(parseRetryAfter('1.5')).toBe(1500);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-1')).toBeUndefined();
  });
});

describe('retryDelay', () => {
  it('waits what Retry-After says on 429 and 503', () => {
    expect(retryDelay({ kind: 'response', status: 429, retryAfterMs: 2000 }, GET)).toBe(2000);
    expect(retryDelay({ kind: 'response', status: 503, retryAfterMs: 1000 }, KEYED_POST)).toBe(1000);
  });

  it('backs off exponentially with jitter when no Retry-After was sent', () => {
    expect(retryDelay({ kind: 'response', status: 429 }, GET, DEFAULT_RETRY_POLICY, middle)).toBe(438);
    expect(retryDelay({ kind: 'response', status: 429 }, { ...GET, retriesSoFar: 1 }, DEFAULT_RETRY_POLICY, middle)).toBe(875);
    for (const r of [0, 0.999]) {
      const delay = backoff(3, DEFAULT_RETRY_POLICY, () => r);
      expect(delay).toBeGreaterThanOrEqual(3000);
      expect(delay).toBeLessThanOrEqual(4000);
    }
    expect(backoff(20, DEFAULT_RETRY_POLICY, () => 0.999)).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  it('stops after maxRetries', () => {
    expect(retryDelay({ kind: 'response', status: 429 }, { ...GET, retriesSoFar: 2 })).toBeUndefined();
    expect(retryDelay({ kind: 'network' }, { ...GET, retriesSoFar: 2 })).toBeUndefined();
    expect(retryDelay({ kind: 'response', status: 429 }, GET, { ...DEFAULT_RETRY_POLICY, maxRetries: 0 })).toBeUndefined();
  });

  it('never retries refusals and other failures', () => {
    for (const status of [200, 400, 401, 403, 404, 405, 409, 422, 500, 502, 504]) {
      expect(retryDelay({ kind: 'response', status }, KEYED_POST)).toBeUndefined();
    }
  });

  it('retries a 409 that carries Retry-After (the same key is still being processed)', () => {
    expect(retryDelay({ kind: 'response', status: 409, retryAfterMs: 1000 }, KEYED_POST)).toBe(1000);
  });

  it('repeats a POST after a 503 or a lost answer only when it carries an Idempotency-Key', () => {
    expect(retryDelay({ kind: 'response', status: 503 }, BARE_POST)).toBeUndefined();
    expect(retryDelay({ kind: 'network' }, BARE_POST)).toBeUndefined();
    expect(retryDelay({ kind: 'timeout' }, BARE_POST)).toBeUndefined();
    expect(retryDelay({ kind: 'network' }, KEYED_POST)).toBeGreaterThan(0);
    expect(retryDelay({ kind: 'timeout' }, GET)).toBeGreaterThan(0);
    // A 429 was refused before any work began: always safe to repeat.
    expect(retryDelay({ kind: 'response', status: 429 }, BARE_POST)).toBeGreaterThan(0);
  });

  it('does not wait longer than maxRetryAfterMs: the error is returned instead', () => {
    expect(retryDelay({ kind: 'response', status: 429, retryAfterMs: 61_000 }, GET)).toBeUndefined();
    expect(retryDelay({ kind: 'response', status: 429, retryAfterMs: 61_000 }, GET, { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 120_000 })).toBe(61_000);
  });
});
