import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VariantSubjects, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { VariantsService } from './variants.service';

/** NATS handlers: one call into the service each. */
@Controller()
export class VariantsHandlers {
  constructor(private readonly variants: VariantsService, private readonly idempotency: IdempotencyStore) {}

  /** With an Idempotency-Key the variants written are the key's answer: a retry gets them, not a new set. */
  @MessagePattern(VariantSubjects.create)
  create(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.variants.create(ctx, req, run.commit));
  }

  @MessagePattern(VariantSubjects.list)
  list(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.variants.list(ctx, req);
  }

  @MessagePattern(VariantSubjects.select)
  select(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.variants.select(ctx, req);
  }
}
