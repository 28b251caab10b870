'use strict';
// Connection URLs are logged; their passwords are not.

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

module.exports = { redactUrl };
