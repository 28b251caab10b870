import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  VariantSubjects, type ContentIdParams, type CreateVariantsBody, type RequestContext, type VariantSelectParams,
} from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { VariantsService } from './variants.service';

/** NATS handlers: one call into the service each, with the command the gateway validated. */
@Controller()
export class VariantsHandlers {
  constructor(private readonly variants: VariantsService, private readonly idempotency: IdempotencyStore) {}

  /** With an Idempotency-Key the variants written are the key's answer: a retry gets them, not a new set. */
  @MessagePattern(VariantSubjects.create)
  create(@Payload() cmd: ContentIdParams & CreateVariantsBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.variants.create(ctx, cmd.id, cmd, run.commit));
  }

  @MessagePattern(VariantSubjects.list)
  list(@Payload() cmd: ContentIdParams, @Caller() ctx: RequestContext) {
    return this.variants.list(ctx, cmd.id);
  }

  @MessagePattern(VariantSubjects.select)
  select(@Payload() cmd: VariantSelectParams, @Caller() ctx: RequestContext) {
    return this.variants.select(ctx, cmd.id, cmd.idx);
  }
}
