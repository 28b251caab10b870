import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { JobSubjects, type JobIdParams, type RequestContext } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { JobsService } from './jobs.service';

/** NATS handlers: one call into the service each, with the command the gateway validated. */
@Controller()
export class JobsHandlers {
  constructor(private readonly jobs: JobsService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(JobSubjects.get)
  get(@Payload() cmd: JobIdParams, @Caller() ctx: RequestContext) {
    return this.jobs.get(ctx, cmd.id);
  }

  @MessagePattern(JobSubjects.cancel)
  cancel(@Payload() cmd: JobIdParams, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.jobs.cancel(ctx, cmd.id, run.commit));
  }
}
