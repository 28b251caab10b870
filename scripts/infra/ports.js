'use strict';
// Loopback ports: is one free, pick one, and keep the same one between runs when possible.

const net = require('node:net');

const LOCALHOST = '127.0.0.1';

/** True when nothing listens on host:port (we can bind it ourselves). */
function isPortFree(port, host = LOCALHOST) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** A port the OS considers free right now. */
function freePort(host = LOCALHOST) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen({ port: 0, host, exclusive: true }, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Reuses the port of the previous run when it is still free, so URLs stay stable between runs. */
async function choosePort(preferred) {
  if (preferred && (await isPortFree(preferred))) return preferred;
  return freePort();
}

module.exports = { LOCALHOST, isPortFree, freePort, choosePort };
