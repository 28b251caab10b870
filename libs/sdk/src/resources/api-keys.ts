import type { ApiCore } from '../core/api-core';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions, WithResponse } from '../core/request-options';
import type { ApiKey, ApiKeyCreated, ApiKeyRevoked, CreateApiKeyParams, ListApiKeysParams } from '../types';

/** `/v1/api-keys` (scope `keys:admin`). */
export class ApiKeysResource {
  constructor(private readonly core: ApiCore) {}

  /** The answer carries the token, shown this once. */
  create(params: CreateApiKeyParams, options?: RequestOptions): Promise<WithResponse<ApiKeyCreated>> {
    return this.core.unwrap(this.core.api.POST('/v1/api-keys', { body: params, ...this.core.init(options) }));
  }

  list(params: ListApiKeysParams = {}, options?: RequestOptions): PagePromise<ApiKey> {
    return this.core.list((cursor) => this.core.api.GET('/v1/api-keys', { params: { query: { ...params, cursor: cursor ?? params.cursor } }, ...this.core.init(options) }));
  }

  retrieve(id: string, options?: RequestOptions): Promise<WithResponse<ApiKey>> {
    return this.core.unwrap(this.core.api.GET('/v1/api-keys/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }

  /** Revokes at once: the next call with the key answers 401. */
  revoke(id: string, options?: RequestOptions): Promise<WithResponse<ApiKeyRevoked>> {
    return this.core.unwrap(this.core.api.DELETE('/v1/api-keys/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }
}
