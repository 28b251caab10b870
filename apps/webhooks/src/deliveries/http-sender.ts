import { subscribe } from 'node:diagnostics_channel';
import { isIP, type Socket } from 'node:net';
import { Agent, buildConnector, request } from 'undici';
import { guardedLookup, isForbiddenAddress, TargetRefusedError } from '../security/address-policy';

export interface OutgoingWebhook {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** What one attempt saw: an answer (any status), or why there was none. */
export interface SendResult {
  startedAt: Date;
  latencyMs: number;
  /** The address the connection went to. */
  address: string | null;
  statusCode: number | null;
  snippet: string | null;
  location: string | null;
  retryAfter: string | null;
  errorCode: SendErrorCode | null;
  errorMessage: string | null;
}

export type SendErrorCode =
  | 'http_status' | 'timeout' | 'connection_refused' | 'connection_reset' | 'dns_failure' | 'forbidden_address' | 'tls_error' | 'network_error' | 'signing_failed';

export interface HttpSenderOptions {
  timeoutMs: number;
  snippetBytes: number;
  /** Read at each connection, so the operator's setting applies to every attempt. */
  allowPrivate: () => boolean;
}

/**
 * The socket each request went out on, found through undici's diagnostics channel: the request carries the very
 * body Buffer we handed it, so that Buffer keys the attempt.
 */
const addressOfBody = new WeakMap<Buffer, { address: string | null }>();
subscribe('undici:client:sendHeaders', (message) => {
  const { request: req, socket } = message as { request: { body?: unknown }; socket: Socket };
  const slot = Buffer.isBuffer(req.body) ? addressOfBody.get(req.body) : undefined;
  if (slot) slot.address = socket.remoteAddress ?? null;
});

/**
 * POSTs webhooks with undici. Redirects are not followed (a 3xx is an answer like any other, with its Location
 * kept); the whole attempt is bounded by `timeoutMs`; only the first `snippetBytes` of an answer are read, so a huge
 * body never buffers. Every new connection's address is checked when it is made — the resolved address (a custom
 * lookup) and, for IP literals and as a second guard, the socket's peer — unless private targets are allowed.
 */
export class HttpSender {
  private readonly agent: Agent;

  constructor(private readonly opts: HttpSenderOptions) {
    const base = buildConnector({ timeout: opts.timeoutMs, lookup: guardedLookup(opts.allowPrivate) } as buildConnector.BuildOptions);
    this.agent = new Agent({
      headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs, connections: 64, keepAliveTimeout: 4_000,
      connect: (connectOpts, callback) => {
        const host = connectOpts.hostname.replace(/^\[|\]$/g, '');
        if (!opts.allowPrivate() && isIP(host) && isForbiddenAddress(host)) {
          callback(new TargetRefusedError('forbidden_address', `${host} is a forbidden address`, host), null);
          return;
        }
        base(connectOpts, (err, socket) => {
          if (err || !socket) return callback(err ?? new Error('no socket'), null);
          const peer = socket.remoteAddress;
          if (!opts.allowPrivate() && peer && isForbiddenAddress(peer)) {
            socket.destroy();
            return callback(new TargetRefusedError('forbidden_address', `${connectOpts.hostname} connected to a forbidden address`, peer), null);
          }
          callback(null, socket);
        });
      },
    });
  }

  async send(out: OutgoingWebhook): Promise<SendResult> {
    const startedAt = new Date();
    const started = performance.now();
    const slot = { address: null as string | null };
    addressOfBody.set(out.body, slot);
    const elapsed = () => Math.round(performance.now() - started);
    const signal = AbortSignal.timeout(this.opts.timeoutMs);
    let statusCode: number;
    let headers: Record<string, string | string[] | undefined>;
    let body: AsyncIterable<Buffer> & { destroy(err?: Error): void };
    try {
      const res = await request(out.url, { method: 'POST', headers: out.headers, body: out.body, dispatcher: this.agent, signal });
      statusCode = res.statusCode;
      headers = res.headers;
      body = res.body;
    } catch (err) {
      const { code, message } = classifySendError(err);
      return {
        startedAt, latencyMs: elapsed(), address: slot.address ?? (err instanceof TargetRefusedError ? err.address ?? null : null),
        statusCode: null, snippet: null, location: null, retryAfter: null, errorCode: code, errorMessage: message,
      };
    }
    // The status decides; the body is only a snippet for the log, so a body that stalls or breaks changes nothing.
    const snippet = await readSnippet(body, this.opts.snippetBytes).catch(() => null);
    const ok = statusCode >= 200 && statusCode < 300;
    return {
      startedAt, latencyMs: elapsed(), address: slot.address, statusCode, snippet,
      location: statusCode >= 300 && statusCode < 400 ? headerValue(headers.location) : null,
      retryAfter: headerValue(headers['retry-after']),
      errorCode: ok ? null : 'http_status', errorMessage: ok ? null : `receiver answered ${statusCode}`,
    };
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return (Array.isArray(value) ? value[0] : value)?.slice(0, 2048) ?? null;
}

/** The first `cap` bytes of a body as text; the rest is never read (the connection is dropped instead). */
async function readSnippet(body: AsyncIterable<Buffer> & { destroy(err?: Error): void }, cap: number): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    parts.push(chunk.subarray(0, cap - size));
    size += Math.min(chunk.length, cap - size);
    if (size >= cap) {
      body.destroy();
      break;
    }
  }
  // A multi-byte character cut at the cap decodes as U+FFFD, which Postgres stores fine; NUL it does not.
  return Buffer.concat(parts).toString('utf8').replace(/\u0000/g, '');
}

/** A failed attempt's error as a stable code and a short message (never a stack). */
export function classifySendError(err: unknown): { code: SendErrorCode; message: string } {
  const e = err as { name?: string; code?: string; message?: string; cause?: { code?: string; name?: string; message?: string } };
  const code = e?.code ?? e?.cause?.code ?? '';
  const name = e?.name ?? '';
  const message = String(e?.message ?? err).slice(0, 500);
  if (err instanceof TargetRefusedError || code === 'forbidden_address' || e?.cause instanceof TargetRefusedError) return { code: 'forbidden_address', message };
  if (name === 'TimeoutError' || e?.cause?.name === 'TimeoutError' || name === 'AbortError'
    || ['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT'].includes(code)) {
    return { code: 'timeout', message: 'no complete answer in time' };
  }
  if (['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME'].includes(code)) return { code: 'dns_failure', message };
  if (code === 'ECONNREFUSED') return { code: 'connection_refused', message };
  if (['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(code)) return { code: 'connection_reset', message };
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return { code: 'tls_error', message };
  return { code: 'network_error', message };
}
