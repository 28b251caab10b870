import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ContentWorkflowSubjects, type AgentContentItemParams, type ApproveContentBody, type ContentIdParams, type ContentMediaParams,
  type MediaDecisionBody, type RejectContentBody, type RequestContext,
} from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { actorOf } from '../items/content-transitions';
import { GenerationService } from '../generate/generation.service';
import { ModerationService } from './moderation.service';

/** The item a decision names: `{id}` on `/v1/content/{id}/…`, or `{agent_id, content_id}` on the agent-scoped mirrors. */
type ItemAddress = ContentIdParams | AgentContentItemParams;

function itemRef(cmd: ItemAddress): { id: string; agentId?: string } {
  return 'content_id' in cmd ? { id: cmd.content_id, agentId: cmd.agent_id } : { id: cmd.id };
}

/** NATS handlers of moderation, with the command the gateway validated; decisions record an Idempotency-Key's outcome with their write. */
@Controller()
export class ModerationHandlers {
  constructor(private readonly moderation: ModerationService, private readonly generation: GenerationService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(ContentWorkflowSubjects.approve)
  approve(@Payload() cmd: ItemAddress & ApproveContentBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    const { id, agentId } = itemRef(cmd);
    return this.idempotency.execute(ctx, key, (run) => this.moderation.approve(ctx, id, actorOf(ctx), cmd.reason, { commit: run.commit, agentId }));
  }

  @MessagePattern(ContentWorkflowSubjects.reject)
  reject(@Payload() cmd: ItemAddress & RejectContentBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    const { id, agentId } = itemRef(cmd);
    return this.idempotency.execute(ctx, key, (run) => this.moderation.reject(ctx, id, actorOf(ctx), cmd.reason, { commit: run.commit, agentId }));
  }

  /** A keyed regeneration points its key at the item, like a keyed generation. */
  @MessagePattern(ContentWorkflowSubjects.regenerate)
  regenerate(@Payload() cmd: ItemAddress, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    const { id, agentId } = itemRef(cmd);
    return this.idempotency.execute(ctx, key, (run) => this.moderation.regenerate(ctx, id, actorOf(ctx), { agentId, keyed: run }),
      { resolve: (resource) => this.generation.resolveKeyed(ctx, resource) });
  }

  @MessagePattern(ContentWorkflowSubjects.mediaApprove)
  mediaApprove(@Payload() cmd: ContentMediaParams & MediaDecisionBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.media(cmd, ctx, 'approved', key);
  }

  @MessagePattern(ContentWorkflowSubjects.mediaReject)
  mediaReject(@Payload() cmd: ContentMediaParams & MediaDecisionBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.media(cmd, ctx, 'rejected', key);
  }

  private media(cmd: ContentMediaParams & MediaDecisionBody, ctx: RequestContext, decision: 'approved' | 'rejected', key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.moderation.decideMedia(ctx, cmd.id, cmd.index, decision, actorOf(ctx), cmd.reason, { commit: run.commit }));
  }
}
