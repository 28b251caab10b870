import type { NatsConnection } from 'nats';
import { SpanKind } from '@opentelemetry/api';
import { DomainError, NATS_NAMESPACE, type RequestContext } from '@influgentic/contracts';
import { injectTraceHeaders, withSpan } from '@influgentic/observability';
import { IDEMPOTENCY_HEADERS, type IdempotencyKey } from './idempotency';
import { contextToHeaders } from './rpc-context';
import { connectNats } from './nats';
import { decodeJson, encodeJson, readRpcReply } from './rpc-wire';

export const DEFAULT_RPC_TIMEOUT_MS = Number(process.env.RPC_TIMEOUT_MS ?? 5000);

/** A subject as span names show it: without the installation's namespace, so every installation's traces read alike. */
export function spanSubject(subject: string): string {
  return NATS_NAMESPACE && subject.startsWith(`${NATS_NAMESPACE}.`) ? subject.slice(NATS_NAMESPACE.length + 1) : subject;
}

/**
 * Request/reply over NATS with the caller's context in headers, in the platform's wire format (rpc-wire.ts), which
 * the services' transport (rpc-transport.ts) serves to plain `@MessagePattern` handlers. It uses the connection's
 * shared reply inbox (no subscription per request). A refusal comes back as the service's DomainError; silence — no replica listening, or none answering in
 * time — becomes `service_unavailable`, never a hung request.
 */
export class BusClient {
  private nc?: NatsConnection;

  constructor(private readonly name: string) {}

  async connect(): Promise<void> {
    this.nc ??= await connectNats(this.name);
  }

  async close(): Promise<void> {
    await this.nc?.drain().catch(() => undefined);
    this.nc = undefined;
  }

  /**
   * `idempotency` goes to this one hop only (never copied into the context): the service that receives it records the
   * outcome of its own write under that key, while the calls it makes to other services are plain ones.
   */
  async request<T>(subject: string, payload: unknown, ctx: RequestContext, timeoutMs = DEFAULT_RPC_TIMEOUT_MS, idempotency?: IdempotencyKey): Promise<T> {
    return decodeJson<T>(await this.requestBytes(subject, payload, ctx, timeoutMs, idempotency)) as T;
  }

  /**
   * The reply's JSON exactly as the service wrote it (empty when the handler returned nothing), for a caller that
   * only passes it on — the gateway sends it to the HTTP client without parsing it. A refusal still throws.
   */
  async requestBytes(subject: string, payload: unknown, ctx: RequestContext, timeoutMs = DEFAULT_RPC_TIMEOUT_MS, idempotency?: IdempotencyKey): Promise<Uint8Array> {
    if (!this.nc) await this.connect();
    // A CLIENT span per request: its context is what travels in the headers, so the service's span is its child and
    // the time between the two is the bus's.
    const name = spanSubject(subject);
    return withSpan(`${name} request`, () => this.send(subject, payload, ctx, timeoutMs, idempotency), SpanKind.CLIENT, {
      attributes: { 'messaging.system': 'nats', 'messaging.destination.name': name, 'messaging.operation.type': 'send' },
    });
  }

  private async send(subject: string, payload: unknown, ctx: RequestContext, timeoutMs: number, idempotency?: IdempotencyKey): Promise<Uint8Array> {
    const trace: Record<string, string> = {};
    injectTraceHeaders((k, v) => { trace[k] = v; });
    if (idempotency) {
      trace[IDEMPOTENCY_HEADERS.key] = idempotency.key;
      trace[IDEMPOTENCY_HEADERS.fingerprint] = idempotency.fingerprint;
    }
    let reply;
    try {
      reply = readRpcReply(await this.nc!.request(subject, encodeJson(payload), { timeout: timeoutMs, headers: contextToHeaders(ctx, trace) }));
    } catch (err) {
      const code = (err as { code?: string }).code;
      const reason = code === '503' ? 'no service is listening' : code === 'TIMEOUT' ? `no answer within ${timeoutMs} ms` : 'the request could not be delivered';
      // Subjects (and bus messages, which name them) are internal: they stay in the error's cause, for logs only.
      throw Object.assign(new DomainError('service_unavailable', 'A backing service did not answer in time; retry shortly', undefined, reason), {
        cause: { subject, reason: code === '503' || code === 'TIMEOUT' ? reason : String((err as Error)?.message ?? err) },
      });
    }
    if (!reply.ok) throw reply.error;
    return reply.bytes;
  }
}
