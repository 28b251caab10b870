import { readFileSync } from 'node:fs';
import { connect, credsAuthenticator, RetentionPolicy, StorageType, type ConnectionOptions, type NatsConnection } from 'nats';
import { EVENTS_STREAM, EVENTS_SUBJECT_ROOT } from '@influgentic/contracts';

export function natsUrl(): string {
  return process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
}

export type NatsAuthOptions = Pick<ConnectionOptions, 'user' | 'pass' | 'token' | 'authenticator' | 'inboxPrefix'>;

/** Reply inboxes of one NATS user: only that user may subscribe there, so no service can read another's replies. */
export const natsInboxPrefix = (user: string) => `_INBOX_${user.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * The credentials this process presents to NATS, from its environment: `NATS_CREDS` (a .creds file: JWT + NKey),
 * else `NATS_USER` + `NATS_PASSWORD`, else `NATS_TOKEN`; none for a server without authorization (development).
 * Each service runs with its own, so the server's subject permissions apply per service (deploy/nats/nats.conf).
 */
export function natsAuthOptions(env: NodeJS.ProcessEnv = process.env): NatsAuthOptions {
  if (env.NATS_CREDS) return { authenticator: credsAuthenticator(readFileSync(env.NATS_CREDS)) };
  if (env.NATS_USER) return { user: env.NATS_USER, pass: env.NATS_PASSWORD ?? '', inboxPrefix: natsInboxPrefix(env.NATS_USER) };
  if (env.NATS_TOKEN) return { token: env.NATS_TOKEN };
  return {};
}

/** A raw NATS connection (JetStream, outbox relay, consumers, live streams) that reconnects forever. */
export async function connectNats(name: string, url = natsUrl(), auth: NatsAuthOptions = natsAuthOptions()): Promise<NatsConnection> {
  // noAsyncTraces: the client would otherwise capture a stack trace (new Error()) for every request it sends, a
  // measurable share of the gateway's CPU; a timeout's cause is logged with its subject instead.
  return connect({ servers: url.split(','), name, maxReconnectAttempts: -1, reconnectTimeWait: 250, waitOnFirstConnect: true, noAsyncTraces: true, ...auth });
}

/** How long the EVENTS stream keeps an event, and the window in which it drops a repeated Nats-Msg-Id. */
export const EVENTS_MAX_AGE_MS = 7 * 24 * 3600 * 1000;
export const EVENTS_DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

/** Creates (or updates) the EVENTS stream that carries every domain event on `evt.>`. */
export async function ensureEventsStream(nc: NatsConnection): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const config = {
    name: EVENTS_STREAM,
    subjects: [`${EVENTS_SUBJECT_ROOT}.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: EVENTS_MAX_AGE_MS * 1e6,
    duplicate_window: EVENTS_DUPLICATE_WINDOW_MS * 1e6,
  };
  try {
    await jsm.streams.info(EVENTS_STREAM);
    await jsm.streams.update(EVENTS_STREAM, config);
  } catch (err) {
    if (!String((err as Error).message).includes('not found')) throw err;
    try {
      await jsm.streams.add(config);
    } catch (addErr) {
      // A replica starting at the same moment may have created it first.
      if (!String((addErr as Error).message).includes('already in use')) throw addErr;
    }
  }
}
