import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import { BoundedWriter } from './bounded-writer';

/** `text/event-stream` exactly as the contract shows it; no charset parameter (SSE is always UTF-8). */
export const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  // nginx and similar proxies buffer responses unless told not to.
  'x-accel-buffering': 'no',
} as const;

/** True when the request asks for Server-Sent Events: `stream: true` in the body or `Accept: text/event-stream`. */
export function wantsEventStream(accept: string | string[] | undefined, body: unknown): boolean {
  if (body && typeof body === 'object' && (body as { stream?: unknown }).stream === true) return true;
  const header = Array.isArray(accept) ? accept.join(',') : accept ?? '';
  return header.split(',').some((part) => {
    const [type, ...params] = part.trim().toLowerCase().split(';').map((s) => s.trim());
    if (type !== 'text/event-stream') return false;
    const q = params.find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** What one slow reader may hold in the gateway's memory before it is dropped (bytes). */
export const SSE_MAX_BUFFER_BYTES = Number(process.env.SSE_MAX_BUFFER_BYTES) || 1024 * 1024;

/**
 * One SSE response written straight to the socket: Fastify is told the reply is taken over (`hijack`), headers the
 * request pipeline already set (request id, region, rate limits) are kept, and every event is written when it
 * happens. A reader that stops reading holds at most `maxBufferBytes` here; past that it is dropped like a client
 * that went away (the producer is told, so generation stops), instead of being buffered without end.
 */
export class SseResponse {
  private readonly res: ServerResponse;
  private readonly writer: BoundedWriter;
  private ended = false;
  private readonly goneHandlers: Array<() => void> = [];

  constructor(reply: FastifyReply, extraHeaders: Record<string, string> = {}, maxBufferBytes = SSE_MAX_BUFFER_BYTES) {
    reply.hijack();
    this.res = reply.raw;
    this.writer = new BoundedWriter(this.res, maxBufferBytes, () => this.dropSlowReader());
    const inherited: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value === undefined || /^content-(type|length)$/i.test(name)) continue;
      inherited[name] = Array.isArray(value) ? value.map(String) : String(value);
    }
    // The headers leave with the first event (one write instead of two); nothing is held back after that.
    this.res.writeHead(200, { ...inherited, ...extraHeaders, ...SSE_HEADERS });
  }

  /** False once the response ended or the client went away. */
  get open(): boolean {
    return !this.ended && !this.res.destroyed && this.res.writable;
  }

  /** Called once, when the client goes away (or is dropped for not reading) before the stream ended. */
  onClientGone(fn: () => void): void {
    this.goneHandlers.push(fn);
    this.res.on('close', () => this.gone());
  }

  private gone(): void {
    if (this.ended) return;
    this.ended = true;
    for (const fn of this.goneHandlers) fn();
  }

  private dropSlowReader(): void {
    this.gone();
    if (!this.res.destroyed) this.res.destroy();
  }

  /** Writes `data: <json>` events in one write, so a batch reaches the client together. */
  send(events: unknown[]): void {
    if (!events.length) return;
    this.write(events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(''));
  }

  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  /** The last events, `data: [DONE]` and the end of the response, in one write. */
  done(events: unknown[] = []): void {
    if (!this.open) return;
    this.writer.end(`${events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('')}data: [DONE]\n\n`);
    this.ended = true;
  }

  /** Ends without the closing event (the client is gone already). */
  destroy(): void {
    this.ended = true;
    if (!this.res.destroyed) this.res.destroy();
  }

  private write(text: string): void {
    if (this.open) this.writer.write(text);
  }
}
