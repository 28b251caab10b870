import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AgentIdParams, ResolveAgentBody, Subjects, validateOrThrow, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { AgentsService } from './agents.service';

/** NATS handlers: one call into the service each. */
@Controller()
export class AgentsHandlers {
  constructor(private readonly agents: AgentsService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(Subjects.registry.agentsList)
  list(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.agents.list(ctx, req.query);
  }

  @MessagePattern(Subjects.registry.agentsGet)
  get(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.agents.get(ctx, validateOrThrow(AgentIdParams, req.params).id);
  }

  /** The insert records an Idempotency-Key's outcome in its transaction, so a retry gets the same agent back. */
  @MessagePattern(Subjects.registry.agentsCreate)
  create(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.agents.create(ctx, req.body, run.commit));
  }

  @MessagePattern(Subjects.registry.agentsUpdate)
  update(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.agents.update(ctx, validateOrThrow(AgentIdParams, req.params).id, req.body);
  }

  @MessagePattern(Subjects.registry.agentsDelete)
  remove(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.agents.remove(ctx, validateOrThrow(AgentIdParams, req.params).id);
  }

  /** Internal: another service acting with an agent on the caller's behalf (same visibility rules). */
  @MessagePattern(Subjects.registry.agentsResolve)
  resolve(@Payload() body: unknown, @Caller() ctx: RequestContext) {
    return this.agents.resolve(ctx, validateOrThrow(ResolveAgentBody, body).agent_id);
  }
}
