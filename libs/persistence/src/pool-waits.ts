import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

type Release = (release?: unknown) => void;
type ConnectCallback = (err: Error | undefined, client: PoolClient | undefined, release: Release) => void;

/**
 * Times how long each checkout of a pooled connection waits (a saturated pool queues requests here, invisibly to
 * query timings): `observe` gets the wait in seconds. Both of pg's call styles are timed — `pool.query()` checks out
 * with a callback, TypeORM's query runners with the promise.
 */
export function timePoolWaits(pool: Pool, observe: (seconds: number) => void): void {
  const connect = pool.connect.bind(pool) as (cb?: ConnectCallback) => Promise<PoolClient> | undefined;
  const timed = (cb?: ConnectCallback) => {
    const started = performance.now();
    const done = () => observe((performance.now() - started) / 1000);
    if (cb) return connect((err, client, release) => { done(); cb(err, client, release); });
    return connect()!.then((client) => { done(); return client; });
  };
  (pool as unknown as { connect: typeof timed }).connect = timed;
}

/** The pg pool behind a TypeORM data source (Postgres driver). */
export function poolOf(ds: DataSource): Pool {
  return (ds.driver as PostgresDriver).master as Pool;
}
