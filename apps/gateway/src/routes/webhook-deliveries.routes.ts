import { ListWebhookDeliveriesQuery, WebhookDeliveriesParams, WebhookDeliveryParams, WebhookDeliverySubjects } from '@influgentic/contracts';
import type { RouteDef } from './route';

const read = { tag: 'webhooks', auth: 'key', scope: 'webhooks:read', rateClass: 'read' } as const;
const write = { tag: 'webhooks', auth: 'key', scope: 'webhooks:write', rateClass: 'write' } as const;

/** Webhook deliveries and the test ping (API.md, Webhooks): what was sent to an endpoint, each attempt, manual retries. */
export const webhookDeliveryRoutes: RouteDef[] = [
  {
    ...read, method: 'GET', path: '/v1/webhooks/:id/deliveries', status: 200, params: WebhookDeliveriesParams, query: ListWebhookDeliveriesQuery,
    subject: WebhookDeliverySubjects.list, summary: 'List an endpoint’s deliveries, newest first, optionally by status (pending, succeeded, failed)',
  },
  {
    ...read, method: 'GET', path: '/v1/webhooks/:id/deliveries/:delivery_id', status: 200, params: WebhookDeliveryParams,
    subject: WebhookDeliverySubjects.get, summary: 'Get a delivery with every attempt (status code, latency, response snippet, error, address)',
  },
  {
    ...write, method: 'POST', path: '/v1/webhooks/:id/deliveries/:delivery_id/retry', status: 202, params: WebhookDeliveryParams,
    subject: WebhookDeliverySubjects.retry,
    summary: 'Try a failed (or resend a succeeded) delivery once more now, with the same webhook-id; a pending one is 409',
  },
  {
    ...write, method: 'POST', path: '/v1/webhooks/:id/test', status: 202, params: WebhookDeliveriesParams, subject: WebhookDeliverySubjects.test,
    summary: 'Send a webhook.test event to this endpoint only (tried once); answers the pending delivery',
  },
];
