import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ContentSubjects, type AgentContentParams, type CampaignIdParams, type CampaignStreamBody, type GenerateContentBody, type RequestContext,
  type StreamStartCommand,
} from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { GenerationService } from './generation.service';

/** NATS handlers: one call into the service each, with the command the gateway validated. */
@Controller()
export class GenerationHandlers {
  constructor(private readonly generation: GenerationService, private readonly idempotency: IdempotencyStore) {}

  /** With an Idempotency-Key the item (and its spend hold) is tied to the key: a retry gets that item, never a second. */
  @MessagePattern(ContentSubjects.generate)
  generate(@Payload() cmd: AgentContentParams & GenerateContentBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.generation.generate(ctx, cmd, run), { resolve: (id) => this.generation.resolveKeyed(ctx, id) });
  }

  @MessagePattern(ContentSubjects.streamStart)
  streamStart(@Payload() cmd: StreamStartCommand<AgentContentParams & GenerateContentBody>, @Caller() ctx: RequestContext) {
    return this.generation.startStream(ctx, cmd);
  }

  @MessagePattern(ContentSubjects.campaignStreamStart)
  campaignStreamStart(@Payload() cmd: StreamStartCommand<CampaignIdParams & CampaignStreamBody>, @Caller() ctx: RequestContext) {
    return this.generation.startCampaignStream(ctx, cmd);
  }
}
