'use strict';
// NATS with JetStream: NATS_URL → a JetStream-enabled server on 127.0.0.1:4222 → nats-server found on this machine
// → (as root, with apt-get) Debian's nats-server package, installed and started.

const fsp = require('node:fs/promises');
const net = require('node:net');
const path = require('node:path');
const { LOCALHOST, choosePort } = require('./ports');
const { readJson, writeJson, findExecutable, firstLineOf } = require('./files');
const { isRoot, runLogged } = require('./processes');
const { spawnServer, stopLeftover, waitFor } = require('./servers');
const { redactUrl } = require('./redact-url');

const DEFAULT_NATS_PORT = 4222;

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

module.exports = { ensureNats };
