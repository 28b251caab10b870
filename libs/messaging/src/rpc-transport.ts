import { Server, NatsContext, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { headers as natsHeaders, type Msg, type NatsConnection, type Subscription } from 'nats';
import { isObservable, lastValueFrom } from 'rxjs';
import type { Logger } from 'pino';
import { SpanKind } from '@opentelemetry/api';
import { isRpcErrorPayload, type RpcErrorPayload } from '@influgentic/contracts';
import { logContext, withRemoteSpan, type ServiceMetrics } from '@influgentic/observability';
import { spanSubject } from './bus-client';
import { connectNats } from './nats';
import { contextFromHeaders, headersToRecord, tenancyProblem } from './rpc-context';
import { decodeJson, encodeJson, markRpcError } from './rpc-wire';

/** How long a stopping service waits for the requests it is still answering. */
const DRAIN_WAIT_MS = 10_000;

export interface NatsRpcServerOptions {
  /** Connection name, as NATS monitoring shows it. */
  name: string;
  /** Queue group: replicas of one service share its requests. */
  queue: string;
  log: Logger;
}

/**
 * The services' request/reply transport: one queue subscription per `@MessagePattern` subject; a request's data is
 * the handler's argument, the reply is the handler's result as JSON (see rpc-wire.ts), with no envelope to wrap and
 * unwrap on either side. NestJS still builds each handler (guards, filters, parameter decorators); only the
 * transport is ours. Each request is checked for its tenancy (organization and livemode headers; `tenantFree`
 * subjects such as health serve no tenant's data), continues the caller's trace, tags logs with its request id and
 * is timed — here, once, rather than in a NestJS interceptor's observable chain. On shutdown it stops taking
 * requests and answers the ones it has before closing.
 */
export class NatsRpcServer extends Server implements CustomTransportStrategy {
  private nc?: NatsConnection;
  private readonly subscriptions: Subscription[] = [];
  private inFlight = 0;
  private idle?: () => void;
  private metrics?: ServiceMetrics;
  private tenantFree: ReadonlySet<string> = new Set();

  constructor(private readonly options: NatsRpcServerOptions) {
    super();
  }

  /** Metrics to time requests with, and the subjects that serve without a tenant; set before `listen`. */
  observeWith(metrics: ServiceMetrics, tenantFree: ReadonlySet<string>): void {
    this.metrics = metrics;
    this.tenantFree = tenantFree;
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      this.nc = await connectNats(this.options.name);
      for (const [subject, handler] of this.messageHandlers) {
        this.subscriptions.push(this.nc.subscribe(subject, {
          queue: this.options.queue,
          callback: (err, msg) => { if (!err) void this.serve(handler, msg); },
        }));
      }
      await this.nc.flush();
      callback();
    } catch (err) {
      callback(err);
    }
  }

  private async serve(handler: MessageHandler, msg: Msg): Promise<void> {
    this.inFlight += 1;
    const subject = msg.subject;
    const end = this.metrics?.rpcDuration.startTimer({ subject });
    let outcome = 'ok';
    try {
      const headers = headersToRecord(msg.headers);
      const refused = this.tenantFree.has(subject) ? null : tenancyProblem(headers);
      if (refused) {
        outcome = 'forbidden';
        return this.refuse(msg, { code: 'forbidden', message: `Request refused: ${refused}` });
      }
      let payload: unknown;
      try {
        payload = decodeJson(msg.data);
      } catch {
        outcome = 'bad_request';
        return this.refuse(msg, { code: 'bad_request', message: 'The request is not JSON' });
      }
      const ctx = contextFromHeaders(headers);
      const value = await logContext.run({ request_id: ctx.requestId, organization_id: ctx.organizationId }, () =>
        withRemoteSpan(spanSubject(subject), headers, async () => {
          const result: unknown = await handler(payload, new NatsContext([subject, msg.headers]));
          return isObservable(result) ? lastValueFrom(result, { defaultValue: undefined }) : result;
        }, SpanKind.SERVER));
      msg.respond(encodeJson(value));
    } catch (err) {
      // The global filter has already turned whatever the handler threw into an error payload.
      const payload: RpcErrorPayload = isRpcErrorPayload(err) ? err : { code: 'internal_error', message: 'The service failed to handle the request' };
      outcome = payload.code;
      this.refuse(msg, payload);
    } finally {
      end?.({ outcome });
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idle?.();
    }
  }

  private refuse(msg: Msg, payload: RpcErrorPayload): void {
    try {
      msg.respond(encodeJson(payload), { headers: markRpcError(natsHeaders()) });
    } catch (err) {
      this.options.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not send a refusal');
    }
  }

  async close(): Promise<void> {
    const nc = this.nc;
    this.nc = undefined;
    if (!nc) return;
    for (const s of this.subscriptions.splice(0)) s.unsubscribe();
    if (this.inFlight > 0) await this.settled(DRAIN_WAIT_MS);
    // Replies still in the client's buffer go out, but a server out of reach must not hold the shutdown up (a drain
    // would wait for it to come back).
    await Promise.race([nc.flush().catch(() => undefined), new Promise((r) => setTimeout(r, 1000).unref())]);
    await nc.close().catch(() => undefined);
  }

  /** Resolves once no request is being answered, or after `ms`. */
  private settled(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      this.idle = () => { clearTimeout(timer); resolve(); };
    });
  }

  on(): never {
    throw new Error('NatsRpcServer has no events to listen to');
  }

  unwrap<T>(): T {
    return this.nc as T;
  }
}
