import { JSONCodec, type Msg, type NatsConnection, type Subscription } from 'nats';
import type { Logger } from 'pino';
import {
  DomainError, newId, Subjects, type ContentStreamMessage, type RequestContext, type StreamStartReply,
} from '@influgentic/contracts';
import type { BusClient } from '@influgentic/messaging';
import type { LocalCall } from '../routes/route';
import { Sequencer } from './sequencer';
import { SseResponse } from './sse-response';

const codec = JSONCodec<unknown>();

export interface StreamBridgeOptions {
  /** Comment lines that keep idle connections (and proxies) from timing out. */
  heartbeatMs: number;
  /** A session that sends nothing (not even its pings) for this long is given up. */
  silenceMs: number;
  /** How long a missing sequence number may be waited for before the stream is declared broken. */
  gapMs: number;
  /** Budget for the content service to accept the session. */
  startTimeoutMs: number;
}

export function streamBridgeOptionsFromEnv(env: NodeJS.ProcessEnv, rpcTimeoutMs: number): StreamBridgeOptions {
  const num = (name: string, fallback: number) => {
    const n = Number(env[name]);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    heartbeatMs: num('SSE_HEARTBEAT_MS', 15_000),
    silenceMs: num('SSE_SILENCE_MS', 20_000),
    gapMs: num('SSE_GAP_MS', 2_000),
    startTimeoutMs: num('SSE_START_TIMEOUT_MS', rpcTimeoutMs),
  };
}

type SequencedMessage = Exclude<ContentStreamMessage, { type: 'ping' }>;

/**
 * Relays live generation sessions from NATS to Server-Sent Events.
 *
 * The gateway picks the session id and subscribes to its chunk subject *before* asking the content service to start,
 * so no early chunk can be missed. The service answers the start request once the piece is accepted (a refusal is
 * still a problem+json answer, nothing has been written yet); then the response becomes an event stream: `agent_start`,
 * the chunks in sequence order, `content_complete` or `error`, and `[DONE]`. A client that disconnects triggers a
 * cancel on the session's control subject, which stops the generation and releases its spend hold.
 */
export class StreamBridge {
  private readonly active = new Set<LiveRelay>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly bus: BusClient,
    private readonly log: Logger,
    private readonly options: StreamBridgeOptions,
  ) {}

  get activeStreams(): number {
    return this.active.size;
  }

  /** Opens a session on `subject` and answers the call with its event stream. Throws before the first byte only. */
  async relay(subject: string, call: LocalCall): Promise<void> {
    const ctx = call.ctx as RequestContext;
    const sessionId = newId('session');
    const early: Msg[] = [];
    let deliver: (msg: Msg) => void = (msg) => early.push(msg);
    const sub = this.nc.subscribe(Subjects.streamChunks(sessionId), { callback: (_err, msg) => deliver(msg) });
    let start: StreamStartReply;
    try {
      // The server has our subscription before the content service can publish anything.
      await this.nc.flush();
      start = await this.bus.request<StreamStartReply>(
        subject, { ...call.command, session_id: sessionId }, ctx, this.options.startTimeoutMs);
    } catch (err) {
      sub.unsubscribe();
      // Silence may hide a session that did start; make sure it does not write for nobody.
      if (!(err instanceof DomainError) || err.code === 'service_unavailable') this.cancel(sessionId, 'the gateway stopped waiting for the session');
      throw err;
    }
    if (call.reply.raw.destroyed || call.request.raw.socket?.destroyed) {
      sub.unsubscribe();
      this.cancel(sessionId, 'the client disconnected before the stream opened');
      return;
    }
    // Chunks that overtook the reply go out with `agent_start`, in the same write.
    const relay = new LiveRelay(this, sub, sessionId, start, call, this.options, early);
    this.active.add(relay);
    deliver = (msg) => relay.receive(msg);
    void relay.finished.finally(() => this.active.delete(relay));
  }

  /** Tells the content service to stop a session. */
  cancel(sessionId: string, reason: string): void {
    if (this.nc.isClosed()) return;
    this.nc.publish(Subjects.streamControl(sessionId), codec.encode({ type: 'cancel', reason }));
  }

  warn(fields: Record<string, unknown>, message: string): void {
    this.log.warn(fields, message);
  }

  /** Gateway shutdown: every open stream gets an error event, its session a cancel. */
  async close(): Promise<void> {
    for (const relay of [...this.active]) relay.fail('service_unavailable', 'The gateway is shutting down; retry the request', true);
    this.active.clear();
    if (!this.nc.isClosed()) await this.nc.flush().catch(() => undefined);
  }
}

/** One open event stream. */
class LiveRelay {
  private readonly sse: SseResponse;
  private readonly order = new Sequencer<SequencedMessage>();
  private readonly heartbeat: NodeJS.Timeout;
  private silence?: NodeJS.Timeout;
  private gap?: NodeJS.Timeout;
  private ended = false;
  private resolveFinished!: () => void;
  readonly finished = new Promise<void>((r) => { this.resolveFinished = r; });

  constructor(
    private readonly bridge: StreamBridge,
    private readonly sub: Subscription,
    private readonly sessionId: string,
    start: StreamStartReply,
    call: LocalCall,
    private readonly options: StreamBridgeOptions,
    early: Msg[],
  ) {
    this.sse = new SseResponse(call.reply, { 'x-response-time': `${Math.max(0, Math.round(call.reply.elapsedTime))}ms` });
    this.sse.onClientGone(() => {
      this.bridge.cancel(this.sessionId, 'the client disconnected');
      this.end();
    });
    this.heartbeat = setInterval(() => this.sse.comment('heartbeat'), options.heartbeatMs);
    this.heartbeat.unref();
    this.armSilence();
    this.deliver(early, [{ type: 'agent_start', agent: start.agent, session_id: start.session_id, content_id: start.content_id }]);
  }

  receive(msg: Msg): void {
    this.deliver([msg], []);
  }

  /** Writes what the messages make deliverable, after `events`, in one write. */
  private deliver(messages: Msg[], events: unknown[]): void {
    if (this.ended) return;
    let last: SequencedMessage | undefined;
    for (const msg of messages) {
      let m: ContentStreamMessage;
      try {
        m = codec.decode(msg.data) as ContentStreamMessage;
      } catch {
        continue;
      }
      this.armSilence();
      if (m.type === 'ping') continue;
      for (const ready of this.order.accept(m)) {
        if (ready.type === 'chunk') {
          for (const text of ready.texts) events.push({ type: 'content_chunk', text });
        } else {
          events.push(ready.type === 'complete'
            ? { type: 'content_complete', tokens: ready.tokens, latency_ms: ready.latency_ms, content_id: ready.content_id }
            : { type: 'error', code: ready.code, message: ready.message });
          last = ready;
          break;
        }
      }
      if (last) break;
    }
    if (last) {
      this.sse.done(events);
      this.end();
      return;
    }
    this.sse.send(events);
    // Core NATS keeps one publisher's order; a hole means a message was dropped (a slow consumer), not reordered.
    if (this.order.waiting && !this.gap) {
      this.gap = setTimeout(() => {
        this.bridge.warn({ session_id: this.sessionId, expected: this.order.expected }, 'stream lost a chunk; stopping it');
        this.fail('service_unavailable', 'Part of the stream was lost in transit; the generation was stopped', true);
      }, this.options.gapMs);
    } else if (!this.order.waiting && this.gap) {
      clearTimeout(this.gap);
      this.gap = undefined;
    }
  }

  /** Ends the stream with an `error` event and `[DONE]`; optionally stops the session too. */
  fail(code: string, message: string, cancel: boolean): void {
    if (this.ended) return;
    if (cancel) this.bridge.cancel(this.sessionId, message);
    this.sse.done([{ type: 'error', code, message }]);
    this.end();
  }

  private armSilence(): void {
    if (this.silence) {
      this.silence.refresh();
      return;
    }
    this.silence = setTimeout(() => {
      this.fail('service_unavailable', 'The content service stopped answering during generation', true);
    }, this.options.silenceMs);
    this.silence.unref();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.heartbeat);
    if (this.silence) clearTimeout(this.silence);
    if (this.gap) clearTimeout(this.gap);
    this.sub.unsubscribe();
    this.resolveFinished();
  }
}
