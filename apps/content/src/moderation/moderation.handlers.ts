import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AgentContentItemParams, ApproveContentBody, ContentIdParams, ContentMediaParams, ContentWorkflowSubjects, MediaDecisionBody, RejectContentBody,
  validateOrThrow, type RequestContext, type RpcRequest,
} from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { actorOf } from '../items/content-transitions';
import { GenerationService } from '../generate/generation.service';
import { ModerationService } from './moderation.service';

/** `{id}` on `/v1/content/{id}/…`, or `{agent_id, content_id}` on the agent-scoped mirrors. */
export function itemRef(params: unknown): { id: string; agentId?: string } {
  if (params && typeof params === 'object' && 'content_id' in params) {
    const p = validateOrThrow(AgentContentItemParams, params);
    return { id: p.content_id, agentId: p.agent_id };
  }
  return { id: validateOrThrow(ContentIdParams, params).id };
}

/** NATS handlers of moderation; decisions record an Idempotency-Key's outcome with their write. */
@Controller()
export class ModerationHandlers {
  constructor(private readonly moderation: ModerationService, private readonly generation: GenerationService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(ContentWorkflowSubjects.approve)
  approve(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    const { id, agentId } = itemRef(req.params);
    const body = validateOrThrow(ApproveContentBody, req.body ?? {});
    return this.idempotency.execute(ctx, key, (run) => this.moderation.approve(ctx, id, actorOf(ctx), body.reason, { commit: run.commit, agentId }));
  }

  @MessagePattern(ContentWorkflowSubjects.reject)
  reject(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    const { id, agentId } = itemRef(req.params);
    const body = validateOrThrow(RejectContentBody, req.body ?? {});
    return this.idempotency.execute(ctx, key, (run) => this.moderation.reject(ctx, id, actorOf(ctx), body.reason, { commit: run.commit, agentId }));
  }

  /** A keyed regeneration points its key at the item, like a keyed generation. */
  @MessagePattern(ContentWorkflowSubjects.regenerate)
  regenerate(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    const { id, agentId } = itemRef(req.params);
    return this.idempotency.execute(ctx, key, (run) => this.moderation.regenerate(ctx, id, actorOf(ctx), { agentId, keyed: run }),
      { resolve: (resource) => this.generation.resolveKeyed(ctx, resource) });
  }

  @MessagePattern(ContentWorkflowSubjects.mediaApprove)
  mediaApprove(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.media(req, ctx, 'approved', key);
  }

  @MessagePattern(ContentWorkflowSubjects.mediaReject)
  mediaReject(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.media(req, ctx, 'rejected', key);
  }

  private media(req: RpcRequest, ctx: RequestContext, decision: 'approved' | 'rejected', key?: IdempotencyKey) {
    const { id, index } = validateOrThrow(ContentMediaParams, req.params);
    const body = validateOrThrow(MediaDecisionBody, req.body ?? {});
    return this.idempotency.execute(ctx, key, (run) => this.moderation.decideMedia(ctx, id, index, decision, actorOf(ctx), body.reason, { commit: run.commit }));
  }
}
