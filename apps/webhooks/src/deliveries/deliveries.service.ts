import { Injectable } from '@nestjs/common';
import {
  DomainError, newId, type ListWebhookDeliveriesQuery, type Page, type RequestContext, type WebhookDelivery, type WebhookTestData,
} from '@influgentic/contracts';
import type { Commit } from '@influgentic/messaging';
import { cursorKind, idKeysetPage } from '@influgentic/persistence';
import { EndpointsRepository, type EndpointRow } from '../endpoints/endpoints.repository';
import { DeliveriesRepository } from './deliveries.repository';
import { toWebhookDelivery } from './delivery.view';
import { webhookBody } from './webhook-message';

/** A test ping is tried once: it answers "does my receiver work now?", it is not an event to insist on. */
const TEST_PING_ATTEMPTS = 1;

/**
 * The deliveries API: an endpoint's deliveries (newest first, by status), one delivery with its attempts, a manual
 * retry, and the test ping. Every call goes through the endpoint: another organization's or mode's endpoint — and
 * so its deliveries — is a 404.
 */
@Injectable()
export class DeliveriesService {
  constructor(private readonly endpoints: EndpointsRepository, private readonly deliveries: DeliveriesRepository) {}

  async list(ctx: RequestContext, id: string, q: ListWebhookDeliveriesQuery): Promise<Page<WebhookDelivery>> {
    const endpoint = await this.visibleEndpoint(ctx, id);
    const limit = q.limit ?? 20;
    const kind = cursorKind(`webhook-deliveries:${endpoint.id}`, { status: q.status ?? null });
    const page = await idKeysetPage({
      kind, cursor: q.cursor, limit, refusal: 'is not a cursor of this list (the endpoint and status must stay the same)',
      page: (before) => this.deliveries.page(endpoint.id, q.status, limit, before),
      count: () => this.deliveries.count(endpoint.id, q.status),
    });
    return { data: page.rows.map((r) => toWebhookDelivery(r)), meta: { total: page.total, limit, next_cursor: page.nextCursor } };
  }

  async get(ctx: RequestContext, id: string, delivery_id: string): Promise<WebhookDelivery> {
    const endpoint = await this.visibleEndpoint(ctx, id);
    const row = await this.deliveries.find(endpoint.id, delivery_id);
    if (!row) throw DomainError.notFound('Webhook delivery', delivery_id);
    return toWebhookDelivery(row, await this.deliveries.attempts(row.id));
  }

  /**
   * Makes an ended delivery (failed, or succeeded: a resend) due now for one more try, with the same `webhook-id`.
   * On a disabled endpoint the retry waits until the endpoint is enabled again. A pending delivery is 409.
   */
  async retry(ctx: RequestContext, id: string, delivery_id: string, commit: Commit = (w) => this.deliveries.transaction(w)): Promise<WebhookDelivery> {
    const endpoint = await this.visibleEndpoint(ctx, id);
    const scheduled = await commit((m) => this.deliveries.scheduleRetry(m, endpoint.id, delivery_id));
    if (scheduled) return toWebhookDelivery(scheduled);
    const row = await this.deliveries.find(endpoint.id, delivery_id);
    if (!row) throw DomainError.notFound('Webhook delivery', delivery_id);
    throw new DomainError('invalid_state', `Webhook delivery ${delivery_id} is pending already; it is tried at ${row.next_attempt_at ? new Date(row.next_attempt_at).toISOString() : 'its next attempt'}`, [
      { field: 'status', code: 'invalid_state', message: `is ${row.status}` },
    ]);
  }

  /** Sends a `webhook.test` event to this endpoint only; answers the pending delivery (follow it with GET). */
  async test(ctx: RequestContext, id: string, commit: Commit = (w) => this.deliveries.transaction(w)): Promise<WebhookDelivery> {
    const endpoint = await this.visibleEndpoint(ctx, id);
    if (endpoint.status !== 'enabled') {
      throw new DomainError('invalid_state', `Webhook endpoint ${endpoint.id} is disabled; enable it before sending a test`, [
        { field: 'status', code: 'invalid_state', message: `is ${endpoint.status}` },
      ]);
    }
    const data: WebhookTestData = { endpoint_id: endpoint.id, message: 'A test event from Influgentic: your endpoint receives and verifies webhooks.' };
    const event = { id: newId('event'), type: 'webhook.test' as const, created_at: new Date().toISOString(), organization_id: ctx.organizationId, livemode: ctx.livemode, data };
    const [row] = await commit((m) => this.deliveries.insertEventDeliveries(m, { ...event, body: webhookBody(event) }, [endpoint.id], TEST_PING_ATTEMPTS));
    return toWebhookDelivery(row);
  }

  private async visibleEndpoint(ctx: RequestContext, id: string): Promise<EndpointRow> {
    const endpoint = await this.endpoints.findVisible(ctx.organizationId, ctx.livemode, id);
    if (!endpoint) throw DomainError.notFound('Webhook endpoint', id);
    return endpoint;
  }
}
