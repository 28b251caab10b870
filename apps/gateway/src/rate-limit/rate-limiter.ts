import type { Pool } from 'pg';
import { RATE_WINDOW_MS, RateCounterStore } from './rate-counter-store';

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the budget has room again (0 when allowed with room to spare). */
  resetSeconds: number;
}

/** The part of `RateCounterStore` the limiter uses (unit tests give it an in-memory one). */
export type CounterStore = Pick<RateCounterStore, 'takeBlock' | 'giveBack' | 'prune'>;

export interface RateLimiterOptions {
  /** Share of a limit one replica takes per trip to the shared counter (default 1 %)… */
  blockFraction?: number;
  /** …and at most this many requests (default 50). */
  maxBlock?: number;
  /** How long a refusal is answered from memory before the shared counter is asked again (default 1 s). */
  refusalMemoMs?: number;
  /** Buckets remembered at once; beyond it the oldest lease is handed back (bounded memory). */
  maxBuckets?: number;
}

/** A block of a bucket's budget this replica took from the shared counter and spends in memory. */
interface Lease {
  /** The limit the block was taken under: a plan change or override makes it stale. */
  limit: number;
  slot: number;
  left: number;
  /** Weighted use of the whole window right after the grant (every replica's, this block included). */
  usedAfterGrant: number;
}

interface Refusal {
  limit: number;
  until: number;
  retryAt: number;
}

/**
 * A rolling-window limiter shared by every gateway replica through Postgres, without a database round trip per
 * request. Each replica takes a small block of a bucket's budget at a time (1 % of the limit, at most 50) from one
 * counter per bucket and fixed 60 s slot, and spends it in memory; the previous slot is weighed by how much of it
 * still lies inside the rolling window (the "sliding window counter" approximation).
 *
 * A trip takes more when more requests of the bucket are waiting at once, so a burst is served by one trip.
 *
 * Overshoot: none beyond that approximation, since a block is counted before it is spent and a block taken in one
 * slot is never spent in the next. Undershoot: at most one unspent block per replica and bucket (≤ 1 % of the limit
 * each); remainders are handed back when their slot ends and the bucket is used again. A refusal is remembered for a
 * second, so a client hammering past its limit costs one query per second per replica, not one per request.
 */
export class RateLimiter {
  private readonly store: CounterStore;
  private readonly leases = new Map<string, Lease>();
  private readonly refusals = new Map<string, Refusal>();
  private readonly pending = new Map<string, Promise<void>>();
  /** Requests of each bucket waiting for a decision right now. */
  private readonly waiting = new Map<string, number>();
  private readonly blockFraction: number;
  private readonly maxBlock: number;
  private readonly refusalMemoMs: number;
  private readonly maxBuckets: number;

  /**
   * `namespace` prefixes the per-client-address buckets (see `addressBucket`): gateways of one installation share it,
   * and installations (or test platforms) that share a database but not their clients keep apart.
   */
  constructor(
    store: Pool | CounterStore,
    private readonly now: () => number = Date.now,
    private readonly namespace = '',
    options: RateLimiterOptions = {},
  ) {
    this.store = 'takeBlock' in store ? store : new RateCounterStore(store);
    this.blockFraction = options.blockFraction ?? 0.01;
    this.maxBlock = options.maxBlock ?? 50;
    this.refusalMemoMs = options.refusalMemoMs ?? 1000;
    this.maxBuckets = options.maxBuckets ?? 50_000;
  }

  /** The bucket of a per-address budget (`authfail`, `review`); per-key buckets are unique by key id already. */
  addressBucket(kind: string, address: string): string {
    return `${this.namespace}${kind}:${address}`;
  }

  /** How many requests one trip to the shared counter takes for a bucket with this limit. */
  blockSize(limit: number): number {
    return Math.max(1, Math.min(this.maxBlock, Math.floor(limit * this.blockFraction)));
  }

  /** Counts one request against `bucket` and decides whether it may pass. */
  async hit(bucket: string, limit: number): Promise<RateDecision> {
    // Every round ends with a grant someone spends or a remembered refusal, so this ends; requests that arrive
    // together are counted, so one trip takes a block big enough for all of them.
    this.waiting.set(bucket, (this.waiting.get(bucket) ?? 0) + 1);
    try {
      for (;;) {
        const decided = this.fromMemory(bucket, limit);
        if (decided) return decided;
        await this.refill(bucket, limit);
      }
    } finally {
      const left = (this.waiting.get(bucket) ?? 1) - 1;
      if (left > 0) this.waiting.set(bucket, left);
      else this.waiting.delete(bucket);
    }
  }

  /** Decides from this replica's lease or remembered refusal, or answers null when the shared counter must be asked. */
  private fromMemory(bucket: string, limit: number): RateDecision | null {
    const now = this.now();
    const slot = slotOf(now);
    const refusal = this.refusals.get(bucket);
    if (refusal) {
      if (now < refusal.until && refusal.limit === limit) return refused(limit, refusal.retryAt, now);
      this.refusals.delete(bucket);
    }
    const lease = this.leases.get(bucket);
    if (!lease) return null;
    if (lease.slot !== slot || lease.limit !== limit) {
      this.leases.delete(bucket);
      this.handBack(bucket, lease);
      return null;
    }
    if (lease.left <= 0) return null;
    lease.left -= 1;
    return {
      allowed: true, limit,
      remaining: Math.max(0, Math.floor(limit - lease.usedAfterGrant + lease.left)),
      resetSeconds: Math.ceil((slot + RATE_WINDOW_MS - now) / 1000),
    };
  }

  /** Takes the next block for `bucket`; concurrent requests of one bucket share one trip. */
  private refill(bucket: string, limit: number): Promise<void> {
    const inFlight = this.pending.get(bucket);
    if (inFlight) return inFlight;
    const trip = this.takeBlock(bucket, limit).finally(() => this.pending.delete(bucket));
    this.pending.set(bucket, trip);
    return trip;
  }

  private async takeBlock(bucket: string, limit: number): Promise<void> {
    const now = this.now();
    const slot = slotOf(now);
    const prevWeight = 1 - (now - slot) / RATE_WINDOW_MS;
    const wanted = Math.min(limit, Math.max(this.blockSize(limit), this.waiting.get(bucket) ?? 0));
    const grant = await this.store.takeBlock(bucket, slot, wanted, limit, prevWeight);
    const usedAfterGrant = grant.prevHits * prevWeight + grant.hits;
    if (grant.granted === 0) {
      this.refuse(bucket, limit, now + retryAfterSeconds(now, slot, grant.prevHits, grant.hits, limit) * 1000);
      return;
    }
    const old = this.leases.get(bucket);
    if (old && old.slot !== slot) this.handBack(bucket, old);
    this.remember(this.leases, bucket, { limit, slot, left: grant.granted + (old?.slot === slot ? old.left : 0), usedAfterGrant }, (b, l) => this.handBack(b, l));
  }

  private refuse(bucket: string, limit: number, retryAt: number): RateDecision {
    const now = this.now();
    this.remember(this.refusals, bucket, { limit, until: Math.min(retryAt, now + this.refusalMemoMs), retryAt });
    return refused(limit, retryAt, now);
  }

  /** Sets `bucket` in `map`, evicting the least recently set entry beyond `maxBuckets` (bounded memory). */
  private remember<T>(map: Map<string, T>, bucket: string, value: T, onEvict?: (bucket: string, value: T) => void): void {
    map.delete(bucket);
    if (map.size >= this.maxBuckets) {
      const [oldest, evicted] = map.entries().next().value as [string, T];
      map.delete(oldest);
      onEvict?.(oldest, evicted);
    }
    map.set(bucket, value);
  }

  /** Hands an unspent remainder back to its slot, so the next window does not count it as used. */
  private handBack(bucket: string, lease: Lease): void {
    if (lease.left > 0) void this.store.giveBack(bucket, lease.slot, lease.left).catch(() => undefined);
  }

  /** Forgets leases of ended slots (handing their remainders back) and drops old shared slots. */
  async prune(): Promise<number> {
    const slot = slotOf(this.now());
    for (const [bucket, lease] of this.leases) {
      if (lease.slot === slot) continue;
      this.leases.delete(bucket);
      this.handBack(bucket, lease);
    }
    for (const [bucket, refusal] of this.refusals) if (refusal.until <= this.now()) this.refusals.delete(bucket);
    return this.store.prune(this.now());
  }

  /** Hands every unspent block back (a replica shutting down). */
  async release(): Promise<void> {
    const leases = [...this.leases];
    this.leases.clear();
    await Promise.all(leases.map(([bucket, lease]) => this.store.giveBack(bucket, lease.slot, lease.left).catch(() => undefined)));
  }
}

const slotOf = (now: number) => Math.floor(now / RATE_WINDOW_MS) * RATE_WINDOW_MS;

function refused(limit: number, retryAt: number, now: number): RateDecision {
  return { allowed: false, limit, remaining: 0, resetSeconds: Math.max(1, Math.ceil((retryAt - now) / 1000)) };
}

/** Seconds until prev·weight(t) + hits + 1 ≤ limit, as the previous slot's weight decays (or the slot rolls over). */
export function retryAfterSeconds(now: number, slot: number, prev: number, hits: number, limit: number): number {
  const slotEnd = slot + RATE_WINDOW_MS;
  if (hits + 1 > limit || prev === 0) return Math.max(1, Math.ceil((slotEnd - now) / 1000));
  // prev * (1 - (t - slot)/W) + hits + 1 <= limit  →  t >= slot + W * (1 - (limit - hits - 1) / prev)
  const t = slot + RATE_WINDOW_MS * (1 - (limit - hits - 1) / prev);
  return Math.max(1, Math.ceil((Math.min(t, slotEnd) - now) / 1000));
}
