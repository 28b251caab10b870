import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ContentIdParams, ContentSubjects, validateOrThrow, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller } from '@influgentic/messaging';
import { GenerationService } from './generation.service';

/** NATS handlers: one call into the service each. */
@Controller()
export class GenerationHandlers {
  constructor(private readonly generation: GenerationService) {}

  @MessagePattern(ContentSubjects.generate)
  generate(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.generation.generate(ctx, req);
  }

  @MessagePattern(ContentSubjects.streamStart)
  streamStart(@Payload() req: RpcRequest & { session_id?: unknown }, @Caller() ctx: RequestContext) {
    return this.generation.startStream(ctx, req);
  }

  @MessagePattern(ContentSubjects.campaignStreamStart)
  campaignStreamStart(@Payload() req: RpcRequest & { session_id?: unknown }, @Caller() ctx: RequestContext) {
    return this.generation.startCampaignStream(ctx, req);
  }

  @MessagePattern(ContentSubjects.get)
  get(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.generation.get(ctx, validateOrThrow(ContentIdParams, req.params).id);
  }
}
