import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CampaignSubjects, type CampaignIdParams, type CreateCampaignBody, type ListCampaignsQuery, type RequestContext, type UpdateCampaignBody,
  type UpdateCommand,
} from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { CampaignsService } from './campaigns.service';

/** NATS handlers: one call into the service each, with the command the gateway validated. */
@Controller()
export class CampaignsHandlers {
  constructor(private readonly campaigns: CampaignsService, private readonly idempotency: IdempotencyStore) {}

  /** Creates and actions record an Idempotency-Key's outcome with their write, so a retry gets that outcome back. */
  @MessagePattern(CampaignSubjects.create)
  create(@Payload() cmd: CreateCampaignBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.campaigns.create(ctx, cmd, run.commit));
  }

  @MessagePattern(CampaignSubjects.list)
  list(@Payload() cmd: ListCampaignsQuery, @Caller() ctx: RequestContext) {
    return this.campaigns.list(ctx, cmd);
  }

  @MessagePattern(CampaignSubjects.get)
  get(@Payload() cmd: CampaignIdParams, @Caller() ctx: RequestContext) {
    return this.campaigns.get(ctx, cmd.id);
  }

  @MessagePattern(CampaignSubjects.update)
  update(@Payload() cmd: UpdateCommand<CampaignIdParams, UpdateCampaignBody>, @Caller() ctx: RequestContext) {
    return this.campaigns.update(ctx, cmd.id, cmd.changes);
  }

  @MessagePattern(CampaignSubjects.pause)
  pause(@Payload() cmd: CampaignIdParams, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.campaigns.pause(ctx, cmd.id, run.commit));
  }

  @MessagePattern(CampaignSubjects.resume)
  resume(@Payload() cmd: CampaignIdParams, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.campaigns.resume(ctx, cmd.id, run.commit));
  }

  @MessagePattern(CampaignSubjects.cancel)
  cancel(@Payload() cmd: CampaignIdParams, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.campaigns.cancel(ctx, cmd.id, run.commit));
  }

  @MessagePattern(CampaignSubjects.remove)
  remove(@Payload() cmd: CampaignIdParams, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.campaigns.remove(ctx, cmd.id, run.commit));
  }

  /** Internal: the content service reads a campaign's generation context (`{ campaign_id }`). */
  @MessagePattern(CampaignSubjects.context)
  context(@Payload() body: unknown, @Caller() ctx: RequestContext) {
    return this.campaigns.context(ctx, body);
  }
}
