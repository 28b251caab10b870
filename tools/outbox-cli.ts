// `npm run outbox -- <status|list|redrive> [--schema <name>] [--id <event id>]`: the parked events of the services'
// outboxes, and their redrive once the cause is removed.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { databaseUrl } from '@influgentic/persistence';
import { assertSchemaName, listParked, outboxCounts, redriveParked } from '@influgentic/messaging';
import { useLocalDatabase } from './local-database';

const SERVICE_SCHEMAS = ['registry', 'campaigns', 'content', 'analytics', 'webhooks'];

const USAGE = `usage: npm run outbox -- status [--schema <name>]
       npm run outbox -- list [--schema <name>]
       npm run outbox -- redrive --schema <name> [--id <event id>]`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { schema: { type: 'string' }, id: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0];
  if (values.help || !command || !['status', 'list', 'redrive'].includes(command)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'redrive' && !values.schema) {
    console.error(`redrive needs --schema\n${USAGE}`);
    return 2;
  }
  const schemas = values.schema ? [assertSchemaName(values.schema)] : SERVICE_SCHEMAS;

  const stopInfra = await useLocalDatabase();
  const ds = new DataSource({ type: 'postgres', url: databaseUrl(), extra: { max: 1 } });
  await ds.initialize();
  try {
    for (const schema of schemas) {
      const [{ exists }] = await ds.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [`"${schema}".outbox`]);
      if (!exists) {
        if (!values.schema) continue; // that service has not been migrated in this database
        console.error(`${schema}: no outbox table in this database`);
        return 1;
      }
      if (command === 'status') {
        const c = await outboxCounts(ds, schema);
        console.log(`${schema}: ${c.pending} pending, ${c.parked} parked, oldest unpublished ${c.oldest_pending_s} s`);
      } else if (command === 'list') {
        const parked = await listParked(ds, schema);
        console.log(`${schema}: ${parked.length} parked`);
        for (const p of parked) {
          console.log(`  ${p.id} ${p.type} aggregate=${p.aggregate_id ?? '-'} attempts=${p.attempts} waiting=${p.waiting} ` +
            `parked_at=${new Date(p.parked_at).toISOString()}\n    last_error: ${p.last_error ?? '-'}`);
        }
      } else {
        const ids = await redriveParked(ds, schema, values.id);
        if (values.id && !ids.length) {
          console.error(`${schema}: no parked event ${values.id}`);
          return 1;
        }
        console.log(`${schema}: redrove ${ids.length} event(s)${ids.length ? `: ${ids.join(', ')}` : ''}`);
      }
    }
    return 0;
  } finally {
    await ds.destroy();
    await stopInfra();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(`outbox: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
