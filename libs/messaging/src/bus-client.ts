import { JSONCodec, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { DomainError, isRpcErrorPayload, NATS_NAMESPACE, type RequestContext } from '@influgentic/contracts';
import { injectTraceHeaders, withSpan } from '@influgentic/observability';
import { IDEMPOTENCY_HEADERS, type IdempotencyKey } from './idempotency';
import { contextToHeaders } from './rpc-context';
import { connectNats } from './nats';

export const DEFAULT_RPC_TIMEOUT_MS = Number(process.env.RPC_TIMEOUT_MS ?? 5000);

/** The request and reply envelopes of NestJS's NATS transport, which every service speaks. */
interface NestRequest { pattern: string; data: unknown; id: string }
interface NestReply<T> { id?: string; response?: T; err?: unknown; isDisposed?: boolean }

const codec = JSONCodec<unknown>();

/** A subject as span names show it: without the installation's namespace, so every installation's traces read alike. */
export function spanSubject(subject: string): string {
  return NATS_NAMESPACE && subject.startsWith(`${NATS_NAMESPACE}.`) ? subject.slice(NATS_NAMESPACE.length + 1) : subject;
}

/**
 * Request/reply over NATS with the caller's context in headers, speaking the NestJS NATS transport's envelope so the
 * services stay plain `@MessagePattern` handlers. It uses the connection's shared reply inbox (no subscription per
 * request). A refusal comes back as the service's DomainError; silence — no replica listening, or none answering in
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
    if (!this.nc) await this.connect();
    // A CLIENT span per request: its context is what travels in the headers, so the service's span is its child and
    // the time between the two is the bus's.
    const name = spanSubject(subject);
    return withSpan(`${name} request`, () => this.send<T>(subject, payload, ctx, timeoutMs, idempotency), SpanKind.CLIENT, {
      attributes: { 'messaging.system': 'nats', 'messaging.destination.name': name, 'messaging.operation.type': 'send' },
    });
  }

  private async send<T>(subject: string, payload: unknown, ctx: RequestContext, timeoutMs: number, idempotency?: IdempotencyKey): Promise<T> {
    const trace: Record<string, string> = {};
    injectTraceHeaders((k, v) => { trace[k] = v; });
    if (idempotency) {
      trace[IDEMPOTENCY_HEADERS.key] = idempotency.key;
      trace[IDEMPOTENCY_HEADERS.fingerprint] = idempotency.fingerprint;
    }
    const envelope: NestRequest = { pattern: subject, data: payload, id: randomUUID() };
    let reply: NestReply<T>;
    try {
      const msg = await this.nc!.request(subject, codec.encode(envelope), { timeout: timeoutMs, headers: contextToHeaders(ctx, trace) });
      reply = codec.decode(msg.data) as NestReply<T>;
    } catch (err) {
      const code = (err as { code?: string }).code;
      const reason = code === '503' ? 'no service is listening' : code === 'TIMEOUT' ? `no answer within ${timeoutMs} ms` : 'the request could not be delivered';
      // Subjects (and bus messages, which name them) are internal: they stay in the error's cause, for logs only.
      throw Object.assign(new DomainError('service_unavailable', 'A backing service did not answer in time; retry shortly', undefined, reason), {
        cause: { subject, reason: code === '503' || code === 'TIMEOUT' ? reason : String((err as Error)?.message ?? err) },
      });
    }
    if (reply.err !== undefined && reply.err !== null) {
      if (isRpcErrorPayload(reply.err)) throw new DomainError(reply.err.code, reply.err.message, reply.err.errors, reply.err.detail);
      throw new DomainError('internal_error', 'A backing service failed to handle the request');
    }
    return reply.response as T;
  }
}
