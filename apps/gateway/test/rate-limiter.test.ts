import { Pool } from 'pg';
import { startPlatform, type Platform } from '../../../tools/testing/platform';
import { RateCounterStore } from '../src/rate-limit/rate-counter-store';
import { RateLimiter } from '../src/rate-limit/rate-limiter';

/** Two limiters on the real shared counter table, as two gateway replicas run them. */
describe('rate limiter on the shared Postgres counters', () => {
  let platform: Platform;
  let pool: Pool;
  let trips = 0;

  beforeAll(async () => {
    platform = await startPlatform([]); // migrates the gateway schema
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  });
  afterAll(async () => {
    await pool.end();
    await platform.close();
  });

  /** A store that counts its statements, so the test sees how often a replica goes to the database. */
  function countingStore(): RateCounterStore {
    const counted = { query: (...args: Parameters<Pool['query']>) => { trips++; return (pool.query as (...a: unknown[]) => unknown)(...args); } } as unknown as Pool;
    return new RateCounterStore(counted);
  }

  it('keeps one budget across replicas without a round trip per request, and hands back what a replica did not spend', async () => {
    const bucket = `it:${Math.random().toString(36).slice(2)}:read`;
    const now = () => Math.floor(Date.now() / 60_000) * 60_000 + 1_000; // inside one slot, whatever the clock says
    const replicas = [new RateLimiter(countingStore(), now), new RateLimiter(countingStore(), now)];
    const limit = 2000;
    let allowed = 0;
    // 3,000 requests, 50 at a time, alternating replicas: more than the budget, concurrently.
    for (let i = 0; i < 60; i++) {
      const batch = await Promise.all(Array.from({ length: 50 }, (_, j) => replicas[(i + j) % 2].hit(bucket, limit)));
      allowed += batch.filter((d) => d.allowed).length;
    }
    const block = replicas[0].blockSize(limit);
    expect(block).toBe(20);
    expect(allowed).toBeLessThanOrEqual(limit);
    expect(allowed).toBeGreaterThanOrEqual(limit - 2 * block);
    // About one statement per block while there was budget, then one per remembered refusal: far fewer than requests.
    expect(trips).toBeLessThan(3000 / 10);
    const [{ hits }] = (await pool.query(`SELECT hits FROM gateway.rate_counters WHERE bucket = $1`, [bucket])).rows;
    expect(hits).toBeGreaterThanOrEqual(allowed);
    await Promise.all(replicas.map((r) => r.release()));
    const after = (await pool.query(`SELECT hits FROM gateway.rate_counters WHERE bucket = $1`, [bucket])).rows[0].hits;
    expect(after).toBe(allowed);
  });
});
