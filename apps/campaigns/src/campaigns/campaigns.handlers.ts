import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CampaignIdParams, CampaignSubjects, validateOrThrow, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { CampaignsService } from './campaigns.service';

/** NATS handlers: one call into the service each. */
@Controller()
export class CampaignsHandlers {
  constructor(private readonly campaigns: CampaignsService, private readonly idempotency: IdempotencyStore) {}

  /** Creates and actions record an Idempotency-Key's outcome with their write, so a retry gets that outcome back. */
  @MessagePattern(CampaignSubjects.create)
  create(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.campaigns.create(ctx, req.body, run.commit));
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
  pause(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.campaigns.pause(ctx, validateOrThrow(CampaignIdParams, req.params).id, run.commit));
  }

  @MessagePattern(CampaignSubjects.resume)
  resume(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.campaigns.resume(ctx, validateOrThrow(CampaignIdParams, req.params).id, run.commit));
  }

  @MessagePattern(CampaignSubjects.cancel)
  cancel(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.campaigns.cancel(ctx, validateOrThrow(CampaignIdParams, req.params).id, run.commit));
  }

  @MessagePattern(CampaignSubjects.remove)
  remove(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.campaigns.remove(ctx, validateOrThrow(CampaignIdParams, req.params).id, run.commit));
  }

  /** Internal: the content service reads a campaign's generation context (`{ campaign_id }`). */
  @MessagePattern(CampaignSubjects.context)
  context(@Payload() body: unknown, @Caller() ctx: RequestContext) {
    return this.campaigns.context(ctx, body);
  }
}
