import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { EVENTS_STREAM, eventSubject, type DomainEvent, type EventType } from '@influgentic/contracts';
import { withRemoteSpan } from '@influgentic/observability';
import { headersToRecord } from './rpc-context';
import { ensureEventsStream } from './nats';

export interface ConsumerOptions {
  /** Durable consumer name, shared by every replica of the consuming service. */
  durable: string;
  types: EventType[] | '*';
  /** Runs inside the transaction that records the event in the inbox: commit both or neither. */
  handle: (event: DomainEvent, manager: EntityManager) => Promise<void>;
  maxDeliver?: number;
  ackWaitMs?: number;
  /**
   * Batch mode: the messages already waiting (up to `size`) are recorded in the inbox and handled in one transaction,
   * then acked together. If that transaction fails, each message is handled alone through `handle`, so one bad event
   * keeps its own retries and dead letter and does not hold back the rest.
   */
  batch?: { size: number; handle: (events: DomainEvent[], manager: EntityManager) => Promise<void> };
}

/**
 * One filter subject per consumer (multi-subject filters need NATS 2.10; Debian ships 2.9): the narrowest wildcard
 * covering every wanted type, with the rest filtered in code.
 */
export function filterFor(types: EventType[] | '*'): string {
  if (types === '*') return eventSubject('>');
  if (types.length === 1) return eventSubject(types[0]);
  const roots = new Set(types.map((t) => t.split('.')[0]));
  return roots.size === 1 ? eventSubject(`${[...roots][0]}.>`) : eventSubject('>');
}

const backoffMs = (attempt: number) => Math.min(30_000, 250 * 2 ** Math.max(0, attempt - 1));

/** Resolves after the microtasks already queued: a message the iterator holds resolves before it. */
const nextTurn = () => new Promise<'later'>((resolve) => setImmediate(() => resolve('later')));

/**
 * A durable JetStream pull consumer with an inbox: each event id is processed at most once per consumer
 * (the inbox row commits with the handler's writes), acked only after commit, nak'ed with backoff on failure,
 * and parked in dead_letters after maxDeliver attempts. The message is terminated only once its dead letter is
 * stored; until then it is nak'ed and comes back (JetStream's own max_deliver is unlimited for that reason, and
 * maxDeliver is counted here).
 */
export class EventConsumer {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopped = false;
  processed = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly ds: DataSource,
    private readonly schema: string,
    private readonly log: Logger,
    private readonly opts: ConsumerOptions,
  ) {}

  async start(): Promise<void> {
    await ensureEventsStream(this.nc);
    const jsm = await this.nc.jetstreamManager();
    const filter = filterFor(this.opts.types);
    const config = {
      durable_name: this.opts.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: filter,
      max_deliver: -1,
      ack_wait: (this.opts.ackWaitMs ?? 30_000) * 1e6,
    };
    try {
      await jsm.consumers.info(EVENTS_STREAM, this.opts.durable);
      await jsm.consumers.update(EVENTS_STREAM, this.opts.durable, { filter_subject: filter, max_deliver: config.max_deliver, ack_wait: config.ack_wait });
    } catch {
      await jsm.consumers.add(EVENTS_STREAM, config).catch(async (err) => {
        if (!String(err).includes('already')) throw err;
      });
    }
    const consumer = await this.nc.jetstream().consumers.get(EVENTS_STREAM, this.opts.durable);
    const batch = this.opts.batch;
    this.messages = await consumer.consume({ max_messages: Math.max(64, batch ? batch.size * 2 : 0) });
    this.loop = (batch ? this.runBatches(this.messages, batch.size) : (async () => {
      for await (const msg of this.messages!) {
        await this.process(msg);
        if (this.stopped) break;
      }
    })()).catch((err) => { if (!this.stopped) this.log.error({ err: String(err) }, 'consumer loop ended'); });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.messages?.close().catch(() => undefined);
    await this.loop;
  }

  private wants(type: string): boolean {
    return this.opts.types === '*' || (this.opts.types as string[]).includes(type);
  }

  private get maxDeliver(): number {
    return this.opts.maxDeliver ?? 10;
  }

  /** Waits for one message, then takes the ones already arrived without waiting for more, and handles them together. */
  private async runBatches(messages: ConsumerMessages, size: number): Promise<void> {
    const iterator = messages[Symbol.asyncIterator]();
    let next = iterator.next();
    while (!this.stopped) {
      const first = await next;
      if (first.done) return;
      const msgs = [first.value];
      next = iterator.next();
      while (msgs.length < size) {
        const more = await Promise.race([next, nextTurn()]);
        if (more === 'later' || more.done) break;
        msgs.push(more.value);
        next = iterator.next();
      }
      await this.processBatch(msgs);
    }
  }

  private async processBatch(msgs: JsMsg[]): Promise<void> {
    const ready: Array<{ msg: JsMsg; event: DomainEvent }> = [];
    for (const msg of msgs) {
      const event = await this.accept(msg);
      if (event) ready.push({ msg, event });
    }
    if (!ready.length) return;
    try {
      await this.ds.transaction(async (m) => {
        const ids = [...new Set(ready.map((r) => r.event.id))];
        const fresh: Array<{ event_id: string }> = await m.query(
          `INSERT INTO "${this.schema}".inbox (consumer, event_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING event_id`,
          [this.opts.durable, ids],
        );
        const unseen = new Set(fresh.map((r) => r.event_id));
        // A redelivery of an event in the same batch counts once: `delete` lets only its first copy through.
        const events = ready.filter((r) => unseen.delete(r.event.id) && this.wants(r.event.type)).map((r) => r.event);
        if (events.length) await this.opts.batch!.handle(events, m);
      });
    } catch (err) {
      this.log.warn({ err: String(err), events: ready.length }, 'batch handling failed; handling its events one by one');
      for (const r of ready) await this.process(r.msg, r.event);
      return;
    }
    for (const r of ready) r.msg.ack();
    this.processed += ready.length;
  }

  /** The message's event, or undefined when it was dead-lettered instead (not an envelope, or out of attempts). */
  private async accept(msg: JsMsg): Promise<DomainEvent | undefined> {
    let event: DomainEvent;
    try {
      event = JSON.parse(msg.string()) as DomainEvent;
      if (!event?.id || !event.type) throw new Error('not an event envelope');
    } catch (err) {
      await this.deadLetter(msg, undefined, err);
      return undefined;
    }
    if (msg.info.deliveryCount > this.maxDeliver) {
      // Its attempts are used up; it is back only because storing its dead letter failed.
      await this.deadLetter(msg, event.id, new Error('max deliveries reached; dead letter not stored on an earlier delivery'));
      return undefined;
    }
    return event;
  }

  private async process(msg: JsMsg, accepted?: DomainEvent): Promise<void> {
    const event = accepted ?? (await this.accept(msg));
    if (!event) return;
    try {
      await withRemoteSpan(`consume ${event.type}`, headersToRecord(msg.headers), () =>
        this.ds.transaction(async (m) => {
          const fresh = await m.query(
            `INSERT INTO "${this.schema}".inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
            [this.opts.durable, event.id],
          );
          if (fresh.length && this.wants(event.type)) await this.opts.handle(event, m);
        }),
      );
      msg.ack();
      this.processed++;
    } catch (err) {
      const deliveries = msg.info.deliveryCount;
      if (deliveries >= this.maxDeliver) {
        await this.deadLetter(msg, event.id, err);
      } else {
        this.log.warn({ err: String(err), event_id: event.id, type: event.type, deliveries }, 'event handling failed; will retry');
        msg.nak(backoffMs(deliveries));
      }
    }
  }

  /** Stores the dead letter, then terminates the message; if the store fails the message is nak'ed and comes back. */
  private async deadLetter(msg: JsMsg, eventId: string | undefined, err: unknown): Promise<void> {
    const deliveries = msg.info.deliveryCount;
    try {
      // Once per consumer and event: a redelivery after a lost `term` finds it already there.
      await this.ds.query(
        `INSERT INTO "${this.schema}".dead_letters (consumer, event_id, subject, payload, error, deliveries) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (consumer, event_id) WHERE event_id IS NOT NULL DO NOTHING`,
        [this.opts.durable, eventId ?? null, msg.subject, msg.string(), String(err).slice(0, 2000), deliveries],
      );
    } catch (storeErr) {
      this.log.error({ err: String(storeErr), cause: String(err), event_id: eventId, subject: msg.subject, deliveries }, 'dead letter not stored; event will be redelivered');
      msg.nak(backoffMs(deliveries));
      return;
    }
    this.log.error({ err: String(err), event_id: eventId, subject: msg.subject, deliveries }, 'event dead-lettered');
    msg.term();
  }
}
