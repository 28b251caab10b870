import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CampaignIdParams, CampaignSubjects, validateOrThrow, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller } from '@influgentic/messaging';
import { CampaignsService } from './campaigns.service';

/** NATS handlers: one call into the service each. */
@Controller()
export class CampaignsHandlers {
  constructor(private readonly campaigns: CampaignsService) {}

  @MessagePattern(CampaignSubjects.create)
  create(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.campaigns.create(ctx, req.body);
  }

  @MessagePattern(CampaignSubjects.list)
  list(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.campaigns.list(ctx, req.query);
  }

  @MessagePattern(CampaignSubjects.get)
  get(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.campaigns.get(ctx, validateOrThrow(CampaignIdParams, req.params).id);
  }

  @MessagePattern(CampaignSubjects.update)
  update(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.campaigns.update(ctx, validateOrThrow(CampaignIdParams, req.params).id, req.body);
  }

  @MessagePattern(CampaignSubjects.pause)
  pause(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.campaigns.pause(ctx, validateOrThrow(CampaignIdParams, req.params).id);
  }

  @MessagePattern(CampaignSubjects.resume)
  resume(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.campaigns.resume(ctx, validateOrThrow(CampaignIdParams, req.params).id);
  }

  @MessagePattern(CampaignSubjects.cancel)
  cancel(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.campaigns.cancel(ctx, validateOrThrow(CampaignIdParams, req.params).id);
  }

  /** Internal: the content service reads a campaign's generation context (`{ campaign_id }`). */
  @MessagePattern(CampaignSubjects.context)
  context(@Payload() body: unknown, @Caller() ctx: RequestContext) {
    return this.campaigns.context(ctx, body);
  }
}
