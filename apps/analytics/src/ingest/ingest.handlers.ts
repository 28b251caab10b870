import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AnalyticsSubjects, type RequestContext } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { IngestService } from './ingest.service';

/** NATS handlers: one call into the service each. */
@Controller()
export class IngestHandlers {
  constructor(private readonly ingest: IngestService, private readonly idempotency: IdempotencyStore) {}

  /** The gateway forwards this body unvalidated (`bodyValidatedByService`): its fields are the command, checked here. */
  @MessagePattern(AnalyticsSubjects.ingest)
  events(@Payload() cmd: Record<string, unknown>, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.ingest.ingest(ctx, cmd, run.commit));
  }
}
