'use strict';
// The programs the media library runs: ffmpeg (video) and espeak-ng (speech). When one is missing and we run as root
// with apt-get (containers, CI), Debian's packages are installed; otherwise one line says what will happen instead:
// video falls back to the ffmpeg build shipped in node_modules (@ffmpeg-installer), speech has no fallback.
// Never fails start-up: the media library itself reports a missing tool when a job needs it.
// INFLUGENTIC_SKIP_MEDIA_INSTALL=1 turns the installation off (the notice is still printed).

const fs = require('node:fs');
const path = require('node:path');
const { findExecutable } = require('./files');
const { isRoot, runLogged } = require('./processes');

const TOOLS = [
  { name: 'ffmpeg', envVar: 'FFMPEG_PATH', executable: 'ffmpeg', aptPackage: 'ffmpeg' },
  { name: 'ffprobe', envVar: 'FFPROBE_PATH', executable: 'ffprobe', aptPackage: 'ffmpeg' },
  { name: 'espeak-ng', envVar: 'ESPEAK_NG_PATH', executable: 'espeak-ng', aptPackage: 'espeak-ng' },
  // Not a media tool: the console's browser tests drive Debian's Chromium (Playwright cannot download one offline).
  { name: 'chromium', envVar: 'CHROMIUM_PATH', executable: 'chromium', aptPackage: 'chromium' },
];
const INSTALL_HINT = 'Debian/Ubuntu: sudo apt-get install espeak-ng ffmpeg; macOS: brew install espeak-ng ffmpeg';

const isTruthy = (v) => /^(1|true|yes|on)$/i.test(String(v ?? '').trim());

function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Names of the tools that are neither named by their env variable nor on the PATH. */
function missingMediaTools(env = process.env) {
  return TOOLS.filter((tool) => {
    if (env[tool.envVar]) return !isExecutableFile(env[tool.envVar]);
    return !findExecutableIn(tool.executable, env.PATH);
  }).map((tool) => tool.name);
}

function findExecutableIn(name, searchPath) {
  for (const dir of String(searchPath ?? '').split(path.delimiter).filter(Boolean)) {
    if (isExecutableFile(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** The one line printed when a tool stays missing. */
function noticeFor(missing) {
  const media = missing.filter((m) => m !== 'chromium');
  const browser = missing.includes('chromium') ? 'chromium is not installed; the console\'s browser tests are skipped (Debian/Ubuntu: sudo apt-get install chromium)' : null;
  if (!media.length) return `media: ${browser}`;
  return browser ? `${mediaNotice(media)}; ${browser}` : mediaNotice(media);
}

function mediaNotice(missing) {
  const noFfmpeg = missing.includes('ffmpeg') || missing.includes('ffprobe');
  const noEspeak = missing.includes('espeak-ng');
  if (noFfmpeg && noEspeak) {
    return `media: ffmpeg and espeak-ng are not installed; video will use the bundled ffmpeg from node_modules, and speech needs espeak-ng (${INSTALL_HINT})`;
  }
  if (noEspeak) return `media: espeak-ng is not installed; video works, but speech needs espeak-ng (${INSTALL_HINT})`;
  return `media: ffmpeg is not installed; video will use the bundled ffmpeg from node_modules (${INSTALL_HINT})`;
}

/**
 * What to do about the missing tools:
 *   { action: 'none' }                              everything is there
 *   { action: 'install', packages: [...] }          we may install Debian's packages
 *   { action: 'notice', message }                   we may not: say what happens instead
 */
function planMediaTools({ missing, root, aptGet, skipInstall = false }) {
  if (!missing.length) return { action: 'none' };
  if (root && aptGet && !skipInstall) {
    const packages = [...new Set(TOOLS.filter((t) => missing.includes(t.name)).map((t) => t.aptPackage))];
    return { action: 'install', packages };
  }
  return { action: 'notice', message: noticeFor(missing) };
}

/** apt-get install; apt-get update first only when the install fails (stale or empty package lists). */
async function aptInstall(aptGet, packages, { log, run }) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => run(aptGet, ['install', '-y', '--no-install-recommends', ...packages], log, env);
  try {
    await install();
  } catch {
    log('media: apt-get install failed; updating the package lists and trying once more');
    await run(aptGet, ['update'], log, env);
    await install();
  }
}

/**
 * Makes ffmpeg and espeak-ng available if we can, and says so if we cannot. Resolves in every case.
 * `deps` replaces the machine's facts and the command runner (tests).
 */
async function ensureMediaTools({ log = console.log, env = process.env, deps = {} } = {}) {
  const {
    root = isRoot(),
    aptGet = findExecutable('apt-get', ['/usr/bin']),
    run = runLogged,
    missing = () => missingMediaTools(env),
  } = deps;
  try {
    const plan = planMediaTools({ missing: missing(), root, aptGet, skipInstall: isTruthy(env.INFLUGENTIC_SKIP_MEDIA_INSTALL) });
    if (plan.action === 'notice') log(plan.message);
    if (plan.action !== 'install') return plan;
    log(`media: installing ${plan.packages.join(' ')} (apt-get install, for video and speech)`);
    try {
      await aptInstall(aptGet, plan.packages, { log, run });
    } catch (err) {
      log(`media: apt-get could not install ${plan.packages.join(' ')}: ${String(err.message).split('\n')[0]}`);
    }
    const stillMissing = missing();
    if (stillMissing.length) {
      const message = noticeFor(stillMissing);
      log(message);
      return { action: 'notice', message };
    }
    return plan;
  } catch (err) {
    log(`media: could not check for ffmpeg and espeak-ng (${err.message}); continuing`);
    return { action: 'none' };
  }
}

module.exports = { ensureMediaTools, planMediaTools, missingMediaTools, noticeFor };
