'use strict';
// Container health probe (Dockerfile HEALTHCHECK, docker-compose.yml). Exit code 0 = healthy.
//  - gateway: GET /health on its own port.
//  - the other services have no HTTP port; they answer `<service>.health.v1` over NATS, and report
//    "degraded" when their database does not answer. With one replica per service (compose) the reply comes
//    from this container; behind a shared queue group it may come from a sibling replica.

const service = process.env.SERVICE || process.argv[2];
const TIMEOUT_MS = 4000;

async function checkGateway() {
  const port = process.env.PORT || 3000;
  const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (res.status !== 200) throw new Error(`/health answered ${res.status}`);
}

// The same credentials the service itself uses (libs/messaging natsAuthOptions); its NATS user may ask its own health.
function natsAuth() {
  const env = process.env;
  if (env.NATS_CREDS) return { authenticator: require('nats').credsAuthenticator(require('node:fs').readFileSync(env.NATS_CREDS)) };
  if (env.NATS_USER) return { user: env.NATS_USER, pass: env.NATS_PASSWORD || '', inboxPrefix: `_INBOX_${env.NATS_USER.replace(/[^A-Za-z0-9_-]/g, '_')}` };
  if (env.NATS_TOKEN) return { token: env.NATS_TOKEN };
  return {};
}

async function checkService() {
  const { connect, JSONCodec } = require('nats');
  const codec = JSONCodec();
  // The services' wire format (libs/messaging/src/rpc-wire.ts): the payload as JSON, the result as JSON, a refusal
  // marked by this header.
  const RPC_ERROR_HEADER = 'Influgentic-Rpc-Error';
  // Same namespacing as the contracts library, so a prefixed installation is probed on its own subjects.
  const prefix = (process.env.INFLUGENTIC_NATS_PREFIX || '').replace(/[^A-Za-z0-9_-]/g, '');
  const subject = `${prefix ? `${prefix}.` : ''}${service}.health.v1`;
  const nc = await connect({ servers: (process.env.NATS_URL || 'nats://127.0.0.1:4222').split(','), timeout: TIMEOUT_MS, reconnect: false, ...natsAuth() });
  try {
    const msg = await nc.request(subject, codec.encode({}), { timeout: TIMEOUT_MS });
    const reply = codec.decode(msg.data);
    if (msg.headers?.has(RPC_ERROR_HEADER)) throw new Error(JSON.stringify(reply));
    if (reply.status !== 'ok') throw new Error(`status ${reply.status}`);
  } finally {
    await nc.close();
  }
}

if (!service) {
  console.error('healthcheck: set SERVICE (or pass the service name)');
  process.exit(2);
}
(service === 'gateway' ? checkGateway() : checkService()).then(
  () => process.exit(0),
  (err) => {
    console.error(`healthcheck ${service}: ${err.message}`);
    process.exit(1);
  },
);
