import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_TYPES_PATH, renderSdkTypes } from './sdk-types';

// `npm run sdk:generate` writes the SDK's types from the gateway's current OpenAPI document; with `--stdout` it prints
// them instead (the drift test compares that with the committed file).
async function main(): Promise<void> {
  const text = await renderSdkTypes();
  if (process.argv.includes('--stdout')) {
    process.stdout.write(text);
    return;
  }
  writeFileSync(path.resolve(__dirname, '../..', GENERATED_TYPES_PATH), text);
  console.log(`wrote ${GENERATED_TYPES_PATH} (${text.split('\n').length} lines)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
