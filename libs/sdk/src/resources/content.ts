import type { ApiCore, FetchResult } from '../core/api-core';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions, WithResponse } from '../core/request-options';
import { GenerationStream } from '../streaming/generation-stream';
import type {
  ApproveContentParams, Calendar, CalendarParams, ContentDeleted, ContentItem, ContentVariants, CreateReviewLinkParams, CreateVariantsParams,
  GenerateContentParams, GenerateWeekAccepted, GenerateWeekParams, ListContentParams, MediaDecisionParams, PublishContentParams, PublishStatus,
  RejectContentParams, ReviewLink, UpdateContentParams,
} from '../types';
import { openEventStreamBody } from './stream-body';

/** Caption variants of one item. */
export class ContentVariantsResource {
  constructor(private readonly core: ApiCore) {}

  create(contentId: string, params: CreateVariantsParams, options?: RequestOptions): Promise<WithResponse<ContentVariants>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/{id}/variants', { params: { path: { id: contentId } }, body: params, ...this.core.init(options) }));
  }

  list(contentId: string, options?: RequestOptions): Promise<WithResponse<ContentVariants>> {
    return this.core.unwrap(this.core.api.GET('/v1/content/{id}/variants', { params: { path: { id: contentId } }, ...this.core.init(options) }));
  }

  /** Copies variant `idx` into the item's caption. */
  select(contentId: string, idx: number, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.PUT('/v1/content/{id}/variants/{idx}/select', { params: { path: { id: contentId, idx: String(idx) } }, ...this.core.init(options) }));
  }
}

/** Review links for clients without an account. */
export class ReviewLinksResource {
  constructor(private readonly core: ApiCore) {}

  create(params: CreateReviewLinkParams, options?: RequestOptions): Promise<WithResponse<ReviewLink>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/review-links', { body: params, ...this.core.init(options) }));
  }

  revoke(id: string, options?: RequestOptions): Promise<WithResponse<ReviewLink>> {
    return this.core.unwrap(this.core.api.DELETE('/v1/content/review-links/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }
}

/** Generation, the review queue, moderation, publishing, the week planner and the calendar. */
export class ContentResource {
  readonly variants: ContentVariantsResource;
  readonly reviewLinks: ReviewLinksResource;

  constructor(private readonly core: ApiCore) {
    this.variants = new ContentVariantsResource(core);
    this.reviewLinks = new ReviewLinksResource(core);
  }

  /** Generates one content item and answers when it is done. */
  generate(agentId: string, params: GenerateContentParams, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    // Without `stream: true` the answer is the item as JSON (the operation's other success type is the event stream).
    const call = this.core.api.POST('/v1/agents/{agent_id}/content', { params: { path: { agent_id: agentId } }, body: { ...params, stream: false }, ...this.core.init(options) });
    return this.core.unwrap(call as Promise<FetchResult<ContentItem>>);
  }

  /** Generates one content item live: `for await` over `agent_start`, `content_chunk`s and `content_complete`. */
  generateStream(agentId: string, params: GenerateContentParams, options: RequestOptions = {}): GenerationStream {
    return new GenerationStream((signal) => openEventStreamBody(this.core, this.core.api.POST('/v1/agents/{agent_id}/content', {
      params: { path: { agent_id: agentId } }, body: { ...params, stream: true }, parseAs: 'stream', headers: { accept: 'text/event-stream' },
      ...this.core.init({ ...options, signal }, 'stream'),
    })), options.signal);
  }

  /** The queue, newest first; filter by status, agent, campaign, platform and dates. */
  list(params: ListContentParams = {}, options?: RequestOptions): PagePromise<ContentItem> {
    return this.core.list((cursor) => this.core.api.GET('/v1/content', { params: { query: { ...params, cursor: cursor ?? params.cursor } }, ...this.core.init(options) }));
  }

  retrieve(id: string, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.GET('/v1/content/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }

  update(id: string, params: UpdateContentParams, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.PATCH('/v1/content/{id}', { params: { path: { id } }, body: params, ...this.core.init(options) }));
  }

  delete(id: string, options?: RequestOptions): Promise<WithResponse<ContentDeleted>> {
    return this.core.unwrap(this.core.api.DELETE('/v1/content/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }

  approve(id: string, params: ApproveContentParams = {}, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/{id}/approve', { params: { path: { id } }, body: params, ...this.core.init(options) }));
  }

  reject(id: string, params: RejectContentParams = {}, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/{id}/reject', { params: { path: { id } }, body: params, ...this.core.init(options) }));
  }

  regenerate(id: string, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/{id}/regenerate', { params: { path: { id } }, ...this.core.init(options) }));
  }

  approveMedia(id: string, index: number, params: MediaDecisionParams = {}, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/{id}/media/{index}/approve', { params: { path: { id, index: String(index) } }, body: params, ...this.core.init(options) }));
  }

  rejectMedia(id: string, index: number, params: MediaDecisionParams = {}, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/{id}/media/{index}/reject', { params: { path: { id, index: String(index) } }, body: params, ...this.core.init(options) }));
  }

  /** Publishes an approved item now, or schedules it for `at`. */
  publish(id: string, params: PublishContentParams = {}, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/{id}/publish', { params: { path: { id } }, body: params, ...this.core.init(options) }));
  }

  publishStatus(id: string, options?: RequestOptions): Promise<WithResponse<PublishStatus>> {
    return this.core.unwrap(this.core.api.GET('/v1/content/{id}/publish/status', { params: { path: { id } }, ...this.core.init(options) }));
  }

  retryPublish(id: string, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/{id}/publish/retry', { params: { path: { id } }, ...this.core.init(options) }));
  }

  unpublish(id: string, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/{id}/unpublish', { params: { path: { id } }, ...this.core.init(options) }));
  }

  /** Plans and generates a week of posts as a job (poll `jobs.retrieve`). */
  generateWeek(params: GenerateWeekParams, options?: RequestOptions): Promise<WithResponse<GenerateWeekAccepted>> {
    return this.core.unwrap(this.core.api.POST('/v1/content/generate-week', { body: params, ...this.core.init(options) }));
  }

  calendar(params: CalendarParams, options?: RequestOptions): Promise<WithResponse<Calendar>> {
    return this.core.unwrap(this.core.api.GET('/v1/content/calendar', { params: { query: params }, ...this.core.init(options) }));
  }
}
