export const EVENT_TYPES = [
  'agent.build_complete', 'agent.content_generated', 'agent.updated', 'agent.deleted',
  'campaign.created', 'campaign.started', 'campaign.paused', 'campaign.resumed', 'campaign.completed', 'campaign.cancelled',
  'content.approved', 'content.rejected', 'content.published', 'content.publish_failed',
  'analytics.milestone_reached', 'lead.captured',
  // Internal: what an agent's live campaigns added (analytics → registry); not offered to webhooks.
  'analytics.agent_performance', 'job.completed', 'job.failed', 'webhook.test',
  // Operational: an endpoint was disabled (410 Gone, or failing for days); the reason is in its data.
  'webhook_endpoint.disabled',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Events between services only: never sent to webhooks nor to the public event stream. */
export const INTERNAL_EVENT_TYPES: readonly EventType[] = ['analytics.agent_performance'];

/** Events an organization may see (the live event stream): every type but the internal ones. */
export const PUBLIC_EVENT_TYPES: readonly EventType[] = EVENT_TYPES.filter((t) => !INTERNAL_EVENT_TYPES.includes(t));

/** Events a webhook endpoint may subscribe to (API.md, Webhooks). */
export const WEBHOOK_EVENT_TYPES = [
  'campaign.started', 'campaign.completed', 'campaign.cancelled', 'agent.content_generated', 'content.approved',
  'content.rejected', 'content.published', 'content.publish_failed', 'analytics.milestone_reached', 'lead.captured', 'agent.build_complete',
  'job.completed', 'job.failed', 'campaign.paused', 'campaign.resumed', 'webhook_endpoint.disabled',
] as const;

/** The envelope every domain event travels in, on the bus and to webhook receivers. */
export interface DomainEvent<T = Record<string, unknown>> {
  id: string;
  type: EventType;
  created_at: string;
  organization_id: string;
  livemode: boolean;
  data: T;
}
