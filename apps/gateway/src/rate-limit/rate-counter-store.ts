import type { Pool } from 'pg';
import { RATE_WINDOW_SECONDS } from '@influgentic/contracts';

export const RATE_WINDOW_MS = RATE_WINDOW_SECONDS * 1000;

/** What the shared counter said when a block of budget was asked for. */
export interface BlockGrant {
  /** Requests this replica may now spend (0..asked). */
  granted: number;
  /** Hits of the previous 60 s slot, which the rolling window still weighs. */
  prevHits: number;
  /** Hits of the current slot after the grant (the grant included). */
  hits: number;
}

/**
 * The counters every gateway replica shares: one row per bucket and fixed 60 s slot in an unlogged table. Replicas
 * take budget from it in blocks (see `RateLimiter`), so a row is written once per block, not once per request.
 */
export class RateCounterStore {
  constructor(private readonly pool: Pool) {}

  /**
   * Adds up to `block` hits to the slot, as many as fit under `limit` once the previous slot is weighed by
   * `prevWeight`. The block is added first and the part that did not fit is handed back by a second statement only
   * when the budget is nearly spent, so the common case is one round trip.
   */
  async takeBlock(bucket: string, slot: number, block: number, limit: number, prevWeight: number): Promise<BlockGrant> {
    const { rows } = await this.pool.query(
      `WITH cur AS (
         INSERT INTO gateway.rate_counters (bucket, window_start, hits) VALUES ($1, $2, $4)
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = gateway.rate_counters.hits + $4
         RETURNING hits)
       SELECT cur.hits, COALESCE((SELECT hits FROM gateway.rate_counters WHERE bucket = $1 AND window_start = $3), 0) AS prev FROM cur`,
      [bucket, slot, slot - RATE_WINDOW_MS, block],
    );
    const { hits, prev } = rows[0] as { hits: number; prev: number };
    const over = Math.ceil(prev * prevWeight + hits - limit);
    const granted = over <= 0 ? block : Math.max(0, block - over);
    if (granted < block) await this.giveBack(bucket, slot, block - granted);
    return { granted, prevHits: prev, hits: hits - (block - granted) };
  }

  /** Returns hits that were taken but not spent (a refused remainder, or a block left over when its slot ended). */
  async giveBack(bucket: string, slot: number, hits: number): Promise<void> {
    if (hits <= 0) return;
    await this.pool.query(`UPDATE gateway.rate_counters SET hits = GREATEST(0, hits - $3) WHERE bucket = $1 AND window_start = $2`, [bucket, slot, hits]);
  }

  /** Drops slots that can no longer matter; safe to run from any replica. */
  async prune(now: number): Promise<number> {
    const { rowCount } = await this.pool.query(`DELETE FROM gateway.rate_counters WHERE window_start < $1`, [now - 2 * RATE_WINDOW_MS]);
    return rowCount ?? 0;
  }
}
