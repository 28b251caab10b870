import {
  attemptVerdict, DEFAULT_RETRY_SCHEDULE_MS, honoursRetryAfter, nextRetryDelayMs, parseRetryAfterMs, retryPolicyFromEnv, type RetryPolicy,
} from './retry-policy';

const policy: RetryPolicy = { scheduleMs: DEFAULT_RETRY_SCHEDULE_MS, maxAttempts: 8, jitter: 0.2, retryAfterCapMs: 36_000_000 };
const now = new Date('2026-03-01T12:00:00Z');

describe('retry schedule', () => {
  it('follows the contract: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, and gives up after 8 tries', () => {
    const mid = () => 0.5; // no jitter at the midpoint
    const waits = [1, 2, 3, 4, 5, 6, 7].map((n) => nextRetryDelayMs(policy, n, 8, null, mid));
    expect(waits).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(nextRetryDelayMs(policy, 8, 8, null, mid)).toBeNull();
  });

  it('keeps jitter within ±20 % of each step, at both extremes', () => {
    for (const [n, base] of [[1, 5_000], [4, 7_200_000]] as const) {
      expect(nextRetryDelayMs(policy, n, 8, null, () => 0)).toBe(base * 0.8);
      expect(nextRetryDelayMs(policy, n, 8, null, () => 0.999999)).toBeLessThanOrEqual(base * 1.2);
      expect(nextRetryDelayMs(policy, n, 8, null, () => 0.999999)).toBeGreaterThan(base * 1.19);
    }
  });

  it('repeats the last step when more tries are allowed than steps', () => {
    expect(nextRetryDelayMs(policy, 12, 20, null, () => 0.5)).toBe(36_000_000);
  });

  it('honours Retry-After as a floor, capped', () => {
    const mid = () => 0.5;
    expect(nextRetryDelayMs(policy, 1, 8, 60_000, mid)).toBe(60_000); // asks for more than the 5 s step
    expect(nextRetryDelayMs(policy, 2, 8, 1_000, mid)).toBe(300_000); // asks for less: the schedule still applies
    expect(nextRetryDelayMs(policy, 1, 8, 7 * 86_400_000, mid)).toBe(36_000_000); // a week is capped
    expect(nextRetryDelayMs(policy, 8, 8, 1_000, mid)).toBeNull(); // no tries left, whatever it asks
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores nonsense', () => {
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs(' 7 ', now)).toBe(7_000);
    expect(parseRetryAfterMs('Sun, 01 Mar 2026 12:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfterMs('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeNull();
    expect(parseRetryAfterMs('-5', now)).toBeNull();
    expect(parseRetryAfterMs(null, now)).toBeNull();
  });

  it('is configurable: an explicit list, or a scale of the default (tests compress days into seconds)', () => {
    expect(retryPolicyFromEnv({ WEBHOOKS_RETRY_SCHEDULE_MS: '100, 200,400' }).scheduleMs).toEqual([100, 200, 400]);
    expect(retryPolicyFromEnv({ WEBHOOKS_RETRY_SCHEDULE_MS: '100, 200,400' }).retryAfterCapMs).toBe(400);
    expect(retryPolicyFromEnv({ WEBHOOKS_RETRY_SCALE: '0.001' }).scheduleMs).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(retryPolicyFromEnv({ WEBHOOKS_RETRY_SCHEDULE_MS: '100,oops' }).scheduleMs).toEqual(DEFAULT_RETRY_SCHEDULE_MS);
    expect(retryPolicyFromEnv({}).maxAttempts).toBe(8);
    expect(retryPolicyFromEnv({ WEBHOOKS_MAX_ATTEMPTS: '3', WEBHOOKS_RETRY_JITTER: '0' })).toMatchObject({ maxAttempts: 3, jitter: 0 });
    expect(retryPolicyFromEnv({ WEBHOOKS_RETRY_JITTER: '2' }).jitter).toBe(0.2);
  });

  it('judges answers: 2xx succeeds, 410 is gone, the rest retries; Retry-After counts on 429 and 503 only', () => {
    expect([200, 204, 299].map(attemptVerdict)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(attemptVerdict(410)).toBe('gone');
    expect([null, 199, 301, 302, 400, 404, 429, 500, 503].map(attemptVerdict)).toEqual(Array(9).fill('retry'));
    expect([429, 503].every(honoursRetryAfter)).toBe(true);
    expect([500, 302, null].some(honoursRetryAfter)).toBe(false);
  });
});
