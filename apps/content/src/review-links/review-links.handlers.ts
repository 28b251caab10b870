import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReviewLinkSubjects, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { ReviewLinksService } from './review-links.service';

/**
 * NATS handlers: one call into the service each. `page` and `decide` are tenant-free subjects (the gateway sends no
 * organization: the token is the credential); they use only the caller's request id, never its tenancy headers.
 */
@Controller()
export class ReviewLinksHandlers {
  constructor(private readonly links: ReviewLinksService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(ReviewLinkSubjects.create)
  create(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.links.create(ctx, req, run.commit));
  }

  @MessagePattern(ReviewLinkSubjects.revoke)
  revoke(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.links.revoke(ctx, req);
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
