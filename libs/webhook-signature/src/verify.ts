import { timingSafeEqual } from 'node:crypto';
import { influgenticSignature, standardSignature } from './sign';

export type WebhookVerificationCode = 'missing_headers' | 'timestamp_too_old' | 'timestamp_too_new' | 'no_matching_signature';

export class WebhookVerificationError extends Error {
  constructor(readonly code: WebhookVerificationCode, message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** Node's `IncomingHttpHeaders`, a plain record, or a fetch `Headers`. */
export type WebhookHeaders = Record<string, string | string[] | undefined> | { get(name: string): string | null };

export interface VerifyWebhookOptions {
  /** How far the signed timestamp may be from now, either way (default 300 s, as the Standard Webhooks spec says). */
  toleranceSeconds?: number;
  now?: Date;
}

export interface VerifiedWebhook {
  /** The message id (`webhook-id`, else `X-Influgentic-Delivery`): dedupe by it. */
  id: string;
  /** Unix seconds the sender signed. */
  timestamp: number;
  scheme: 'standard' | 'influgentic';
}

export const DEFAULT_TOLERANCE_SECONDS = 300;

function headerReader(headers: WebhookHeaders): (name: string) => string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (name) => (headers as { get(n: string): string | null }).get(name) ?? undefined;
  }
  const lower = new Map<string, string>();
  for (const [k, v] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (v !== undefined) lower.set(k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v);
  }
  return (name) => lower.get(name.toLowerCase());
}

/** Constant-time comparison of two encoded signatures (different lengths never match, and say nothing more). */
function sameSignature(expected: Buffer, given: Buffer): boolean {
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function checkTimestamp(raw: string | undefined, opts: VerifyWebhookOptions): number {
  if (!raw || !/^\d{1,15}$/.test(raw)) throw new WebhookVerificationError('missing_headers', 'the signed timestamp is missing or not unix seconds');
  const timestamp = Number(raw);
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const tolerance = opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (now - timestamp > tolerance) throw new WebhookVerificationError('timestamp_too_old', 'the message timestamp is too old');
  if (timestamp - now > tolerance) throw new WebhookVerificationError('timestamp_too_new', 'the message timestamp is in the future');
  return timestamp;
}

function verifyStandard(read: (n: string) => string | undefined, body: Buffer, secrets: string[], opts: VerifyWebhookOptions): VerifiedWebhook {
  const id = read('webhook-id');
  const signature = read('webhook-signature');
  if (!id || !signature) throw new WebhookVerificationError('missing_headers', 'webhook-id, webhook-timestamp and webhook-signature are required');
  const timestamp = checkTimestamp(read('webhook-timestamp'), opts);
  const given = signature.split(' ').filter((s) => s.startsWith('v1,')).map((s) => Buffer.from(s.slice(3), 'utf8'));
  for (const secret of secrets) {
    const expected = Buffer.from(standardSignature(secret, id, timestamp, body), 'utf8');
    if (given.some((g) => sameSignature(expected, g))) return { id, timestamp, scheme: 'standard' };
  }
  throw new WebhookVerificationError('no_matching_signature', 'no signature matches the secret');
}

function verifyInflugentic(read: (n: string) => string | undefined, body: Buffer, secrets: string[], opts: VerifyWebhookOptions): VerifiedWebhook {
  const header = read('x-influgentic-signature') ?? '';
  const parts = header.split(',').map((p) => p.trim());
  const t = parts.find((p) => p.startsWith('t='))?.slice(2);
  const timestamp = checkTimestamp(t, opts);
  const given = parts.filter((p) => p.startsWith('v1=')).map((p) => Buffer.from(p.slice(3).toLowerCase(), 'utf8'));
  for (const secret of secrets) {
    const expected = Buffer.from(influgenticSignature(secret, timestamp, body), 'utf8');
    // This scheme does not sign the delivery header: the id to dedupe by is the signed body's event id (an endpoint
    // gets one delivery per event, so it names the delivery as well).
    if (given.some((g) => sameSignature(expected, g))) return { id: signedEventId(body), timestamp, scheme: 'influgentic' };
  }
  throw new WebhookVerificationError('no_matching_signature', 'no signature matches the secret');
}

/**
 * Checks a received webhook against the endpoint's secret (or several, while a receiver rotates its own copy).
 * Accepts either scheme: the Standard Webhooks headers when they are present, else `X-Influgentic-Signature`. Pass the
 * raw body exactly as received — a re-serialized JSON body will not match.
 */
export function verifyWebhook(headers: WebhookHeaders, rawBody: string | Buffer, secret: string | string[], opts: VerifyWebhookOptions = {}): VerifiedWebhook {
  const read = headerReader(headers);
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const secrets = (Array.isArray(secret) ? secret : [secret]).filter((s) => typeof s === 'string' && s.length > 0);
  if (!secrets.length) throw new Error('verifyWebhook needs the endpoint secret');
  if (read('webhook-id') !== undefined || read('webhook-signature') !== undefined || read('webhook-timestamp') !== undefined) {
    return verifyStandard(read, body, secrets, opts);
  }
  if (read('x-influgentic-signature') !== undefined) return verifyInflugentic(read, body, secrets, opts);
  throw new WebhookVerificationError('missing_headers', 'no webhook signature headers');
}

/** The `id` of a signed JSON body, or '' when the body is not an event envelope. */
function signedEventId(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { id?: unknown };
    return typeof parsed.id === 'string' ? parsed.id : '';
  } catch {
    return '';
  }
}
