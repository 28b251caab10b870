import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ContentSubjects, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { GenerationService } from './generation.service';

/** NATS handlers: one call into the service each. */
@Controller()
export class GenerationHandlers {
  constructor(private readonly generation: GenerationService, private readonly idempotency: IdempotencyStore) {}

  /** With an Idempotency-Key the item (and its spend hold) is tied to the key: a retry gets that item, never a second. */
  @MessagePattern(ContentSubjects.generate)
  generate(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.generation.generate(ctx, req, run), { resolve: (id) => this.generation.resolveKeyed(ctx, id) });
  }

  @MessagePattern(ContentSubjects.streamStart)
  streamStart(@Payload() req: RpcRequest & { session_id?: unknown }, @Caller() ctx: RequestContext) {
    return this.generation.startStream(ctx, req);
  }

  @MessagePattern(ContentSubjects.campaignStreamStart)
  campaignStreamStart(@Payload() req: RpcRequest & { session_id?: unknown }, @Caller() ctx: RequestContext) {
    return this.generation.startCampaignStream(ctx, req);
  }
}
