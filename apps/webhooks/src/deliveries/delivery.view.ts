import type { WebhookDelivery, WebhookDeliveryAttempt } from '@influgentic/contracts';
import type { AttemptRow, DeliveryRow } from './deliveries.repository';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A delivery as the API shows it; with `attempts` on the single-delivery read. */
export function toWebhookDelivery(row: DeliveryRow, attempts?: AttemptRow[]): WebhookDelivery {
  return {
    id: row.id, object: 'webhook_delivery', endpoint_id: row.endpoint_id, event_id: row.event_id, event_type: row.event_type,
    status: row.status, attempts_count: row.attempts_count, next_attempt_at: iso(row.next_attempt_at), last_attempt_at: iso(row.last_attempt_at),
    last_status_code: row.last_status_code, last_error: row.last_error, livemode: row.livemode,
    created_at: iso(row.created_at)!, updated_at: iso(row.updated_at)!,
    ...(attempts ? { attempts: attempts.map(toAttempt) } : {}),
  };
}

function toAttempt(a: AttemptRow): WebhookDeliveryAttempt {
  return {
    attempt: a.attempt, started_at: iso(a.started_at)!, latency_ms: a.latency_ms, address: a.address, status_code: a.status_code,
    response_snippet: a.response_snippet, location: a.location, error_code: a.error_code, error_message: a.error_message,
  };
}
