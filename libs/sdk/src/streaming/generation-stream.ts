import { InfluAbortError, InfluConnectionError, InfluError, InfluStreamError } from '../core/errors';
import { readServerSentEvents } from './sse';

/** The events of a live generation (`POST /v1/agents/{id}/content` with `stream: true`, `POST /v1/campaigns/{id}/stream`). */
export type GenerationEvent =
  | { type: 'agent_start'; agent: string; session_id: string; content_id: string }
  | { type: 'content_chunk'; text: string }
  | { type: 'content_complete'; tokens: number; latency_ms: number; content_id: string };

/** What a finished generation produced. */
export interface GenerationResult {
  text: string;
  contentId: string;
  sessionId: string | undefined;
  agent: string | undefined;
  tokens: number;
  latencyMs: number;
}

/** Opens the stream: resolves with the event-stream body once the gateway accepted the request, or throws its refusal. */
export type StreamOpener = (signal: AbortSignal) => Promise<ReadableStream<Uint8Array>>;

/**
 * A live generation as an async iterator: `agent_start`, `content_chunk`s, then `content_complete`; an `error` event
 * is thrown as an InfluStreamError with its `code`. Iterate it once. Leaving the loop early (or `abort()`) closes the
 * connection, which stops the generation on the server. The request is sent when iteration starts; a refusal (422,
 * 409 budget_exhausted, …) is thrown from the first step, as a problem error.
 */
export class GenerationStream implements AsyncIterable<GenerationEvent> {
  private readonly controller = new AbortController();
  private started = false;

  constructor(private readonly open: StreamOpener, signal?: AbortSignal) {
    if (signal?.aborted) this.controller.abort(signal.reason);
    else signal?.addEventListener('abort', () => this.controller.abort(signal.reason), { once: true });
  }

  /** Closes the connection; the server stops generating. */
  abort(): void {
    this.controller.abort();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<GenerationEvent, void, undefined> {
    if (this.started) throw new Error('a GenerationStream can be iterated once');
    this.started = true;
    const body = await this.open(this.controller.signal);
    let completed = false;
    try {
      for await (const message of readServerSentEvents(body)) {
        if (message.data === '[DONE]') break;
        const event = JSON.parse(message.data) as GenerationEvent | { type: 'error'; code: string; message: string };
        if (event.type === 'error') {
          throw new InfluStreamError({ code: event.code, message: event.message });
        }
        if (event.type === 'content_complete') completed = true;
        yield event;
      }
    } catch (err) {
      throw this.translate(err);
    } finally {
      // Leaving early (break, return, an exception in the loop body) must not leave the generation running.
      if (!completed) this.controller.abort();
    }
    if (!completed) {
      throw new InfluConnectionError({ code: 'stream_interrupted', message: 'The stream ended before the generation completed' });
    }
  }

  /** Reads the whole stream and returns the text and what `content_complete` said. */
  async finalResult(): Promise<GenerationResult> {
    let text = '';
    let start: Extract<GenerationEvent, { type: 'agent_start' }> | undefined;
    for await (const event of this) {
      if (event.type === 'agent_start') start = event;
      else if (event.type === 'content_chunk') text += event.text;
      else return { text, contentId: event.content_id, sessionId: start?.session_id, agent: start?.agent, tokens: event.tokens, latencyMs: event.latency_ms };
    }
    throw new InfluConnectionError({ code: 'stream_interrupted', message: 'The stream ended before the generation completed' });
  }

  private translate(err: unknown): unknown {
    if (err instanceof InfluError) return err;
    if (this.controller.signal.aborted) return new InfluAbortError({ code: 'request_aborted', message: 'The stream was aborted', cause: err });
    return new InfluConnectionError({ code: 'stream_interrupted', message: 'The stream broke before the generation completed', cause: err });
  }
}
