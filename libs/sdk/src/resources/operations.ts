import type { ApiCore } from '../core/api-core';
import type { RequestOptions, WithResponse } from '../core/request-options';
import type { Health, Readiness } from '../types';

/** The installation's operations endpoints (no key needed). */
export class OperationsResource {
  constructor(private readonly core: ApiCore) {}

  health(options?: RequestOptions): Promise<WithResponse<Health>> {
    return this.core.unwrap(this.core.api.GET('/health', { ...this.core.init(options) }));
  }

  /** Readiness per service; answered (not thrown) when not ready, since 503 is its normal "not yet". */
  async readiness(options: RequestOptions = {}): Promise<Readiness> {
    const { data, error, response } = await this.core.api.GET('/ready', { ...this.core.init({ maxRetries: 0, ...options }) });
    if (response.ok && data) return data;
    if (response.status === 503 && error && typeof error === 'object' && 'services' in error) return error as Readiness;
    throw this.core.failure(response, error);
  }

  /** The OpenAPI 3.1 document the gateway serves. */
  openApi(options?: RequestOptions): Promise<WithResponse<Record<string, unknown>>> {
    return this.core.unwrap(this.core.api.GET('/openapi.json', { ...this.core.init(options) })) as Promise<WithResponse<Record<string, unknown>>>;
  }

  /** Prometheus text exposition. */
  async metrics(options?: RequestOptions): Promise<string> {
    const { data, error, response } = await this.core.api.GET('/metrics', { parseAs: 'text', ...this.core.init(options) });
    if (!response.ok) throw this.core.failure(response, error);
    return data ?? '';
  }
}
