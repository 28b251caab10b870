import type { DomainEvent } from '@influgentic/contracts';
import { signWebhook } from '@influgentic/webhook-signature';

export const WEBHOOK_USER_AGENT = 'Influgentic-Webhooks/1';

/**
 * The body receivers get (API.md, Webhooks): the event envelope `{ id, type, created_at, organization_id, livemode,
 * data }`. `livemode` tells a sandbox event from a live one, as Stripe's does. Serialized once and stored, so every
 * retry sends the same bytes.
 */
export function webhookBody(event: Pick<DomainEvent<object>, 'id' | 'type' | 'created_at' | 'organization_id' | 'livemode' | 'data'>): string {
  return JSON.stringify({
    id: event.id, type: event.type, created_at: event.created_at, organization_id: event.organization_id, livemode: event.livemode, data: event.data,
  });
}

/**
 * The headers of one attempt: content type, user agent, the event type, the delivery id (also `webhook-id`, stable
 * across retries: receivers dedupe by it) and both signature schemes over the exact body, one signature per secret.
 */
export function webhookHeaders(delivery: { id: string; event_type: string }, body: string, secrets: string[], now: Date): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': WEBHOOK_USER_AGENT,
    'x-influgentic-event': delivery.event_type,
    'x-influgentic-delivery': delivery.id,
    ...signWebhook({ id: delivery.id, timestamp: Math.floor(now.getTime() / 1000), body, secrets }),
  };
}
