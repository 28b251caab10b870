import type { EntityManager } from 'typeorm';
import { newId, type DomainEvent, type EventType, type RequestContext } from '@influgentic/contracts';
import { aggregateOf } from '@influgentic/messaging';
import { injectTraceHeaders } from '@influgentic/observability';

export interface BatchEvent {
  /** Chosen by the caller when it must record the id elsewhere too (a milestone row); generated otherwise. */
  id?: string;
  type: EventType;
  data: object;
}

/**
 * Writes many domain events into `analytics.outbox` with one statement, in the caller's transaction: a batch of a
 * thousand leads must not cost a thousand round trips. Rows are the same as `OutboxWriter.enqueue` writes (envelope,
 * trace headers, aggregate), so the relay publishes them like any other.
 */
export async function enqueueBatch(m: EntityManager, ctx: RequestContext, events: BatchEvent[]): Promise<DomainEvent[]> {
  if (!events.length) return [];
  const headers: Record<string, string> = {};
  injectTraceHeaders((k, v) => { headers[k] = v; });
  headers['x-request-id'] = ctx.requestId;
  const createdAt = new Date().toISOString();
  const envelopes: DomainEvent[] = events.map((e) => ({
    id: e.id ?? newId('event'), type: e.type, created_at: createdAt, organization_id: ctx.organizationId, livemode: ctx.livemode,
    data: e.data as Record<string, unknown>,
  }));
  await m.query(
    `INSERT INTO analytics.outbox (id, type, payload, headers, aggregate_id)
     SELECT id, type, payload, $4::jsonb, aggregate_id FROM unnest($1::text[], $2::text[], $3::jsonb[], $5::text[]) WITH ORDINALITY
       AS e(id, type, payload, aggregate_id, n) ORDER BY n`,
    [envelopes.map((e) => e.id), envelopes.map((e) => e.type), envelopes.map((e) => JSON.stringify(e)), JSON.stringify(headers),
      envelopes.map((e) => aggregateOf(e.data))]);
  await m.query(`SELECT pg_notify('influgentic_outbox_analytics', '')`);
  return envelopes;
}
