import { EVENTS_STREAM, DomainError } from '@influgentic/contracts';
import type { ConsumerMessages, JsMsg, NatsConnection } from 'nats';
import type { Logger } from 'pino';
import type { EventSubscriber } from './event-subscriber';
import { commentFrame, eventFrame } from './sse-frames';
import { audienceKey, toStreamedEvent } from './streamed-event';

/**
 * The gateway's one live subscription to the EVENTS stream, shared by every open event stream: an ordered consumer
 * (ephemeral, in-memory on the server, recreated from its last position after any hiccup, so it never skips a
 * sequence) started at the end of the stream, fanning each event out to the connections of its organization and mode.
 * Started by the first connection; many connections cost one consumer, not one each.
 */
export class EventHub {
  private readonly audiences = new Map<string, Set<EventSubscriber>>();
  private last = 0;
  private starting?: Promise<void>;
  private messages?: ConsumerMessages;
  private heartbeat?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly log: Logger,
    private readonly heartbeatMs: number,
  ) {}

  /** The last stream sequence fanned out: every later event reaches the subscribers registered now. */
  get position(): number {
    return this.last;
  }

  get subscribers(): number {
    let n = 0;
    for (const set of this.audiences.values()) n += set.size;
    return n;
  }

  /** Resolves once the live subscription runs; a refusal (NATS or the stream unavailable) is a 503 and is retried next time. */
  ready(): Promise<void> {
    if (this.stopped) return Promise.reject(unavailable());
    this.starting ??= this.start().catch((err) => {
      this.starting = undefined;
      this.log.warn({ err: String(err) }, 'event stream: live subscription could not start');
      throw unavailable(err);
    });
    return this.starting;
  }

  add(sub: EventSubscriber): void {
    let set = this.audiences.get(sub.audience);
    if (!set) this.audiences.set(sub.audience, (set = new Set()));
    set.add(sub);
  }

  remove(sub: EventSubscriber): void {
    const set = this.audiences.get(sub.audience);
    if (!set) return;
    set.delete(sub);
    if (!set.size) this.audiences.delete(sub.audience);
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.audiences.clear();
    await this.messages?.close().catch(() => undefined);
  }

  private async start(): Promise<void> {
    const jsm = await this.nc.jetstreamManager({ checkAPI: false });
    const info = await jsm.streams.info(EVENTS_STREAM);
    this.last = info.state.last_seq;
    const consumer = await this.nc.jetstream().consumers.get(EVENTS_STREAM, { opt_start_seq: this.last + 1 });
    this.messages = await consumer.consume({ max_messages: 512, callback: (m) => this.dispatch(m) });
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
    this.heartbeat.unref();
  }

  private dispatch(m: JsMsg): void {
    const seq = m.seq;
    if (seq <= this.last) return;
    this.last = seq;
    if (!this.audiences.size) return;
    const event = toStreamedEvent(seq, m.string(), eventFrame);
    if (!event) return;
    const set = this.audiences.get(audienceKey(event.organizationId, event.livemode));
    if (!set) return;
    for (const sub of set) {
      try {
        sub.offerLive(event);
      } catch (err) {
        this.log.warn({ err: String(err) }, 'event stream: a subscriber failed to take an event');
      }
    }
  }

  private beat(): void {
    const frame = commentFrame('heartbeat');
    for (const set of this.audiences.values()) for (const sub of set) sub.send(frame);
  }
}

function unavailable(cause?: unknown): DomainError {
  const err = new DomainError('service_unavailable', 'The event stream is not available right now; retry shortly');
  if (cause !== undefined) (err as { cause?: unknown }).cause = cause;
  return err;
}
