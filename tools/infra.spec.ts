// The local infrastructure bootstrap (scripts/infra/) is plain CommonJS that runs before dependencies are installed;
// these tests cover its building blocks that need no Postgres or NATS: ports, state files, URL redaction, and the
// lifecycle of the child servers it owns.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const { redactUrl } = require('../scripts/infra/redact-url');
const { choosePort, isPortFree, LOCALHOST } = require('../scripts/infra/ports');
const { readJson, writeJson, firstLineOf, tailOf } = require('../scripts/infra/files');
const { spawnServer, stopLeftover, waitFor } = require('../scripts/infra/servers');
const infra = require('../scripts/infra');

type Exit = { code: number | null; signal: NodeJS.Signals | null; error?: Error };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-spec-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A node child that keeps running; `script` runs first. */
function nodeServer(name: string, script: string, extra: Partial<Record<string, unknown>> = {}) {
  return spawnServer({
    name,
    command: process.execPath,
    args: ['-e', `${script}; setInterval(() => undefined, 1 << 30)`],
    logFile: path.join(dir, `${name}.log`),
    exitSignal: 'SIGTERM',
    stopSignals: ['SIGTERM', 'SIGKILL'],
    graceMs: [5000, 5000],
    ...extra,
  });
}

// The log starts with the command line, so a child announces readiness with text its command does not contain.
const READY = "console.log(['up', 'and', 'running'].join('-'))";
const loggedReady = (file: string) => async () => fs.readFileSync(file, 'utf8').includes('up-and-running');

describe('the entry point', () => {
  it('keeps every name callers use', () => {
    for (const name of ['ensureInfra', 'ensureDatabase', 'findExecutable', 'withParentDeathSignal', 'isPortFree', 'redactUrl']) {
      expect(typeof infra[name]).toBe('function');
    }
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('postgres://postgres:s3cret@127.0.0.1:5432/app')).toBe('postgres://postgres:***@127.0.0.1:5432/app');
  });

  it('leaves a URL without a password alone', () => {
    expect(redactUrl('nats://127.0.0.1:4222')).toBe('nats://127.0.0.1:4222');
  });

  it('still hides the password of a string URL cannot parse', () => {
    expect(redactUrl('not a url //user:pa ss@host')).toBe('not a url //user:***@host');
  });
});

describe('choosePort', () => {
  it('keeps the preferred port while it is free', async () => {
    const port = await choosePort(undefined);
    expect(await isPortFree(port)).toBe(true);
    expect(await choosePort(port)).toBe(port);
  });

  it('picks another free port when the preferred one is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, LOCALHOST, resolve));
    const busy = (taken.address() as net.AddressInfo).port;
    try {
      expect(await isPortFree(busy)).toBe(false);
      const chosen = await choosePort(busy);
      expect(chosen).not.toBe(busy);
      expect(await isPortFree(chosen)).toBe(true);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

describe('state and log files', () => {
  it('writes state readable only by its owner and reads it back', () => {
    const file = path.join(dir, 'pg.json');
    writeJson(file, { initialised: true, password: 'pw', port: 5433 });
    expect(readJson(file)).toEqual({ initialised: true, password: 'pw', port: 5433 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('treats a missing or damaged state file as no state', () => {
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"initialising": tr');
    expect(readJson(path.join(dir, 'broken.json'))).toBeUndefined();
    expect(readJson(path.join(dir, 'missing.json'))).toBeUndefined();
  });

  it('reads the pid line of a pid file and the last lines of a log', () => {
    fs.writeFileSync(path.join(dir, 'server.pid'), ' 4242 \n/data/dir\n');
    fs.writeFileSync(path.join(dir, 'server.log'), 'one\ntwo\nthree\nfour\n');
    expect(firstLineOf(path.join(dir, 'server.pid'))).toBe('4242');
    expect(firstLineOf(path.join(dir, 'missing.pid'))).toBe('');
    expect(tailOf(path.join(dir, 'server.log'), 2)).toBe('three\nfour');
  });
});

describe('servers we own', () => {
  it('stops a server with its first signal and writes its output to the log', async () => {
    const logFile = path.join(dir, 'polite.log');
    const server = nodeServer('polite', READY);
    await waitFor(loggedReady(logFile), { server, timeoutMs: 30000, what: 'polite', logFile });
    await server.stop();
    expect(((await server.exited) as Exit).signal).toBe('SIGTERM');
    expect(server.hasExited).toBe(true);
  });

  it('escalates to the next signal when a server ignores the first', async () => {
    const logFile = path.join(dir, 'stubborn.log');
    const server = nodeServer('stubborn', `process.on('SIGTERM', () => undefined); ${READY}`, {
      graceMs: [200, 5000],
    });
    await waitFor(loggedReady(logFile), { server, timeoutMs: 30000, what: 'stubborn', logFile });
    await server.stop();
    expect(((await server.exited) as Exit).signal).toBe('SIGKILL');
  });

  it('fails a start-up wait as soon as the server exits, quoting its log', async () => {
    const logFile = path.join(dir, 'broken.log');
    const server = spawnServer({
      name: 'broken',
      command: process.execPath,
      args: ['-e', "console.error('FATAL: data directory is damaged'); process.exit(3)"],
      logFile,
      exitSignal: 'SIGTERM',
      stopSignals: ['SIGTERM'],
      graceMs: [5000],
    });
    await expect(waitFor(async () => false, { server, timeoutMs: 60000, what: 'broken server', logFile })).rejects.toThrow(
      /broken server stopped while starting \(exit code 3[\s\S]*FATAL: data directory is damaged/,
    );
  });
});

describe('stopLeftover', () => {
  /** A running process whose command line carries `marker`, as a server's would carry its data directory. */
  async function leftover(marker: string) {
    const child = spawn(process.execPath, ['-e', "console.log('up'); setInterval(() => undefined, 1 << 30)", marker], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // Its command line is only its own once it has started (before exec it is still this process's).
    await new Promise((resolve) => child.stdout.once('data', resolve));
    return { child, exited };
  }

  it('leaves alone a process whose command line is not our server (a recycled pid)', async () => {
    const { child, exited } = await leftover('someone-else');
    try {
      const stopped = await stopLeftover({ pid: child.pid, mustContain: [process.execPath, 'nats-server'], signal: 'SIGTERM', log: () => undefined, what: 'nats' });
      expect(stopped).toBe(false);
      expect(child.exitCode).toBeNull();
      expect(child.signalCode).toBeNull();
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
  });

  it('stops a server left running by an earlier run', async () => {
    const marker = path.join(dir, 'nats');
    const { child, exited } = await leftover(marker);
    const logged: string[] = [];
    const stopped = await stopLeftover({ pid: child.pid, mustContain: [marker], signal: 'SIGTERM', log: (m: string) => logged.push(m), what: 'nats' });
    expect(stopped).toBe(true);
    expect(await exited).toBe('SIGTERM');
    expect(logged).toEqual([`nats: stopping a server left running by an earlier run (pid ${child.pid})`]);
  });

  it('ignores a pid file that names no running process, or this process', async () => {
    const args = { mustContain: ['postgres'], signal: 'SIGINT', log: () => undefined, what: 'postgres' };
    expect(await stopLeftover({ ...args, pid: 0 })).toBe(false);
    expect(await stopLeftover({ ...args, pid: process.pid })).toBe(false);
  });
});
