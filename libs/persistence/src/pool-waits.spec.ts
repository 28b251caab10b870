import type { Pool, PoolClient } from 'pg';
import { timePoolWaits } from './pool-waits';

/** A stand-in with pg's two checkout styles, handing out a client after `delayMs`. */
function fakePool(delayMs: number) {
  const client = { id: 'c1' } as unknown as PoolClient;
  const pool = {
    connect(cb?: (err: Error | undefined, c: PoolClient | undefined, release: () => void) => void) {
      if (cb) { setTimeout(() => cb(undefined, client, () => undefined), delayMs); return undefined; }
      return new Promise<PoolClient>((r) => setTimeout(() => r(client), delayMs));
    },
  };
  return { pool: pool as unknown as Pool, client };
}

describe('timePoolWaits', () => {
  it('times a checkout made with a callback (pool.query) and hands the client on', async () => {
    const { pool, client } = fakePool(30);
    const waits: number[] = [];
    timePoolWaits(pool, (s) => waits.push(s));
    const got = await new Promise((resolve) => pool.connect((_e, c) => resolve(c)));
    expect(got).toBe(client);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(0.025);
    expect(waits[0]).toBeLessThan(1);
  });

  it('times a checkout made with the promise (query runners)', async () => {
    const { pool, client } = fakePool(5);
    const waits: number[] = [];
    timePoolWaits(pool, (s) => waits.push(s));
    await expect(pool.connect()).resolves.toBe(client);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(0);
  });
});
