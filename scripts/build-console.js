'use strict';
// Builds the web console (apps/console, Vite) when its build is missing or older than its sources or the SDK's, so
// `npm start` and `npm test` serve a current console without a separate step. Node builtins only.
//   node scripts/build-console.js            build if stale
//   node scripts/build-console.js --force    build anyway

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..');

/** The newest modification time among the files under `entry` (a file or a folder). */
function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) {
    if (name === 'node_modules' || name === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

function consolePaths(root) {
  const app = path.join(root, 'apps', 'console');
  return {
    app,
    builtIndex: path.join(app, 'dist', 'index.html'),
    sources: [path.join(app, 'index.html'), path.join(app, 'vite.config.mjs'), path.join(app, 'src'), path.join(root, 'libs', 'sdk', 'src')],
  };
}

/** True when apps/console/dist/index.html is missing or older than any source of the console or the SDK. */
function needsConsoleBuild(root = REPO_ROOT) {
  const { builtIndex, sources } = consolePaths(root);
  let built;
  try {
    built = fs.statSync(builtIndex).mtimeMs;
  } catch {
    return true;
  }
  return sources.some((source) => newestMtime(source) > built);
}

/** Runs `vite build` for the console if needed (or always with force). Returns true when it built. Throws when the build fails. */
function ensureConsoleBuilt({ root = REPO_ROOT, force = false, log = (m) => console.log(`[console] ${m}`) } = {}) {
  const { app } = consolePaths(root);
  if (!fs.existsSync(path.join(app, 'index.html'))) return false;
  if (!force && !needsConsoleBuild(root)) return false;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!fs.existsSync(vite)) throw new Error('vite is not installed (npm install)');
  log('building the web console (vite build apps/console)');
  const started = Date.now();
  const res = spawnSync(process.execPath, [vite, 'build', app, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (res.status !== 0) throw new Error(`vite build failed (exit code ${res.status}); see its output above`);
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

module.exports = { ensureConsoleBuilt, needsConsoleBuild };

if (require.main === module) {
  try {
    ensureConsoleBuilt({ force: process.argv.includes('--force') });
  } catch (err) {
    console.error(`[console] ${err.message}`);
    process.exit(1);
  }
}
