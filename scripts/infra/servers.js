'use strict';
// The servers we start (Postgres, nats-server) are child processes we own: each runs in its own process group with
// its output in a log file, and is killed when this process exits or is interrupted, even if stop() is never called.

const fs = require('node:fs');
const { spawn } = require('node:child_process');
const { openLog, tailOf } = require('./files');
const { sleep, withParentDeathSignal, isAlive, commandLineOf } = require('./processes');

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

module.exports = { spawnServer, stopLeftover, waitFor };
