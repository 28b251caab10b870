import { createHmac } from 'node:crypto';
import { webhookSecretKey } from './secrets';

/** Header names as sent (receivers look them up case-insensitively). */
export const WEBHOOK_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
  influgentic: 'X-Influgentic-Signature',
} as const;

export interface SignWebhookInput {
  /** The message id (`whd_…`, the delivery id): stable across retries, receivers dedupe by it. */
  id: string;
  /** Unix seconds of this attempt. */
  timestamp: number;
  /** The raw body exactly as sent. */
  body: string | Buffer;
  /** The current secret first, then any previous one still valid: one signature per secret. */
  secrets: string[];
}

function bytes(value: string | Buffer): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

/** base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>") — the Standard Webhooks `v1` signature. */
export function standardSignature(secret: string, id: string, timestamp: number | string, body: string | Buffer): string {
  return createHmac('sha256', webhookSecretKey(secret)).update(`${id}.${timestamp}.`).update(bytes(body)).digest('base64');
}

/** hex HMAC-SHA256(secret as UTF-8, "<t>.<body>") — the Stripe-style `v1` of `X-Influgentic-Signature`. */
export function influgenticSignature(secret: string, timestamp: number | string, body: string | Buffer): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestamp}.`).update(bytes(body)).digest('hex');
}

/**
 * The signature headers of one delivery attempt, in both schemes: the Standard Webhooks trio and Stripe-style
 * `X-Influgentic-Signature: t=…,v1=…[,v1=…]`. During a secret rotation each scheme carries one signature per secret,
 * so a receiver still holding the previous secret keeps verifying.
 */
export function signWebhook(input: SignWebhookInput): Record<string, string> {
  if (!input.secrets.length) throw new Error('signWebhook needs at least one secret');
  if (!Number.isSafeInteger(input.timestamp) || input.timestamp < 0) throw new Error('timestamp must be whole unix seconds');
  const standard = input.secrets.map((s) => `v1,${standardSignature(s, input.id, input.timestamp, input.body)}`);
  const stripe = input.secrets.map((s) => `v1=${influgenticSignature(s, input.timestamp, input.body)}`);
  return {
    [WEBHOOK_HEADERS.id]: input.id,
    [WEBHOOK_HEADERS.timestamp]: String(input.timestamp),
    [WEBHOOK_HEADERS.signature]: standard.join(' '),
    [WEBHOOK_HEADERS.influgentic]: [`t=${input.timestamp}`, ...stripe].join(','),
  };
}
