import {
  AgentContentItemParams, AgentContentParams, ApproveContentBody, CampaignIdParams, CampaignStreamBody, ContentIdParams, ContentMediaParams,
  ContentSubjects, ContentWorkflowSubjects, GenerateContentBody, ListContentQuery, MediaDecisionBody, PublishContentBody, RejectContentBody,
  UpdateContentBody,
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
    summary: 'Get a content item with its history', status: 200, params: ContentIdParams, subject: ContentSubjects.get,
  },
  ...workflowRoutes(),
];

/** The queue, moderation (with the agent-scoped mirrors), scheduling and publishing. */
function workflowRoutes(): RouteDef[] {
  const read = { tag: 'content', auth: 'key', scope: 'content:read', rateClass: 'read' } as const;
  const write = { tag: 'content', auth: 'key', scope: 'content:write', rateClass: 'write' } as const;
  const generate = { tag: 'content', auth: 'key', scope: 'content:generate', rateClass: 'generate', timeoutMs: GENERATE_TIMEOUT_MS } as const;
  const S = ContentWorkflowSubjects;
  return [
    {
      ...read, method: 'GET', path: '/v1/content', status: 200, query: ListContentQuery, subject: S.list,
      summary: 'The content queue, newest first: filter by status, agent, campaign, platform, created_after/created_before and scheduled_after/scheduled_before (after inclusive, before exclusive)',
    },
    { ...write, method: 'PATCH', path: '/v1/content/:id', status: 200, params: ContentIdParams, body: UpdateContentBody, subject: S.update, summary: 'Edit caption, hashtags, CTA, body or scheduled_at (platform limits checked again; not once published)' },
    { ...write, method: 'DELETE', path: '/v1/content/:id', status: 200, params: ContentIdParams, subject: S.remove, summary: 'Delete a content item (a repeat answers like the first; unpublish a published item first)' },
    { ...write, method: 'POST', path: '/v1/content/:id/approve', status: 200, params: ContentIdParams, body: ApproveContentBody, subject: S.approve, summary: 'Approve an item (one with a future scheduled_at becomes scheduled)' },
    { ...write, method: 'POST', path: '/v1/content/:id/reject', status: 200, params: ContentIdParams, body: RejectContentBody, subject: S.reject, summary: 'Reject an item, with an optional reason' },
    { ...generate, method: 'POST', path: '/v1/content/:id/regenerate', status: 200, params: ContentIdParams, subject: S.regenerate, summary: 'Generate the item again (same id, history kept; spend and compliance as for a new piece)' },
    { ...write, method: 'POST', path: '/v1/content/:id/media/:index/approve', status: 200, params: ContentMediaParams, body: MediaDecisionBody, subject: S.mediaApprove, summary: 'Approve one media attachment' },
    { ...write, method: 'POST', path: '/v1/content/:id/media/:index/reject', status: 200, params: ContentMediaParams, body: MediaDecisionBody, subject: S.mediaReject, summary: 'Reject one media attachment' },
    { ...write, method: 'POST', path: '/v1/agents/:agent_id/content/:content_id/approve', status: 200, params: AgentContentItemParams, body: ApproveContentBody, subject: S.approve, summary: 'Approve one of the agent’s items' },
    { ...write, method: 'POST', path: '/v1/agents/:agent_id/content/:content_id/reject', status: 200, params: AgentContentItemParams, body: RejectContentBody, subject: S.reject, summary: 'Reject one of the agent’s items' },
    { ...generate, method: 'POST', path: '/v1/agents/:agent_id/content/:content_id/regenerate', status: 200, params: AgentContentItemParams, subject: S.regenerate, summary: 'Generate one of the agent’s items again' },
    { ...write, method: 'POST', path: '/v1/content/:id/publish', status: 200, params: ContentIdParams, body: PublishContentBody, subject: S.publish, summary: 'Publish an approved item now, or schedule it for `at` (a refusal by the platform leaves it publish_failed)' },
    { ...read, method: 'GET', path: '/v1/content/:id/publish/status', status: 200, params: ContentIdParams, subject: S.publishStatus, summary: 'Where the item’s publication stands' },
    { ...write, method: 'POST', path: '/v1/content/:id/publish/retry', status: 200, params: ContentIdParams, subject: S.publishRetry, summary: 'Try a refused publication again now' },
    { ...write, method: 'POST', path: '/v1/content/:id/unpublish', status: 200, params: ContentIdParams, subject: S.unpublish, summary: 'Cancel a scheduled publish or pull a published item (back to approved)' },
  ];
}
