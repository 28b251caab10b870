import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ContentSubjects, ContentWorkflowSubjects, type ContentIdParams, type ListContentQuery, type RequestContext, type UpdateCommand,
  type UpdateContentBody,
} from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { ContentItemsService } from './content-items.service';

/** NATS handlers of the queue: one call into the service each, with the command the gateway validated. */
@Controller()
export class ContentItemsHandlers {
  constructor(private readonly items: ContentItemsService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(ContentWorkflowSubjects.list)
  list(@Payload() cmd: ListContentQuery, @Caller() ctx: RequestContext) {
    return this.items.list(ctx, cmd);
  }

  @MessagePattern(ContentSubjects.get)
  get(@Payload() cmd: ContentIdParams, @Caller() ctx: RequestContext) {
    return this.items.get(ctx, cmd.id);
  }

  @MessagePattern(ContentWorkflowSubjects.update)
  update(@Payload() cmd: UpdateCommand<ContentIdParams, UpdateContentBody>, @Caller() ctx: RequestContext) {
    return this.items.update(ctx, cmd.id, cmd.changes);
  }

  @MessagePattern(ContentWorkflowSubjects.remove)
  remove(@Payload() cmd: ContentIdParams, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.items.remove(ctx, cmd.id, run.commit));
  }
}
