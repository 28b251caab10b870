import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ResolveAgentBody, Subjects, validateOrThrow, type AgentIdParams, type CreateAgentBody, type ListAgentsQuery, type RequestContext,
  type UpdateAgentBody, type UpdateCommand,
} from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { AgentsService } from './agents.service';

/** NATS handlers: one call into the service each, with the command the gateway validated. */
@Controller()
export class AgentsHandlers {
  constructor(private readonly agents: AgentsService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(Subjects.registry.agentsList)
  list(@Payload() cmd: ListAgentsQuery, @Caller() ctx: RequestContext) {
    return this.agents.list(ctx, cmd);
  }

  @MessagePattern(Subjects.registry.agentsGet)
  get(@Payload() cmd: AgentIdParams, @Caller() ctx: RequestContext) {
    return this.agents.get(ctx, cmd.id);
  }

  /** The insert records an Idempotency-Key's outcome in its transaction, so a retry gets the same agent back. */
  @MessagePattern(Subjects.registry.agentsCreate)
  create(@Payload() cmd: CreateAgentBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.agents.create(ctx, cmd, run.commit));
  }

  @MessagePattern(Subjects.registry.agentsUpdate)
  update(@Payload() cmd: UpdateCommand<AgentIdParams, UpdateAgentBody>, @Caller() ctx: RequestContext) {
    return this.agents.update(ctx, cmd.id, cmd.changes);
  }

  @MessagePattern(Subjects.registry.agentsDelete)
  remove(@Payload() cmd: AgentIdParams, @Caller() ctx: RequestContext) {
    return this.agents.remove(ctx, cmd.id);
  }

  /** Internal: another service acting with an agent on the caller's behalf (same visibility rules); checked here. */
  @MessagePattern(Subjects.registry.agentsResolve)
  resolve(@Payload() body: unknown, @Caller() ctx: RequestContext) {
    return this.agents.resolve(ctx, validateOrThrow(ResolveAgentBody, body).agent_id);
  }
}
