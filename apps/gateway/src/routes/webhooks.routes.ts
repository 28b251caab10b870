import { CreateWebhookBody, ListWebhooksQuery, RotateWebhookSecretBody, UpdateWebhookBody, WebhookIdParams, WebhookSubjects } from '@influgentic/contracts';
import type { RouteDef } from './route';

const read = { tag: 'webhooks', auth: 'key', scope: 'webhooks:read', rateClass: 'read' } as const;
const write = { tag: 'webhooks', auth: 'key', scope: 'webhooks:write', rateClass: 'write' } as const;

/** Creating or moving an endpoint resolves its host (up to 3 s): a name server that never answers is a 422, not a 503. */
const URL_CHECK_TIMEOUT_MS = 10_000;

/** Webhook endpoints (API.md, Webhooks); their deliveries and test pings are in webhook-deliveries.routes.ts. */
export const webhookRoutes: RouteDef[] = [
  {
    ...write, method: 'POST', path: '/v1/webhooks', status: 201, body: CreateWebhookBody, subject: WebhookSubjects.create, timeoutMs: URL_CHECK_TIMEOUT_MS,
    summary: 'Create a webhook endpoint (its signing secret is in this answer only)',
  },
  { ...read, method: 'GET', path: '/v1/webhooks', summary: 'List webhook endpoints', status: 200, query: ListWebhooksQuery, subject: WebhookSubjects.list },
  { ...read, method: 'GET', path: '/v1/webhooks/:id', summary: 'Get a webhook endpoint', status: 200, params: WebhookIdParams, subject: WebhookSubjects.get },
  {
    ...write, method: 'PATCH', path: '/v1/webhooks/:id', status: 200, params: WebhookIdParams, body: UpdateWebhookBody, subject: WebhookSubjects.update, timeoutMs: URL_CHECK_TIMEOUT_MS,
    summary: 'Update url, events, description, rate limit, or enable/disable an endpoint',
  },
  {
    ...write, method: 'DELETE', path: '/v1/webhooks/:id', status: 200, params: WebhookIdParams, subject: WebhookSubjects.remove,
    summary: 'Delete a webhook endpoint (nothing more is delivered to it; repeating it answers the same)',
  },
  {
    ...write, method: 'POST', path: '/v1/webhooks/:id/rotate-secret', status: 200, params: WebhookIdParams, body: RotateWebhookSecretBody,
    subject: WebhookSubjects.rotateSecret,
    summary: 'Replace the signing secret; the previous one keeps signing beside it for 24 hours (the new secret is in this answer only)',
  },
];
