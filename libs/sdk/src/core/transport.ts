import { InfluAbortError, InfluConnectionError, InfluTimeoutError } from './errors';
import type { RequestOptions, ResponseMeta } from './request-options';
import { parseRetryAfter, retryDelay, type AttemptOutcome, type RetryPolicy } from './retry';

export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface TransportConfig {
  apiKey: string;
  timeoutMs: number;
  retry: RetryPolicy;
  fetch: FetchFunction;
  organization?: string;
  agent?: string;
  headers?: Record<string, string>;
}

/**
 * `json`: the body is read inside the attempt (the timeout covers it) and the call may be retried.
 * `stream`: the response is handed over once its headers arrive; only the opening of the stream is retried, and POSTs
 * carry no Idempotency-Key (the gateway does not replay streams).
 */
export type TransportMode = 'json' | 'stream';

const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** A random Idempotency-Key (a UUID where the platform has one). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Waits `ms`, or rejects with an abort error as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortError(signal: AbortSignal): InfluAbortError {
  return new InfluAbortError({ code: 'request_aborted', message: 'The request was aborted', cause: signal.reason });
}

/**
 * Sends requests with the client's credentials and headers, an Idempotency-Key on every POST, a timeout per
 * attempt, the caller's AbortSignal, and retries with backoff where `retryDelay` allows them. It has the shape of
 * `fetch`, so openapi-fetch (the typed layer) sends everything through it.
 */
export class Transport {
  private readonly metas = new WeakMap<Response, ResponseMeta>();

  constructor(readonly config: TransportConfig) {}

  /** What is known about the exchange that produced `response`. */
  meta(response: Response): ResponseMeta | undefined {
    return this.metas.get(response);
  }

  /** A `fetch` for one call with these options. */
  fetcher(options: RequestOptions = {}, mode: TransportMode = 'json'): (request: Request) => Promise<Response> {
    return (request) => this.send(request, options, mode);
  }

  private headersFor(request: Request, options: RequestOptions, mode: TransportMode): Headers {
    const headers = new Headers(request.headers);
    if (!headers.has('authorization') && !headers.has('x-api-key')) headers.set('authorization', `Bearer ${this.config.apiKey}`);
    for (const [name, value] of Object.entries({ ...this.config.headers, ...options.headers })) headers.set(name, value);
    const organization = options.organization ?? this.config.organization;
    const agent = options.agent ?? this.config.agent;
    if (organization) headers.set('x-influgentic-org', organization);
    if (agent) headers.set('x-influgentic-agent', agent);
    if (options.idempotencyKey !== undefined) headers.set('idempotency-key', options.idempotencyKey);
    else if (request.method === 'POST' && mode === 'json' && !headers.has('idempotency-key')) headers.set('idempotency-key', newIdempotencyKey());
    return headers;
  }

  private async send(request: Request, options: RequestOptions, mode: TransportMode): Promise<Response> {
    const method = request.method.toUpperCase();
    const headers = this.headersFor(request, options, mode);
    // Read once, so every attempt sends the same bytes.
    const body = request.body === null ? undefined : await request.text();
    const policy = { ...this.config.retry, ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}) };
    const timeoutMs = options.timeoutMs ?? this.config.timeoutMs;
    const idempotencyKey = headers.get('idempotency-key') ?? undefined;
    const userSignal = options.signal ?? (request.signal as AbortSignal | undefined);
    for (let retries = 0; ; retries++) {
      if (userSignal?.aborted) throw abortError(userSignal);
      const attempt = await this.attempt(request.url, { method, headers, body }, timeoutMs, mode, userSignal);
      if (attempt.kind === 'aborted') throw abortError(userSignal as AbortSignal);
      const outcome: AttemptOutcome = attempt.kind === 'response'
        ? { kind: 'response', status: attempt.response.status, retryAfterMs: parseRetryAfter(attempt.response.headers.get('retry-after')) }
        : { kind: attempt.kind };
      const delay = retryDelay(outcome, { method, idempotent: idempotencyKey !== undefined, retriesSoFar: retries }, policy);
      if (delay === undefined) {
        if (attempt.kind === 'response') {
          const response = attempt.response;
          this.metas.set(response, {
            status: response.status, headers: response.headers, requestId: response.headers.get('x-request-id') ?? undefined,
            idempotencyKey, replayed: response.headers.get('idempotent-replayed') === 'true', retries,
          });
          return response;
        }
        if (attempt.kind === 'timeout') {
          throw new InfluTimeoutError({ code: 'request_timeout', message: `No response within ${timeoutMs} ms (after ${retries} retries)`, cause: attempt.error });
        }
        throw new InfluConnectionError({ code: 'connection_error', message: `Could not reach the API: ${describe(attempt.error)}`, cause: attempt.error });
      }
      if (attempt.kind === 'response') await attempt.response.body?.cancel().catch(() => undefined);
      await sleep(delay, userSignal);
    }
  }

  private async attempt(url: string, init: { method: string; headers: Headers; body: string | undefined }, timeoutMs: number, mode: TransportMode, userSignal: AbortSignal | undefined): Promise<
    { kind: 'response'; response: Response } | { kind: 'network' | 'timeout'; error: unknown } | { kind: 'aborted' }
  > {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`timeout after ${timeoutMs} ms`));
    }, timeoutMs);
    const onUserAbort = () => controller.abort(userSignal?.reason);
    userSignal?.addEventListener('abort', onUserAbort, { once: true });
    const release = () => {
      clearTimeout(timer);
      // A stream stays tied to the caller's signal for as long as it is read.
      if (mode === 'json') userSignal?.removeEventListener('abort', onUserAbort);
    };
    try {
      const response = await this.config.fetch(url, { ...init, signal: controller.signal });
      if (mode === 'stream') {
        release();
        return { kind: 'response', response };
      }
      const bytes = await response.arrayBuffer();
      release();
      const buffered = new Response(NO_BODY_STATUSES.has(response.status) ? null : bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
      return { kind: 'response', response: buffered };
    } catch (error) {
      release();
      if (userSignal?.aborted) return { kind: 'aborted' };
      return { kind: timedOut ? 'timeout' : 'network', error };
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
