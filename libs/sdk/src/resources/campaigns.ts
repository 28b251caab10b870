import type { ApiCore } from '../core/api-core';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions, WithResponse } from '../core/request-options';
import { GenerationStream } from '../streaming/generation-stream';
import type { Campaign, CampaignStreamParams, CreateCampaignParams, ListCampaignsParams, UpdateCampaignParams } from '../types';
import { openEventStreamBody } from './stream-body';

/** `/v1/campaigns`: lifecycle, budget and live generation. */
export class CampaignsResource {
  constructor(private readonly core: ApiCore) {}

  /** Sent with an Idempotency-Key (generated unless `options.idempotencyKey` is given): a retry never makes two. */
  create(params: CreateCampaignParams, options?: RequestOptions): Promise<WithResponse<Campaign>> {
    return this.core.unwrap(this.core.api.POST('/v1/campaigns', { body: params, ...this.core.init(options) }));
  }

  list(params: ListCampaignsParams = {}, options?: RequestOptions): PagePromise<Campaign> {
    return this.core.list((cursor) => this.core.api.GET('/v1/campaigns', { params: { query: { ...params, cursor: cursor ?? params.cursor } }, ...this.core.init(options) }));
  }

  retrieve(id: string, options?: RequestOptions): Promise<WithResponse<Campaign>> {
    return this.core.unwrap(this.core.api.GET('/v1/campaigns/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }

  update(id: string, params: UpdateCampaignParams, options?: RequestOptions): Promise<WithResponse<Campaign>> {
    return this.core.unwrap(this.core.api.PATCH('/v1/campaigns/{id}', { params: { path: { id } }, body: params, ...this.core.init(options) }));
  }

  /** Cancels the campaign (the same as `cancel`). */
  delete(id: string, options?: RequestOptions): Promise<WithResponse<Campaign>> {
    return this.core.unwrap(this.core.api.DELETE('/v1/campaigns/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }

  pause(id: string, options?: RequestOptions): Promise<WithResponse<Campaign>> {
    return this.core.unwrap(this.core.api.POST('/v1/campaigns/{id}/pause', { params: { path: { id } }, ...this.core.init(options) }));
  }

  resume(id: string, options?: RequestOptions): Promise<WithResponse<Campaign>> {
    return this.core.unwrap(this.core.api.POST('/v1/campaigns/{id}/resume', { params: { path: { id } }, ...this.core.init(options) }));
  }

  cancel(id: string, options?: RequestOptions): Promise<WithResponse<Campaign>> {
    return this.core.unwrap(this.core.api.POST('/v1/campaigns/{id}/cancel', { params: { path: { id } }, ...this.core.init(options) }));
  }

  /** Generates the campaign's next piece of content live (Server-Sent Events). */
  stream(id: string, params: CampaignStreamParams = {}, options: RequestOptions = {}): GenerationStream {
    return new GenerationStream((signal) => openEventStreamBody(this.core, this.core.api.POST('/v1/campaigns/{id}/stream', {
      params: { path: { id } }, body: params, parseAs: 'stream', headers: { accept: 'text/event-stream' },
      ...this.core.init({ ...options, signal }, 'stream'),
    })), options.signal);
  }
}
