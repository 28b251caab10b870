import { DomainError } from '@influgentic/contracts';
import { holdRetryDelayMs, isFinalLedgerRefusal } from './spend-holds';

describe('ledger refusals', () => {
  it.each(['invalid_state', 'not_found', 'forbidden', 'validation_error', 'conflict'] as const)('%s is final: retrying would only repeat it', (code) => {
    expect(isFinalLedgerRefusal(new DomainError(code, 'no'))).toBe(true);
  });

  it.each(['service_unavailable', 'internal_error', 'rate_limited'] as const)('%s may pass, so it is tried again', (code) => {
    expect(isFinalLedgerRefusal(new DomainError(code, 'later'))).toBe(false);
  });

  it('treats anything that is not a refusal (a socket error, a bug) as passing', () => {
    expect(isFinalLedgerRefusal(new Error('ECONNRESET'))).toBe(false);
    expect(isFinalLedgerRefusal('timeout')).toBe(false);
  });
});

describe('hold retry backoff', () => {
  it('doubles from the base per attempt, within [ceiling/2, ceiling]', () => {
    expect(holdRetryDelayMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(holdRetryDelayMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(holdRetryDelayMs(2, 1000, 60_000, () => 1)).toBe(2000);
    expect(holdRetryDelayMs(4, 1000, 60_000, () => 1)).toBe(8000);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(holdRetryDelayMs(7, 1000, 60_000, () => 1)).toBe(60_000);
    expect(holdRetryDelayMs(10_000, 1000, 60_000, () => 1)).toBe(60_000);
    expect(holdRetryDelayMs(10_000, 1000, 60_000, () => 0)).toBe(30_000);
  });

  it('spreads replicas apart (jitter) instead of retrying in lockstep', () => {
    const seen = new Set(Array.from({ length: 20 }, (_, i) => holdRetryDelayMs(3, 1000, 60_000, () => i / 20)));
    expect(seen.size).toBeGreaterThan(10);
  });
});
