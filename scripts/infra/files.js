'use strict';
// Small file helpers: state files, log files, pid files, and executables on PATH.

const fs = require('node:fs');
const path = require('node:path');

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

module.exports = { readJson, writeJson, findExecutable, tailOf, firstLineOf, openLog };
