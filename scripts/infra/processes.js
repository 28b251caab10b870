'use strict';
// Small process helpers: who we run as, whether a pid is alive and what it runs, commands whose output is logged,
// and children that die with us.

const fs = require('node:fs');
const { spawn, spawnSync } = require('node:child_process');
const { findExecutable } = require('./files');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

// `setpriv --pdeathsig` (util-linux) asks the kernel to signal the child when its parent dies, even when the parent
// is killed with SIGKILL and no exit handler gets a chance to run. Used when available (Linux); elsewhere the exit
// and signal handlers in servers.js are the only safety net.
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

module.exports = { sleep, isRoot, withParentDeathSignal, isAlive, commandLineOf, runLogged };
