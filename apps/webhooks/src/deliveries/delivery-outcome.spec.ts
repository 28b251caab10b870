import { decideOutcome, healthAfterFailure } from './delivery-outcome';
import type { SendResult } from './http-sender';
import type { RetryPolicy } from './retry-policy';

const retry: RetryPolicy = { scheduleMs: [1_000, 10_000], maxAttempts: 3, jitter: 0, retryAfterCapMs: 10_000 };
const settings = { retry, breakerThreshold: 3, disableAfterMs: 60_000 };
const now = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);

const answer = (statusCode: number | null, extra: Partial<SendResult> = {}): SendResult => ({
  startedAt: now, latencyMs: 3, address: '203.0.113.9', statusCode, snippet: null, location: null, retryAfter: null,
  errorCode: statusCode !== null && statusCode < 300 ? null : statusCode === null ? 'timeout' : 'http_status',
  errorMessage: statusCode !== null && statusCode < 300 ? null : 'failed', ...extra,
});

describe('attempt outcome', () => {
  it('2xx succeeds and heals the endpoint', () => {
    expect(decideOutcome(answer(204), 1, 3, settings, now)).toEqual({
      delivery: { status: 'succeeded', nextAttemptAt: null, lastError: null }, endpoint: 'healthy', disableReason: null,
    });
  });

  it('410 fails the delivery and disables the endpoint', () => {
    const o = decideOutcome(answer(410), 1, 3, settings, now);
    expect(o.delivery.status).toBe('failed');
    expect(o.disableReason).toMatch(/410/);
  });

  it('a failure waits for the next step, then fails when tries are used up', () => {
    expect(decideOutcome(answer(500), 1, 3, settings, now).delivery).toEqual({ status: 'pending', nextAttemptAt: at(1_000), lastError: 'http_status: failed' });
    expect(decideOutcome(answer(null), 2, 3, settings, now).delivery).toMatchObject({ status: 'pending', nextAttemptAt: at(10_000), lastError: 'timeout: failed' });
    expect(decideOutcome(answer(500), 3, 3, settings, now).delivery).toMatchObject({ status: 'failed', nextAttemptAt: null });
  });

  it('a 429 or 503 with Retry-After waits at least that long (within the cap); a 500 with one does not', () => {
    expect(decideOutcome(answer(429, { retryAfter: '7' }), 1, 3, settings, now).delivery.nextAttemptAt).toEqual(at(7_000));
    expect(decideOutcome(answer(503, { retryAfter: '3600' }), 1, 3, settings, now).delivery.nextAttemptAt).toEqual(at(10_000));
    expect(decideOutcome(answer(500, { retryAfter: '7' }), 1, 3, settings, now).delivery.nextAttemptAt).toEqual(at(1_000));
  });

  it('counts failures in a row, opens the circuit at the threshold and disables after the window', () => {
    const first = healthAfterFailure({ consecutiveFailures: 0, failingSince: null, circuitOpenUntil: null }, at(1_000), now, settings);
    expect(first).toEqual({ health: { consecutiveFailures: 1, failingSince: now, circuitOpenUntil: null }, disableReason: null });
    const third = healthAfterFailure({ consecutiveFailures: 2, failingSince: now, circuitOpenUntil: null }, at(10_000), at(30_000), settings);
    expect(third.health).toEqual({ consecutiveFailures: 3, failingSince: now, circuitOpenUntil: at(10_000) });
    expect(third.disableReason).toBeNull();
    const late = healthAfterFailure({ consecutiveFailures: 9, failingSince: now, circuitOpenUntil: null }, null, at(60_000), settings);
    expect(late.disableReason).toMatch(/failing without a success since 2026-03-01T12:00:00.000Z/);
    expect(late.health.circuitOpenUntil).toEqual(at(61_000));
  });
});
