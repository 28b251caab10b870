// `node scripts/run-ts.js tools/nats-config-cli.ts [--check]`: writes deploy/nats/nats.conf — the compose NATS server
// with one user per service and the subject permissions derived from the contracts — or, with --check, exits 1 when
// the file is out of date. Passwords are not in the file: nats-server reads $NATS_<USER>_PASSWORD from its environment.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { natsServerConfig } from '@influgentic/messaging';

const file = join(__dirname, '..', 'deploy', 'nats', 'nats.conf');
const wanted = natsServerConfig();
if (process.argv.includes('--check')) {
  const current = readFileSync(file, 'utf8');
  if (current !== wanted) {
    process.stderr.write(`${file} is out of date; run: node scripts/run-ts.js tools/nats-config-cli.ts\n`);
    process.exit(1);
  }
} else {
  writeFileSync(file, wanted);
  process.stdout.write(`wrote ${file}\n`);
}
