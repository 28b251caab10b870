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
    extra: { max: Math.max(2, opts.poolSize ?? Number(process.env.DB_POOL_SIZE ?? 10)), application_name: `influgentic-${opts.schema}` },
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

/** Initializes a service DataSource and migrates it. */
export async function openServiceDatabase(opts: ServiceDatabaseOptions): Promise<DataSource> {
  const ds = createServiceDataSource(opts);
  await ds.initialize();
  await migrateServiceSchema(ds, opts.schema);
  return ds;
}
