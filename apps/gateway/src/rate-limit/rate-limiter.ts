import type { Pool } from 'pg';
import { RATE_WINDOW_SECONDS } from '@influgentic/contracts';

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the budget has room again (0 when allowed with room to spare). */
  resetSeconds: number;
}

const WINDOW_MS = RATE_WINDOW_SECONDS * 1000;

/**
 * A rolling-window limiter shared by every gateway replica through Postgres. It keeps one counter per bucket and
 * fixed 60 s slot and weighs the previous slot by how much of it still lies inside the rolling window (the
 * "sliding window counter" approximation): one upsert per request, no per-request rows, constant memory.
 */
export class RateLimiter {
  /**
   * `namespace` prefixes the per-client-address buckets (see `addressBucket`): gateways of one installation share it,
   * and installations (or test platforms) that share a database but not their clients keep apart.
   */
  constructor(private readonly pool: Pool, private readonly now: () => number = Date.now, private readonly namespace = '') {}

  /** The bucket of a per-address budget (`authfail`, `review`); per-key buckets are unique by key id already. */
  addressBucket(kind: string, address: string): string {
    return `${this.namespace}${kind}:${address}`;
  }

  /** Counts one request against `bucket` and decides whether it may pass. */
  async hit(bucket: string, limit: number): Promise<RateDecision> {
    const now = this.now();
    const slot = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    const { rows } = await this.pool.query(
      `WITH cur AS (
         INSERT INTO gateway.rate_counters (bucket, window_start, hits) VALUES ($1, $2, 1)
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = gateway.rate_counters.hits + 1
         RETURNING hits)
       SELECT cur.hits, COALESCE((SELECT hits FROM gateway.rate_counters WHERE bucket = $1 AND window_start = $3), 0) AS prev FROM cur`,
      [bucket, slot, slot - WINDOW_MS],
    );
    const { hits, prev } = rows[0] as { hits: number; prev: number };
    const prevWeight = 1 - (now - slot) / WINDOW_MS;
    const used = prev * prevWeight + hits;
    if (used <= limit) {
      return { allowed: true, limit, remaining: Math.max(0, Math.floor(limit - used)), resetSeconds: Math.ceil((slot + WINDOW_MS - now) / 1000) };
    }
    // A refused request does not consume budget, so a client that backs off is not punished for asking.
    await this.pool.query(`UPDATE gateway.rate_counters SET hits = hits - 1 WHERE bucket = $1 AND window_start = $2`, [bucket, slot]);
    return { allowed: false, limit, remaining: 0, resetSeconds: retryAfterSeconds(now, slot, prev, hits - 1, limit) };
  }

  /** Drops slots that can no longer matter; safe to run from any replica. */
  async prune(): Promise<number> {
    const { rowCount } = await this.pool.query(`DELETE FROM gateway.rate_counters WHERE window_start < $1`, [this.now() - 2 * WINDOW_MS]);
    return rowCount ?? 0;
  }
}

/** Seconds until prev·weight(t) + hits + 1 ≤ limit, as the previous slot's weight decays (or the slot rolls over). */
export function retryAfterSeconds(now: number, slot: number, prev: number, hits: number, limit: number): number {
  const slotEnd = slot + WINDOW_MS;
  if (hits + 1 > limit || prev === 0) return Math.max(1, Math.ceil((slotEnd - now) / 1000));
  // prev * (1 - (t - slot)/W) + hits + 1 <= limit  →  t >= slot + W * (1 - (limit - hits - 1) / prev)
  const t = slot + WINDOW_MS * (1 - (limit - hits - 1) / prev);
  return Math.max(1, Math.ceil((Math.min(t, slotEnd) - now) / 1000));
}
