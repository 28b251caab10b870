import { DataSource, type EntitySchema, type MixedList } from 'typeorm';

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/influgentic';
}

export interface ServiceDatabaseOptions {
  /** The Postgres schema this service owns; nobody else touches it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  url?: string;
  /**
   * Longest wait for one query's answer (ms); 0 waits forever. Defaults to `DB_QUERY_TIMEOUT_MS`, else 10 s. A
   * database cut off without a reset (a partition, a frozen server) would otherwise hold every caller forever.
   */
  queryTimeoutMs?: number;
  /** Longest wait for a pooled connection, new or free (ms). Defaults to `DB_CONNECT_TIMEOUT_MS`, else 5 s. */
  connectTimeoutMs?: number;
}

function msFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of milliseconds (got "${raw}")`);
  return n;
}

/**
 * How long a service waits for the database: to get a connection, and for a query's answer. Past either, the query
 * fails as "unavailable" (see `isDatabaseUnavailable`), so callers answer 503 instead of hanging. 0 disables one.
 */
export function databaseTimeouts(opts: { queryTimeoutMs?: number; connectTimeoutMs?: number } = {}): { queryTimeoutMs: number; connectTimeoutMs: number } {
  return {
    queryTimeoutMs: opts.queryTimeoutMs ?? msFromEnv('DB_QUERY_TIMEOUT_MS', 10_000),
    connectTimeoutMs: opts.connectTimeoutMs ?? msFromEnv('DB_CONNECT_TIMEOUT_MS', 5_000),
  };
}

/** node-postgres settings for `databaseTimeouts` (a 0 leaves that wait unbounded). */
export function pgTimeoutSettings(t: { queryTimeoutMs: number; connectTimeoutMs: number }): { query_timeout?: number; connectionTimeoutMillis?: number } {
  return {
    ...(t.queryTimeoutMs > 0 ? { query_timeout: t.queryTimeoutMs } : {}),
    ...(t.connectTimeoutMs > 0 ? { connectionTimeoutMillis: t.connectTimeoutMs } : {}),
  };
}

export function createServiceDataSource(opts: ServiceDatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: opts.url ?? databaseUrl(),
    schema: opts.schema,
    entities: opts.entities,
    migrations: opts.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // At least two connections: migrations hold an advisory lock on one while running on another.
    extra: {
      max: Math.max(2, opts.poolSize ?? Number(process.env.DB_POOL_SIZE ?? 10)), application_name: `influgentic-${opts.schema}`,
      ...pgTimeoutSettings(databaseTimeouts(opts)),
    },
  });
}

/**
 * Creates the schema and runs pending migrations. An advisory lock keyed by the schema name makes concurrent
 * replicas wait for each other instead of racing on the same DDL.
 */
export async function migrateServiceSchema(ds: DataSource, schema: string): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [`influgentic.migrate.${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`influgentic.migrate.${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Initializes a service DataSource and migrates it. Migrations (index builds over a large table, waits for another
 * replica's migration lock) run on their own short-lived connections without the query timeout.
 */
export async function openServiceDatabase(opts: ServiceDatabaseOptions): Promise<DataSource> {
  const migrator = createServiceDataSource({ ...opts, poolSize: 2, queryTimeoutMs: 0 });
  await migrator.initialize();
  try {
    await migrateServiceSchema(migrator, opts.schema);
  } finally {
    await migrator.destroy().catch(() => undefined);
  }
  const ds = createServiceDataSource(opts);
  await ds.initialize();
  return ds;
}
