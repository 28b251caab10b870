import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ContentIdParams, ContentWorkflowSubjects, validateOrThrow, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { PublishingService } from './publishing.service';

/** NATS handlers of scheduling and publishing. */
@Controller()
export class PublishingHandlers {
  constructor(private readonly publishing: PublishingService, private readonly idempotency: IdempotencyStore) {}

  /**
   * Scheduling records an Idempotency-Key's outcome with its write; posting now spans a call to the platform, and a
   * repeat of it is refused by the state machine (already published → 409) rather than posted twice.
   */
  @MessagePattern(ContentWorkflowSubjects.publish)
  publish(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    const { id } = validateOrThrow(ContentIdParams, req.params);
    return this.idempotency.execute(ctx, key, (run) => this.publishing.publish(ctx, id, req.body, run.commit));
  }

  @MessagePattern(ContentWorkflowSubjects.publishRetry)
  retry(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.publishing.retry(ctx, validateOrThrow(ContentIdParams, req.params).id);
  }

  @MessagePattern(ContentWorkflowSubjects.unpublish)
  unpublish(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    const { id } = validateOrThrow(ContentIdParams, req.params);
    return this.idempotency.execute(ctx, key, (run) => this.publishing.unpublish(ctx, id, run.commit));
  }

  @MessagePattern(ContentWorkflowSubjects.publishStatus)
  status(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.publishing.status(ctx, validateOrThrow(ContentIdParams, req.params).id);
  }

  /** The public page of a post: the gateway asks without a key, so only the id counts. */
  @MessagePattern(ContentWorkflowSubjects.publishedPage)
  page(@Payload() req: RpcRequest) {
    return this.publishing.page(validateOrThrow(ContentIdParams, req.params).id);
  }
}
