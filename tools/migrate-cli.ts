// `npm run migrate`: runs every service's migrations (services also run them at start).
import 'reflect-metadata';
import { openServiceDatabase } from '@influgentic/persistence';
import { REGISTRY_ENTITIES, REGISTRY_MIGRATIONS } from '../apps/registry/src/app.module';
import { useLocalDatabase } from './local-database';
import { InitGateway1732838400000 } from '../apps/gateway/src/migrations/1732838400000-init-gateway';

async function main() {
  const stopInfra = await useLocalDatabase();
  const schemas: Array<{ schema: string; entities: never[] | typeof REGISTRY_ENTITIES; migrations: unknown[] }> = [
    { schema: 'gateway', entities: [], migrations: [InitGateway1732838400000] },
    { schema: 'registry', entities: REGISTRY_ENTITIES, migrations: REGISTRY_MIGRATIONS },
  ];
  for (const name of ['campaigns', 'content', 'analytics', 'webhooks']) {
    const mod = require(`../apps/${name}/src/app.module`);
    const key = Object.keys(mod).find((k) => k.endsWith('_MIGRATIONS'));
    const entitiesKey = Object.keys(mod).find((k) => k.endsWith('_ENTITIES'));
    if (key) schemas.push({ schema: name, entities: entitiesKey ? mod[entitiesKey] : [], migrations: mod[key] });
  }
  for (const s of schemas) {
    const ds = await openServiceDatabase({ schema: s.schema, entities: s.entities as never, migrations: s.migrations as never, poolSize: 2 });
    await ds.destroy();
    console.log(`migrated ${s.schema}`);
  }
  await stopInfra();
}

main().catch((err) => {
  console.error(`migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
