import type { DataSource } from 'typeorm';
import { createServiceDataSource, databaseUrl, isDatabaseUnavailable } from '@influgentic/persistence';
import { SilentableRelay } from './silent-relay';

/** Resolves with what the promise settled to, or 'still waiting' after `ms`. */
function within<T>(p: Promise<T>, ms: number): Promise<{ ok: T } | { err: unknown } | 'still waiting'> {
  return Promise.race([
    p.then((ok) => ({ ok }), (err: unknown) => ({ err })),
    new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms).unref()),
  ]);
}

describe('a database that stops answering (real Postgres behind a relay)', () => {
  let relay: SilentableRelay;
  let ds: DataSource;

  beforeAll(async () => {
    const url = new URL(databaseUrl());
    relay = new SilentableRelay({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(await relay.start());
    ds = createServiceDataSource({ schema: 'public', entities: [], migrations: [], url: url.toString(), poolSize: 2, queryTimeoutMs: 1000, connectTimeoutMs: 1000 });
    await ds.initialize();
  });

  afterAll(async () => {
    relay.silent = false;
    await ds?.destroy().catch(() => undefined);
    await relay?.stop();
  });

  it('fails queries as unavailable within the timeouts, and serves again once the database answers', async () => {
    await expect(ds.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    relay.silent = true;
    // More queries than the pool has connections: the pooled ones get no answer, the rest wait for a connection.
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => within(ds.query('SELECT 1 AS one'), 5000)));
    for (const outcome of outcomes) {
      expect(outcome).not.toBe('still waiting');
      expect(outcome).toHaveProperty('err');
      expect(isDatabaseUnavailable((outcome as { err: unknown }).err)).toBe(true);
    }
    relay.silent = false;
    let recovered: unknown;
    for (let i = 0; i < 20 && recovered === undefined; i++) {
      recovered = await ds.query('SELECT 1 AS one').catch(() => undefined);
      if (recovered === undefined) await new Promise((r) => setTimeout(r, 250));
    }
    expect(recovered).toEqual([{ one: 1 }]);
  }, 20_000);
});
