import { InfluAbortError, InfluConnectionError, InfluError } from '../core/errors';
import { backoff, DEFAULT_RETRY_POLICY } from '../core/retry';
import { sleep } from '../core/transport';
import { readServerSentEvents } from './sse';

/** A domain event as the stream and webhooks deliver it. */
export interface InfluEvent<T = Record<string, unknown>> {
  id: string;
  type: string;
  created_at: string;
  organization_id: string;
  livemode: boolean;
  data: T;
}

/** Said when events the client asked for are no longer kept, or its position is unknown to the stream. */
export interface StreamGap {
  requested_after: string;
  resumed_from: string | null;
  reason: 'retention' | 'unknown_position';
}

export interface EventStreamParams {
  /** Resume after this position (an `id:` the stream sent earlier): what was missed is replayed first. */
  lastEventId?: string;
  /** Only these event types (`?types=`). */
  types?: string[];
  /** Reconnect with `Last-Event-ID` when the connection drops (default true). */
  reconnect?: boolean;
  /** Consecutive failed reconnections before giving up (default 10); a successful one resets the count. */
  maxReconnectAttempts?: number;
  /** Told when the stream says events were lost (`stream.gap`). */
  onGap?: (gap: StreamGap) => void;
}

/** Opens one connection from `lastEventId`; resolves with the body once the gateway accepted it. */
export type EventStreamOpener = (lastEventId: string | undefined, signal: AbortSignal) => Promise<ReadableStream<Uint8Array>>;

const DEFAULT_RECONNECT_MS = 2_000;
const MAX_RECONNECT_MS = 30_000;

/**
 * The organization's live events (`GET /v1/events/stream`) as an async iterator. When the connection ends or breaks
 * it reconnects with `Last-Event-ID` (after the `retry:` delay the server asked for, backing off while it keeps
 * failing), so no event is lost or repeated. A refusal (401, 403, 422) is thrown, not retried. `lastEventId` is the
 * position to resume from in a later stream; `close()` ends the iteration.
 */
export class EventStream<T = Record<string, unknown>> implements AsyncIterable<InfluEvent<T>> {
  private readonly controller = new AbortController();
  private position: string | undefined;
  private started = false;

  constructor(private readonly open: EventStreamOpener, private readonly params: EventStreamParams = {}, signal?: AbortSignal) {
    this.position = params.lastEventId;
    if (signal?.aborted) this.controller.abort(signal.reason);
    else signal?.addEventListener('abort', () => this.controller.abort(signal.reason), { once: true });
  }

  /** The position of the last event received (send it as `lastEventId` to resume later). */
  get lastEventId(): string | undefined {
    return this.position;
  }

  close(): void {
    this.controller.abort();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<InfluEvent<T>, void, undefined> {
    if (this.started) throw new Error('an EventStream can be iterated once');
    this.started = true;
    const signal = this.controller.signal;
    let retryMs = DEFAULT_RECONNECT_MS;
    let failures = 0;
    const maxAttempts = this.params.maxReconnectAttempts ?? 10;
    try {
      while (!signal.aborted) {
        let body: ReadableStream<Uint8Array>;
        try {
          body = await this.open(this.position, signal);
        } catch (err) {
          if (signal.aborted) return;
          if (!this.worthReconnecting(err) || ++failures > maxAttempts) throw err;
          await sleep(Math.min(MAX_RECONNECT_MS, retryMs + backoff(failures - 1, DEFAULT_RETRY_POLICY)), signal);
          continue;
        }
        failures = 0;
        try {
          for await (const message of readServerSentEvents(body, { onRetry: (ms) => { retryMs = ms; } })) {
            if (message.event === 'stream.gap') {
              this.params.onGap?.(JSON.parse(message.data) as StreamGap);
              continue;
            }
            const event = JSON.parse(message.data) as InfluEvent<T>;
            if (message.id !== undefined) this.position = message.id;
            yield event;
          }
        } catch (err) {
          if (signal.aborted) return;
          if (this.params.reconnect === false) throw new InfluConnectionError({ code: 'stream_interrupted', message: 'The event stream broke', cause: err });
        }
        if (this.params.reconnect === false || signal.aborted) return;
        // The server closed the stream (a restart, a slow reader dropped): resume where we are, after its delay.
        await sleep(retryMs, signal);
      }
    } catch (err) {
      if (err instanceof InfluAbortError && signal.aborted) return;
      throw err;
    } finally {
      this.controller.abort();
    }
  }

  /** Failures without an answer, and answers that say "later" (429, 503), are worth another try; refusals are not. */
  private worthReconnecting(err: unknown): boolean {
    if (this.params.reconnect === false) return false;
    if (!(err instanceof InfluError)) return true;
    return err.status === undefined || err.status === 429 || err.status >= 500;
  }
}
