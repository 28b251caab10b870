import { DomainError, type RequestContext } from '@influgentic/contracts';

/** Another organization's (or mode's) campaign does not exist for the caller: 404, never 403. */
export function campaignNotFound(id: string): DomainError {
  return DomainError.notFound('Campaign', id);
}

/** X-Influgentic-Agent narrows a request to one agent; touching another agent's campaign is 403. */
export function assertAgentScope(ctx: RequestContext, agentId: string): void {
  if (ctx.agentId && ctx.agentId !== agentId) {
    throw new DomainError('forbidden', `This request is narrowed to agent ${ctx.agentId}; the campaign belongs to agent ${agentId}`);
  }
}
