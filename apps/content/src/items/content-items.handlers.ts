import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ContentIdParams, ContentSubjects, ContentWorkflowSubjects, validateOrThrow, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { ContentItemsService } from './content-items.service';

/** NATS handlers of the queue: one call into the service each. */
@Controller()
export class ContentItemsHandlers {
  constructor(private readonly items: ContentItemsService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(ContentWorkflowSubjects.list)
  list(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.items.list(ctx, req.query);
  }

  @MessagePattern(ContentSubjects.get)
  get(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.items.get(ctx, validateOrThrow(ContentIdParams, req.params).id);
  }

  @MessagePattern(ContentWorkflowSubjects.update)
  update(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.items.update(ctx, validateOrThrow(ContentIdParams, req.params).id, req.body);
  }

  @MessagePattern(ContentWorkflowSubjects.remove)
  remove(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.items.remove(ctx, validateOrThrow(ContentIdParams, req.params).id, run.commit));
  }
}
