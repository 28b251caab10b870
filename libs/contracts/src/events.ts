export const EVENT_TYPES = [
  'agent.build_complete', 'agent.content_generated', 'agent.updated', 'agent.deleted',
  'campaign.created', 'campaign.started', 'campaign.paused', 'campaign.resumed', 'campaign.completed', 'campaign.cancelled',
  'content.approved', 'content.rejected', 'content.published', 'content.publish_failed',
  'analytics.milestone_reached', 'lead.captured', 'job.completed', 'job.failed', 'webhook.test',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Events a webhook endpoint may subscribe to (API.md, Webhooks). */
export const WEBHOOK_EVENT_TYPES = [
  'campaign.started', 'campaign.completed', 'campaign.cancelled', 'agent.content_generated', 'content.approved',
  'content.rejected', 'content.published', 'content.publish_failed', 'analytics.milestone_reached', 'lead.captured', 'agent.build_complete',
  'job.completed', 'job.failed', 'campaign.paused', 'campaign.resumed',
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
