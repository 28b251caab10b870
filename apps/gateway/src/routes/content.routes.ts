import {
  AgentContentParams, CampaignIdParams, CampaignStreamBody, ContentIdParams, ContentSubjects, GenerateContentBody,
} from '@influgentic/contracts';
import type { RouteDef } from './route';

/**
 * A JSON generation waits for the whole piece; with a remote model that can take a while (the model's own timeout
 * is 60 s by default), so this budget is larger than the gateway's usual one.
 */
const GENERATE_TIMEOUT_MS = Number(process.env.CONTENT_GENERATE_TIMEOUT_MS ?? 90_000);

/** Content section of the contract: generation (JSON or live SSE), the campaign stream, and reading an item back. */
export const contentRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/v1/agents/:agent_id/content', tag: 'content', auth: 'key', scope: 'content:generate', rateClass: 'generate',
    summary: 'Generate content with an agent (201 with the item, or Server-Sent Events with stream: true / Accept: text/event-stream)',
    status: 201, params: AgentContentParams, body: GenerateContentBody, subject: ContentSubjects.generate, timeoutMs: GENERATE_TIMEOUT_MS,
    sse: true, stream: { subject: ContentSubjects.streamStart },
  },
  {
    method: 'POST', path: '/v1/campaigns/:id/stream', tag: 'content', auth: 'key', scope: 'content:generate', rateClass: 'generate',
    summary: 'Generate the campaign’s next piece live (Server-Sent Events)',
    status: 200, params: CampaignIdParams, body: CampaignStreamBody, sse: true, stream: { subject: ContentSubjects.campaignStreamStart, always: true },
  },
  {
    method: 'GET', path: '/v1/content/:id', tag: 'content', auth: 'key', scope: 'content:read', rateClass: 'read',
    summary: 'Get a content item', status: 200, params: ContentIdParams, subject: ContentSubjects.get,
  },
];
