import { setTimeout as sleep } from 'node:timers/promises';
import { MediaProviderError } from './media-provider-error';

/**
 * One provider call with one time limit, which the caller may also stop. Every request made for the call shares its
 * signal, and every failure is turned into a MediaProviderError that says what happened.
 */
export class ProviderCall {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly stopByCaller = () => this.controller.abort();

  constructor(readonly provider: string, readonly timeoutMs: number, private readonly callerSignal?: AbortSignal) {
    this.signal = this.controller.signal;
    this.timer = setTimeout(() => this.controller.abort(), timeoutMs);
    this.timer.unref();
    if (callerSignal?.aborted) this.controller.abort();
    else callerSignal?.addEventListener('abort', this.stopByCaller, { once: true });
  }

  /** Whether the caller stopped the call (as opposed to the time limit). */
  get abortedByCaller(): boolean {
    return this.callerSignal?.aborted === true;
  }

  /** Throws when the call is over, so a loop stops between requests too. */
  throwIfStopped(): void {
    if (this.signal.aborted) throw this.stoppedError();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.stopByCaller);
  }

  stoppedError(cause?: unknown): MediaProviderError {
    return this.abortedByCaller
      ? new MediaProviderError(this.provider, null, 'the request was canceled by the caller', 'aborted', { cause })
      : new MediaProviderError(this.provider, null, `timed out after ${formatDuration(this.timeoutMs)}`, 'timeout', { cause });
  }

  /** A fetch whose failures say why: the provider's message, a timeout, an abort, or the network error's code. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    this.throwIfStopped();
    try {
      return await fetch(url, { ...init, signal: this.signal, redirect: 'follow' });
    } catch (err) {
      if (this.signal.aborted) throw this.stoppedError(err);
      throw new MediaProviderError(this.provider, null, `could not reach ${safeOrigin(url)}: ${networkReason(err)}`, 'network', { cause: err });
    }
  }

  /** Sends a request and reads a JSON answer; an HTTP error becomes a MediaProviderError with the provider's message. */
  async json(url: string, init: RequestInit = {}): Promise<unknown> {
    const res = await this.fetch(url, init);
    const text = await this.readText(res);
    if (!res.ok) throw new MediaProviderError(this.provider, res.status, `HTTP ${res.status}: ${errorMessageFromBody(text, res.statusText)}`);
    try {
      return JSON.parse(text);
    } catch {
      throw new MediaProviderError(this.provider, res.status, `answered HTTP ${res.status} with a body that is not JSON: ${clip(text)}`, 'invalid_response');
    }
  }

  /** Downloads a file, refusing more than `maxBytes` (by Content-Length or while reading). */
  async download(url: string, maxBytes: number, headers: Record<string, string> = {}): Promise<Buffer> {
    const res = await this.fetch(url, { headers });
    if (!res.ok) {
      const text = await this.readText(res);
      throw new MediaProviderError(this.provider, res.status, `downloading the result failed with HTTP ${res.status}: ${errorMessageFromBody(text, res.statusText)}`);
    }
    const declared = Number(res.headers.get('content-length'));
    if (declared > maxBytes) {
      await res.body?.cancel();
      throw new MediaProviderError(this.provider, res.status, `the result is ${declared} bytes, over the ${maxBytes}-byte limit`, 'invalid_response');
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of res.body ?? []) {
        total += chunk.length;
        if (total > maxBytes) {
          await res.body?.cancel();
          throw new MediaProviderError(this.provider, res.status, `the result is over the ${maxBytes}-byte limit`, 'invalid_response');
        }
        chunks.push(Buffer.from(chunk));
      }
    } catch (err) {
      if (err instanceof MediaProviderError) throw err;
      if (this.signal.aborted) throw this.stoppedError(err);
      throw new MediaProviderError(this.provider, res.status, `the download broke off: ${networkReason(err)}`, 'network', { cause: err });
    }
    return Buffer.concat(chunks);
  }

  /** Waits, unless the call is stopped first. */
  async pause(ms: number): Promise<void> {
    try {
      await sleep(ms, undefined, { signal: this.signal });
    } catch (err) {
      throw this.stoppedError(err);
    }
  }

  private async readText(res: Response): Promise<string> {
    try {
      return await res.text();
    } catch (err) {
      if (this.signal.aborted) throw this.stoppedError(err);
      throw new MediaProviderError(this.provider, res.status, `the answer broke off: ${networkReason(err)}`, 'network', { cause: err });
    }
  }
}

/**
 * The provider's own explanation from an error body: `error` (a string or `{ message }`), `detail` (a string or a
 * list of `{ msg }`), `message` or `title`; else the text itself when short and not HTML; else the status text.
 */
export function errorMessageFromBody(text: string, fallback = 'no explanation given'): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const plain = text.trim();
    return plain && !/^\s*</.test(plain) ? clip(plain) : fallback || 'no explanation given';
  }
  const found = messageIn(body);
  return found ? clip(found) : clip(text.trim()) || fallback;
}

function messageIn(body: unknown): string | null {
  if (typeof body === 'string') return body || null;
  if (Array.isArray(body)) {
    const parts = body.map((item) => messageIn(item) ?? (isRecord(item) && typeof item.msg === 'string' ? item.msg : null)).filter(Boolean);
    return parts.length ? parts.join('; ') : null;
  }
  if (!isRecord(body)) return null;
  for (const field of ['error', 'detail', 'message', 'title']) {
    const found = messageIn(body[field]);
    if (found) return found;
  }
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Bearer` headers go only to the provider's own origin, never to a file host named in an answer. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err as Error)?.message ?? String(err);
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid URL';
  }
}

function clip(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
