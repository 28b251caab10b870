import type { ApiCore } from '../core/api-core';
import type { RequestOptions, WithResponse } from '../core/request-options';
import type { ReviewDecision, ReviewDecisionParams } from '../types';

/** Decisions through a review link (no key needed: the link's token is the credential). */
export class ReviewResource {
  constructor(private readonly core: ApiCore) {}

  approve(token: string, contentId: string, params: ReviewDecisionParams = {}, options?: RequestOptions): Promise<WithResponse<ReviewDecision>> {
    return this.core.unwrap(this.core.api.POST('/review/{token}/items/{content_id}/approve', { params: { path: { token, content_id: contentId } }, body: params, ...this.core.init(options) }));
  }

  reject(token: string, contentId: string, params: ReviewDecisionParams = {}, options?: RequestOptions): Promise<WithResponse<ReviewDecision>> {
    return this.core.unwrap(this.core.api.POST('/review/{token}/items/{content_id}/reject', { params: { path: { token, content_id: contentId } }, body: params, ...this.core.init(options) }));
  }
}
