import type { RateClass } from '@influgentic/contracts';
import type { RateDecision, RateLimiter } from './rate-limiter';

/**
 * Which requests count against a key's budget: every class for live keys; for sandbox keys only `generate`, since a
 * sandbox may still drive a real, paid model (API.md, Rate limits).
 */
export function isRateLimited(cls: RateClass | undefined, livemode: boolean): cls is RateClass {
  return cls !== undefined && (livemode || cls === 'generate');
}

/**
 * Limits requests that present an unknown, revoked or expired key, per client address, so that guessing keys costs
 * the guesser: the count is shared by every replica through the rate limiter, and once an address is over its burst
 * this replica refuses it from memory, without touching the database, until the window lets it through again.
 */
export class AuthFailureGuard {
  private readonly blocked = new Map<string, number>();

  constructor(private readonly limiter: RateLimiter, readonly limitPerMinute: number, private readonly now: () => number = Date.now) {}

  /** Seconds this address must still wait, or 0; answered from memory. */
  blockedFor(address: string): number {
    const until = this.blocked.get(address);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left <= 0) {
      this.blocked.delete(address);
      return 0;
    }
    return Math.ceil(left / 1000);
  }

  /** Counts one failed authentication from `address`. */
  async recordFailure(address: string): Promise<RateDecision> {
    const d = await this.limiter.hit(this.limiter.addressBucket('authfail', address), this.limitPerMinute);
    if (!d.allowed) {
      // Bounded memory under a spray of addresses: forget the oldest entries first.
      if (this.blocked.size >= 10_000) this.blocked.delete(this.blocked.keys().next().value as string);
      this.blocked.set(address, this.now() + d.resetSeconds * 1000);
    }
    return d;
  }
}
