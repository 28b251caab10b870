import { AuthFailureGuard, isRateLimited } from './auth-failures';
import type { RateDecision, RateLimiter } from './rate-limiter';

describe('rate-limit policy', () => {
  it('limits every class for live keys and only generate for sandbox keys', () => {
    expect(isRateLimited('read', true)).toBe(true);
    expect(isRateLimited('generate', true)).toBe(true);
    expect(isRateLimited('generate', false)).toBe(true);
    expect(isRateLimited('read', false)).toBe(false);
    expect(isRateLimited('write', false)).toBe(false);
    expect(isRateLimited('ingest', false)).toBe(false);
    expect(isRateLimited(undefined, true)).toBe(false);
  });
});

describe('AuthFailureGuard', () => {
  it('blocks an address in memory once the shared counter refuses it, until the window allows it again', async () => {
    let t = 0;
    let calls = 0;
    const limiter = {
      hit: async (bucket: string, limit: number): Promise<RateDecision> => {
        calls += 1;
        expect(bucket).toBe('ns:authfail:10.0.0.1');
        return calls <= limit ? { allowed: true, limit, remaining: limit - calls, resetSeconds: 60 } : { allowed: false, limit, remaining: 0, resetSeconds: 7 };
      },
      addressBucket: (kind: string, address: string) => `ns:${kind}:${address}`,
    } as unknown as RateLimiter;
    const guard = new AuthFailureGuard(limiter, 2, () => t);
    expect((await guard.recordFailure('10.0.0.1')).allowed).toBe(true);
    expect((await guard.recordFailure('10.0.0.1')).allowed).toBe(true);
    expect(guard.blockedFor('10.0.0.1')).toBe(0);
    expect((await guard.recordFailure('10.0.0.1')).allowed).toBe(false);
    expect(guard.blockedFor('10.0.0.1')).toBe(7);
    expect(guard.blockedFor('10.0.0.2')).toBe(0);
    t = 6_500;
    expect(guard.blockedFor('10.0.0.1')).toBe(1);
    t = 7_000;
    expect(guard.blockedFor('10.0.0.1')).toBe(0);
  });
});
