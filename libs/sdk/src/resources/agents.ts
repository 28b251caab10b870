import type { ApiCore } from '../core/api-core';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions, WithResponse } from '../core/request-options';
import type {
  Agent, AgentBuildAccepted, AgentDeleted, AgentSummary, ApproveContentParams, ContentItem, CreateAgentParams, ListAgentsParams,
  RejectContentParams, UpdateAgentParams,
} from '../types';

/** `/v1/agents`: the catalog, search and the Agent Builder. */
export class AgentsResource {
  constructor(private readonly core: ApiCore) {}

  /** Catalog agents plus the organization's own; await for one page or `for await` over every agent. */
  list(params: ListAgentsParams = {}, options?: RequestOptions): PagePromise<AgentSummary> {
    return this.core.list((cursor) => this.core.api.GET('/v1/agents', { params: { query: { ...params, cursor: cursor ?? params.cursor } }, ...this.core.init(options) }));
  }

  retrieve(id: string, options?: RequestOptions): Promise<WithResponse<Agent>> {
    return this.core.unwrap(this.core.api.GET('/v1/agents/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }

  /** Builds an agent: answers 202 at once, training runs asynchronously (`agent.build_complete`). */
  create(params: CreateAgentParams, options?: RequestOptions): Promise<WithResponse<AgentBuildAccepted>> {
    return this.core.unwrap(this.core.api.POST('/v1/agents', { body: params, ...this.core.init(options) }));
  }

  update(id: string, params: UpdateAgentParams, options?: RequestOptions): Promise<WithResponse<Agent>> {
    return this.core.unwrap(this.core.api.PATCH('/v1/agents/{id}', { params: { path: { id } }, body: params, ...this.core.init(options) }));
  }

  delete(id: string, options?: RequestOptions): Promise<WithResponse<AgentDeleted>> {
    return this.core.unwrap(this.core.api.DELETE('/v1/agents/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }

  /** The agent-scoped mirror of `content.approve` (403 when the item belongs to another agent). */
  approveContent(agentId: string, contentId: string, params: ApproveContentParams = {}, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.POST('/v1/agents/{agent_id}/content/{content_id}/approve', { params: { path: { agent_id: agentId, content_id: contentId } }, body: params, ...this.core.init(options) }));
  }

  rejectContent(agentId: string, contentId: string, params: RejectContentParams = {}, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.POST('/v1/agents/{agent_id}/content/{content_id}/reject', { params: { path: { agent_id: agentId, content_id: contentId } }, body: params, ...this.core.init(options) }));
  }

  regenerateContent(agentId: string, contentId: string, options?: RequestOptions): Promise<WithResponse<ContentItem>> {
    return this.core.unwrap(this.core.api.POST('/v1/agents/{agent_id}/content/{content_id}/regenerate', { params: { path: { agent_id: agentId, content_id: contentId } }, ...this.core.init(options) }));
  }
}
