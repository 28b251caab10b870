import { ClientNats, NatsRecordBuilder } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { DomainError, isRpcErrorPayload, type RequestContext } from '@influgentic/contracts';
import { injectTraceHeaders } from '@influgentic/observability';
import { contextToHeaders } from './rpc-context';
import { natsUrl } from './nats';

export const DEFAULT_RPC_TIMEOUT_MS = Number(process.env.RPC_TIMEOUT_MS ?? 5000);

/**
 * Request/reply over NATS with the caller's context in headers. A refusal comes back as the service's DomainError;
 * silence (no replica, or none answering in time) becomes `service_unavailable`, never a hung request.
 */
export class BusClient {
  private readonly client: ClientNats;

  constructor(name: string) {
    this.client = new ClientNats({ servers: natsUrl().split(','), name, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  async request<T>(subject: string, payload: unknown, ctx: RequestContext, timeoutMs = DEFAULT_RPC_TIMEOUT_MS): Promise<T> {
    const trace: Record<string, string> = {};
    injectTraceHeaders((k, v) => { trace[k] = v; });
    const record = new NatsRecordBuilder(payload).setHeaders(contextToHeaders(ctx, trace)).build();
    try {
      return await firstValueFrom(this.client.send<T>(subject, record).pipe(timeout(timeoutMs)));
    } catch (err) {
      if (isRpcErrorPayload(err)) throw new DomainError(err.code, err.message, err.errors, err.detail);
      const reason = err instanceof TimeoutError ? `no answer within ${timeoutMs} ms` : String((err as Error)?.message ?? err);
      throw new DomainError('service_unavailable', `The ${subject.split('.').slice(-4, -3)[0] ?? 'backing'} service is unavailable`, undefined, reason);
    }
  }
}
