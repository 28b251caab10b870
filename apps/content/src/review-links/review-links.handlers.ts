import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReviewLinkSubjects, type CreateReviewLinkBody, type RequestContext, type ReviewLinkIdParams } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { ReviewLinksService } from './review-links.service';

/**
 * NATS handlers: one call into the service each; `create` and `revoke` take the command the gateway validated. `page`
 * and `decide` are tenant-free subjects (the gateway sends no organization: the token is the credential) called with
 * payloads the gateway builds, checked here; they use only the caller's request id, never its tenancy headers.
 */
@Controller()
export class ReviewLinksHandlers {
  constructor(private readonly links: ReviewLinksService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(ReviewLinkSubjects.create)
  create(@Payload() cmd: CreateReviewLinkBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.links.create(ctx, cmd, run.commit));
  }

  @MessagePattern(ReviewLinkSubjects.revoke)
  revoke(@Payload() cmd: ReviewLinkIdParams, @Caller() ctx: RequestContext) {
    return this.links.revoke(ctx, cmd.id);
  }

  @MessagePattern(ReviewLinkSubjects.page)
  page(@Payload() payload: unknown, @Caller() caller: RequestContext) {
    return this.links.page(caller.requestId, payload);
  }

  @MessagePattern(ReviewLinkSubjects.decide)
  decide(@Payload() payload: unknown, @Caller() caller: RequestContext) {
    return this.links.decide(caller.requestId, payload);
  }
}
