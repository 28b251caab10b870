// The event types an endpoint may subscribe to (the contract's list), or `*` for all of them.

export const WEBHOOK_EVENTS = ['campaign.started', 'campaign.completed', 'campaign.cancelled', 'campaign.paused', 'campaign.resumed', 'agent.content_generated',
  'content.approved', 'content.rejected', 'content.published', 'content.publish_failed', 'analytics.milestone_reached', 'lead.captured',
  'agent.build_complete', 'job.completed', 'job.failed'] as const;

export const ALL_EVENTS = '*';

/** The `events` of a request: `*` when every event is wanted, else the chosen ones. */
export function eventsToSend(everyEvent: boolean, chosen: readonly string[]): string[] {
  return everyEvent ? [ALL_EVENTS] : [...chosen];
}

/** How an endpoint's subscription reads in a list. */
export function describeEvents(events: readonly string[]): string {
  return events.includes(ALL_EVENTS) ? 'every event' : events.join(', ');
}
