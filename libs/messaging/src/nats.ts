import { connect, RetentionPolicy, StorageType, type NatsConnection } from 'nats';
import { EVENTS_STREAM, EVENTS_SUBJECT_ROOT } from '@influgentic/contracts';

export function natsUrl(): string {
  return process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
}

/** A raw NATS connection (JetStream, outbox relay, consumers, live streams) that reconnects forever. */
export async function connectNats(name: string, url = natsUrl()): Promise<NatsConnection> {
  return connect({ servers: url.split(','), name, maxReconnectAttempts: -1, reconnectTimeWait: 250, waitOnFirstConnect: true });
}

/** Creates (or updates) the EVENTS stream that carries every domain event on `evt.>`. */
export async function ensureEventsStream(nc: NatsConnection): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const config = {
    name: EVENTS_STREAM,
    subjects: [`${EVENTS_SUBJECT_ROOT}.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: 7 * 24 * 3600 * 1e9,
    duplicate_window: 10 * 60 * 1e9,
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
