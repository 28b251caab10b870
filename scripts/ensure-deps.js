'use strict';
// Installs dependencies when they are missing or older than package-lock.json, so a fresh clone (or a pull that
// changed the lock file) works with a plain `npm start`. Runs before anything is installed: node builtins only.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..');

function mtimeMs(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** True when node_modules is missing or was installed from an older package-lock.json. */
function needsInstall(root = REPO_ROOT) {
  const installed = mtimeMs(path.join(root, 'node_modules', '.package-lock.json')); // written by npm on every install
  const lock = mtimeMs(path.join(root, 'package-lock.json'));
  if (installed === undefined) return true;
  return lock !== undefined && lock > installed;
}

function runNpm(args, root) {
  // Under `npm start`, npm_execpath is the npm that launched us: reuse it rather than whatever is first on PATH.
  const npmCli = process.env.npm_execpath;
  const viaNode = npmCli && /\.c?js$/.test(npmCli);
  const command = viaNode ? process.execPath : 'npm';
  const argv = viaNode ? [npmCli, ...args] : args;
  console.log(`[deps] npm ${args.join(' ')}`);
  const res = spawnSync(command, argv, { cwd: root, stdio: 'inherit', shell: !viaNode && process.platform === 'win32' });
  if (res.error) console.error(`[deps] could not run npm: ${res.error.message}`);
  return res.status === 0;
}

/**
 * Runs `npm ci` (or `npm install` when there is no lock file, or when `npm ci` fails, e.g. because package.json and
 * the lock disagree) if dependencies are missing or stale. Returns true when it installed something.
 */
function ensureDeps({ root = REPO_ROOT } = {}) {
  if (!needsInstall(root)) return false;
  const hasLock = fs.existsSync(path.join(root, 'package-lock.json'));
  console.log('[deps] dependencies are missing or older than package-lock.json; installing');
  let ok = hasLock && runNpm(['ci'], root);
  if (!ok) {
    if (hasLock) console.log('[deps] npm ci failed; trying npm install');
    ok = runNpm(['install'], root);
  }
  if (!ok) throw new Error('installing dependencies failed; see the npm output above');
  // `npm install` may rewrite package-lock.json after node_modules: mark the install as current so the next start
  // does not reinstall everything again.
  const hidden = path.join(root, 'node_modules', '.package-lock.json');
  const now = new Date();
  try {
    fs.utimesSync(hidden, now, now);
  } catch {
    /* npm did not write one (no dependencies); nothing to mark */
  }
  return true;
}

module.exports = { ensureDeps, needsInstall };

if (require.main === module) {
  try {
    ensureDeps();
  } catch (err) {
    console.error(`[deps] ${err.message}`);
    process.exit(1);
  }
}
