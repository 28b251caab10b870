import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { JobIdParams, JobSubjects, validateOrThrow, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { JobsService } from './jobs.service';

/** NATS handlers: one call into the service each. */
@Controller()
export class JobsHandlers {
  constructor(private readonly jobs: JobsService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(JobSubjects.get)
  get(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.jobs.get(ctx, validateOrThrow(JobIdParams, req.params).id);
  }

  @MessagePattern(JobSubjects.cancel)
  cancel(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.jobs.cancel(ctx, validateOrThrow(JobIdParams, req.params).id, run.commit));
  }
}
