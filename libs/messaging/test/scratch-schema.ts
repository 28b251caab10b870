import { DataSource } from 'typeorm';
import { messagingReliabilitySql, messagingTablesSql } from '@influgentic/messaging';
import { databaseUrl } from '@influgentic/persistence';

/** A schema of its own with the messaging tables (outbox, inbox, dead letters), made fresh for one test file. */
export async function openScratchSchema(schema: string): Promise<DataSource> {
  const ds = new DataSource({ type: 'postgres', url: databaseUrl(), extra: { max: 4 } });
  await ds.initialize();
  await ds.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await ds.query(`CREATE SCHEMA ${schema}`);
  for (const sql of [...messagingTablesSql(schema), ...messagingReliabilitySql(schema)]) await ds.query(sql);
  return ds;
}
