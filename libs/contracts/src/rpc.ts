/** Every gateway → service request carries the HTTP parts the service needs, nothing else. */
export interface RpcRequest<B = unknown, Q = Record<string, unknown>, P = Record<string, string>> {
  params: P;
  query: Q;
  body: B;
}

export interface Page<T> {
  data: T[];
  meta: { total: number | null; limit: number; next_cursor: string | null };
}

export const SERVICES = ['registry', 'campaigns', 'content', 'analytics', 'webhooks'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface HealthReply { service: ServiceName; status: 'ok' | 'degraded'; database: boolean; uptime_s: number }
