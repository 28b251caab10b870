import { AgentIdParams, CreateAgentBody, ListAgentsQuery, Subjects, UpdateAgentBody } from '@influgentic/contracts';
import type { RouteDef } from './route';

export const agentRoutes: RouteDef[] = [
  { method: 'GET', path: '/v1/agents', tag: 'registry', summary: 'List and search agents', auth: 'key', scope: 'agents:read', rateClass: 'read', status: 200, query: ListAgentsQuery, subject: Subjects.registry.agentsList },
  { method: 'GET', path: '/v1/agents/:id', tag: 'registry', summary: 'Get an agent', auth: 'key', scope: 'agents:read', rateClass: 'read', status: 200, params: AgentIdParams, subject: Subjects.registry.agentsGet },
  { method: 'POST', path: '/v1/agents', tag: 'registry', summary: 'Build an agent (asynchronous training)', auth: 'key', scope: 'agents:write', rateClass: 'write', status: 202, body: CreateAgentBody, subject: Subjects.registry.agentsCreate },
  { method: 'PATCH', path: '/v1/agents/:id', tag: 'registry', summary: 'Update an own agent (merge patch)', auth: 'key', scope: 'agents:write', rateClass: 'write', status: 200, params: AgentIdParams, body: UpdateAgentBody, subject: Subjects.registry.agentsUpdate },
  { method: 'DELETE', path: '/v1/agents/:id', tag: 'registry', summary: 'Delete an own agent', auth: 'key', scope: 'agents:write', rateClass: 'write', status: 200, params: AgentIdParams, subject: Subjects.registry.agentsDelete },
];
