import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ContentWorkflowSubjects, type ContentIdParams, type PublishContentBody, type RequestContext } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { PublishingService } from './publishing.service';

/** NATS handlers of scheduling and publishing, with the command the gateway validated. */
@Controller()
export class PublishingHandlers {
  constructor(private readonly publishing: PublishingService, private readonly idempotency: IdempotencyStore) {}

  /**
   * Scheduling records an Idempotency-Key's outcome with its write; posting now spans a call to the platform, and a
   * repeat of it is refused by the state machine (already published → 409) rather than posted twice.
   */
  @MessagePattern(ContentWorkflowSubjects.publish)
  publish(@Payload() cmd: ContentIdParams & PublishContentBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.publishing.publish(ctx, cmd.id, cmd.at, run.commit));
  }

  @MessagePattern(ContentWorkflowSubjects.publishRetry)
  retry(@Payload() cmd: ContentIdParams, @Caller() ctx: RequestContext) {
    return this.publishing.retry(ctx, cmd.id);
  }

  @MessagePattern(ContentWorkflowSubjects.unpublish)
  unpublish(@Payload() cmd: ContentIdParams, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.publishing.unpublish(ctx, cmd.id, run.commit));
  }

  @MessagePattern(ContentWorkflowSubjects.publishStatus)
  status(@Payload() cmd: ContentIdParams, @Caller() ctx: RequestContext) {
    return this.publishing.status(ctx, cmd.id);
  }

  /** The public page of a post: the gateway asks without a key, so only the id counts. */
  @MessagePattern(ContentWorkflowSubjects.publishedPage)
  page(@Payload() cmd: ContentIdParams) {
    return this.publishing.page(cmd.id);
  }
}
