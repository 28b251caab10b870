import { createParser, type EventSourceMessage } from 'eventsource-parser';

export type { EventSourceMessage };

export interface SseReadOptions {
  /** Told each `retry:` the server sends (milliseconds it asks a reconnecting client to wait). */
  onRetry?: (ms: number) => void;
}

/**
 * The messages of a Server-Sent Events body, in order, as they arrive (parsed by eventsource-parser; comments such as
 * heartbeats are skipped). Ends when the body ends; stopping the iteration cancels the body.
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>, options: SseReadOptions = {}): AsyncGenerator<EventSourceMessage, void, undefined> {
  const pending: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (message) => pending.push(message), onRetry: options.onRetry });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        parser.feed(decoder.decode());
        // A last event without its blank line is incomplete and, as the SSE specification says, dropped.
        yield* pending.splice(0);
        return;
      }
      parser.feed(decoder.decode(value, { stream: true }));
      yield* pending.splice(0);
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
