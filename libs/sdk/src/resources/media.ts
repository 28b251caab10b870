import type { ApiCore } from '../core/api-core';
import type { RequestOptions, WithResponse } from '../core/request-options';
import type { components, operations } from '../generated/openapi';
import type { BodyOf, QueryOf } from '../types';

type Schemas = components['schemas'];
export type MediaJobAccepted = Schemas['MediaJobAccepted'];
export type VideoStatus = Schemas['VideoStatus'];
export type BulkBatch = Schemas['BulkBatch'];
export type GenerateVideoParams = BodyOf<'postV1ContentVideoGenerate'>;
export type CreateMediaParams = BodyOf<'postV1ContentIdMedia'>;
export type BulkVideosParams = BodyOf<'postV1ContentBulk'>;
export type MediaFilePath = operations['getMediaOrganizationModeContentIdFile']['parameters']['path'];
export type MediaFileQuery = QueryOf<'getMediaOrganizationModeContentIdFile'>;

/** Images, speech and video of content items, rendered as jobs. */
export class MediaResource {
  constructor(private readonly core: ApiCore) {}

  /** Starts a video (a content item and its job). */
  generateVideo(params: GenerateVideoParams, options?: RequestOptions): Promise<WithResponse<MediaJobAccepted>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/video/generate', { body: params, ...this.core.init(options) }));
  }

  videoStatus(id: string, options?: RequestOptions): Promise<WithResponse<VideoStatus>> {
    return this.core.unwrap(this.core.api.GET('/v1/content/video/{id}/status', { params: { path: { id } }, ...this.core.init(options) }));
  }

  stopVideo(id: string, options?: RequestOptions): Promise<WithResponse<VideoStatus>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/video/{id}/stop', { params: { path: { id } }, ...this.core.init(options) }));
  }

  continueVideo(id: string, options?: RequestOptions): Promise<WithResponse<VideoStatus>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/video/{id}/continue', { params: { path: { id } }, ...this.core.init(options) }));
  }

  /** Renders media for an existing content item. */
  create(contentId: string, params: CreateMediaParams, options?: RequestOptions): Promise<WithResponse<MediaJobAccepted>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/{id}/media', { params: { path: { id: contentId } }, body: params, ...this.core.init(options) }));
  }

  bulkVideos(params: BulkVideosParams, options?: RequestOptions): Promise<WithResponse<BulkBatch>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/bulk', { body: params, ...this.core.init(options) }));
  }

  bulkStatus(id: string, options?: RequestOptions): Promise<WithResponse<BulkBatch>> {
    return this.core.unwrap(this.core.api.GET('/v1/content/bulk/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }

  /** The bytes of a rendered file, from the parts of its signed URL. */
  async download(path: MediaFilePath, query: MediaFileQuery, options?: RequestOptions): Promise<ArrayBuffer> {
    const { data, error, response } = await this.core.api.GET('/media/{organization}/{mode}/{content_id}/{file}', { params: { path, query }, parseAs: 'arrayBuffer', ...this.core.init(options) });
    if (!response.ok) throw this.core.failure(response, error);
    return data ?? new ArrayBuffer(0);
  }
}
