// `npm run seed -- --agents N [--if-empty]`: loads the agent catalog (default 2,400; up to 1,000,000).
import 'reflect-metadata';
import { openServiceDatabase } from '@influgentic/persistence';
import { REGISTRY_ENTITIES, REGISTRY_MIGRATIONS } from '../../apps/registry/src/app.module';
import { useLocalDatabase } from '../local-database';
import { seedCatalog } from '../../apps/registry/src/catalog/catalog-seeder';
import { DEFAULT_CATALOG_SIZE, MAX_GENERATED_AGENTS } from '../../apps/registry/src/catalog/catalog-generator';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return undefined;
  return process.argv[i + 1];
}

async function main() {
  const raw = arg('agents') ?? String(DEFAULT_CATALOG_SIZE);
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED_AGENTS) {
    console.error(`--agents must be an integer between 1 and ${MAX_GENERATED_AGENTS} (got ${raw})`);
    process.exit(2);
  }
  const stopInfra = await useLocalDatabase();
  const ds = await openServiceDatabase({ schema: 'registry', entities: REGISTRY_ENTITIES, migrations: REGISTRY_MIGRATIONS, poolSize: 2 });
  try {
    let last = 0;
    const result = await seedCatalog(ds, count, {
      ifEmpty: process.argv.includes('--if-empty'),
      onProgress: (n) => {
        if (n - last >= 100_000) { last = n; process.stdout.write(`  … ${n} agents generated\n`); }
      },
    });
    console.log(result.skipped ? 'catalog already seeded; nothing to do' : `seeded ${result.inserted} catalog agents in ${(result.ms / 1000).toFixed(1)} s`);
  } finally {
    await ds.destroy();
    await stopInfra();
  }
}

main().catch((err) => {
  console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
