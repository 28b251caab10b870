import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { subject } from './subjects';
import { IntFromQuery, IsPathId } from './validation';

// ---------------------------------------------------------------------------------------------------------------
// Webhook deliveries (API.md, Webhooks): GET /v1/webhooks/{id}/deliveries, GET …/deliveries/{delivery_id},
// POST …/deliveries/{delivery_id}/retry and POST /v1/webhooks/{id}/test
// ---------------------------------------------------------------------------------------------------------------

/**
 * `pending`: waiting for its next attempt (also while its endpoint is disabled); `succeeded`: a 2xx was received;
 * `failed`: no more automatic attempts (tries used up, 410 Gone, or the endpoint was disabled for failing).
 */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** Tries (the first attempt included) before a delivery is `failed`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h apart. */
export const WEBHOOK_MAX_ATTEMPTS = 8;

/** What a receiver's answer is kept of: the first bytes of its body. */
export const WEBHOOK_RESPONSE_SNIPPET_BYTES = 4096;

export const WebhookDeliverySubjects = {
  list: subject('webhooks.deliveries.list.v1'),
  get: subject('webhooks.deliveries.get.v1'),
  retry: subject('webhooks.deliveries.retry.v1'),
  test: subject('webhooks.deliveries.test.v1'),
} as const;

/** One try at delivering: what was sent where, and what came back (or why nothing did). */
export interface WebhookDeliveryAttempt {
  attempt: number;
  started_at: string;
  /** Time from sending to the end of the answer (or the failure). */
  latency_ms: number;
  /** The address the connection went to. */
  address: string | null;
  status_code: number | null;
  /** The first bytes of the answer's body (at most 4 KiB, decoded as UTF-8). */
  response_snippet: string | null;
  /** `Location` of a redirect (never followed). */
  location: string | null;
  /** Why the try failed when there was no 2xx: `http_status`, `timeout`, `connection_reset`, `dns_failure`, … */
  error_code: string | null;
  error_message: string | null;
}

export interface WebhookDelivery {
  id: string;
  object: 'webhook_delivery';
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts_count: number;
  /** When the next try is due (null once the delivery ended). */
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  livemode: boolean;
  created_at: string;
  updated_at: string;
  /** Only on `GET …/deliveries/{delivery_id}`: every try, oldest first. */
  attempts?: WebhookDeliveryAttempt[];
}

/** The endpoint in the path of its deliveries list and of its test ping. */
export class WebhookDeliveriesParams {
  @IsPathId() id!: string;
}

export class WebhookDeliveryParams {
  @IsPathId() id!: string;
  @IsPathId() delivery_id!: string;
}

export class ListWebhookDeliveriesQuery {
  @IsOptional() @IsIn(WEBHOOK_DELIVERY_STATUSES) status?: WebhookDeliveryStatus;
  @IsOptional() @IntFromQuery() @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(512) cursor?: string;
}

/** `webhook_endpoint.disabled` event data: the endpoint stopped receiving, and why. */
export interface WebhookEndpointDisabledData {
  id: string;
  url: string;
  disabled_reason: string;
  disabled_at: string;
}

/** `webhook.test` event data. */
export interface WebhookTestData {
  endpoint_id: string;
  message: string;
}
