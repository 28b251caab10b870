import type { ApiCore } from '../core/api-core';
import type { RequestOptions, WithResponse } from '../core/request-options';
import type { Job } from '../types';

/** `/v1/jobs`: asynchronous operations (week plans, exports, media). */
export class JobsResource {
  constructor(private readonly core: ApiCore) {}

  retrieve(id: string, options?: RequestOptions): Promise<WithResponse<Job>> {
    return this.core.unwrap(this.core.api.GET('/v1/jobs/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }

  cancel(id: string, options?: RequestOptions): Promise<WithResponse<Job>> {
    return this.core.unwrap(this.core.api.POST('/v1/jobs/{id}/cancel', { params: { path: { id } }, ...this.core.init(options) }));
  }
}
