#!/usr/bin/env node
// `npm test`: installs what is missing, finds or starts Postgres and NATS, gives the run its own database and
// NATS namespace, then runs the unit tests and the integration/e2e tests against the real servers.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const crypto = require('node:crypto');

const root = path.join(__dirname, '..');
require('./ensure-deps').ensureDeps();
// The browser tests drive the built console: build it when it is missing or older than its sources.
require('./build-console').ensureConsoleBuilt({ root });

async function main() {
  const { ensureInfra } = require('./infra');
  const runId = `t${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`;
  const database = process.env.TEST_DATABASE ?? 'influgentic_test';
  const infra = await ensureInfra({ database: 'postgres', log: (m) => console.log(`[test] ${m}`) });
  const dbUrl = await recreateDatabase(infra.databaseUrl, database);
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl,
    NATS_URL: infra.natsUrl,
    INFLUGENTIC_NATS_PREFIX: runId,
    TEST_DATA_DIR: path.join(root, '.data', 'test', runId),
    REGISTRY_TRAINING_DELAY_MS: process.env.REGISTRY_TRAINING_DELAY_MS ?? '300',
    WEBHOOKS_ALLOW_PRIVATE: 'true',
  };
  const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  // Extra arguments (a path pattern, say) come first so --selectProjects does not swallow them; a pattern that
  // matches only integration tests must not fail the unit project.
  const extra = process.argv.slice(2);
  if (extra.length) extra.push('--passWithNoTests');
  let status = 0;
  try {
    // Types and module boundaries first: cheap, and they catch what tests would find slowly.
    for (const script of ['typecheck', 'lint']) {
      const r = spawnSync('npm', ['run', '--silent', script], { cwd: root, env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' }, stdio: 'inherit' });
      if (r.status !== 0) { console.error(`[test] npm run ${script} failed`); status = r.status ?? 1; }
    }
    if (status !== 0 && process.env.TEST_CONTINUE !== '1') throw new Error('static checks failed');
    const unit = spawnSync(process.execPath, [jest, ...extra, '--selectProjects', 'unit'], { cwd: root, env, stdio: 'inherit' });
    status = unit.status ?? 1;
    if (status === 0 || process.env.TEST_CONTINUE === '1') {
      // Integration and e2e suites share one database and NATS namespace, so they run one file at a time.
      const integ = spawnSync(process.execPath, [jest, ...extra, '--runInBand', '--selectProjects', 'integration'], { cwd: root, env, stdio: 'inherit' });
      status = status || (integ.status ?? 1);
    }
  } catch (err) {
    console.error(`[test] ${err.message}`);
    status = status || 1;
  } finally {
    await dropRunStream(infra.natsUrl, runId).catch(() => undefined);
    await infra.stop();
  }
  process.exit(status);
}

async function recreateDatabase(serverUrl, name) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Each run's events live in their own stream; remove it and any left behind by interrupted runs. */
async function dropRunStream(natsUrl, runId) {
  const { connect } = require('nats');
  const nc = await connect({ servers: natsUrl, timeout: 3000 });
  try {
    const jsm = await nc.jetstreamManager();
    for await (const s of jsm.streams.list()) {
      const name = s.config.name;
      if (name === `${runId}_EVENTS` || (/^t[0-9a-z]+_EVENTS$/.test(name) && Date.now() - new Date(s.created).getTime() > 3_600_000)) {
        await jsm.streams.delete(name).catch(() => undefined);
      }
    }
  } finally {
    await nc.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
