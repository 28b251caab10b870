import type { InfluEvent } from '../streaming/event-stream';
import { concat, constantTimeEqual, fromBase64, fromHex, hmacSha256, utf8 } from './bytes';

export type WebhookVerificationCode =
  | 'missing_headers' | 'invalid_timestamp' | 'timestamp_too_old' | 'timestamp_too_new' | 'invalid_secret' | 'no_matching_signature' | 'invalid_body';

/** Why a webhook was refused; `code` is stable, `message` says what to check. */
export class WebhookVerificationError extends Error {
  constructor(readonly code: WebhookVerificationCode, message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** Node's `IncomingHttpHeaders`, a plain record, or a fetch `Headers`. */
export type WebhookHeaders = Headers | { get(name: string): string | null } | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** How far the signed timestamp may be from now, either way, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The clock to judge the timestamp by (default: now). */
  now?: Date;
  /** Accept only this scheme (default: Standard Webhooks when its headers are present, else `X-Influgentic-Signature`). */
  scheme?: 'standard' | 'influgentic';
}

export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;
const SECRET_PREFIXES = ['igsec_', 'whsec_'];

function headerReader(headers: WebhookHeaders): (name: string) => string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (name) => (headers as { get(n: string): string | null }).get(name) ?? undefined;
  }
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (value !== undefined) lower.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
  }
  return (name) => lower.get(name.toLowerCase());
}

function checkTimestamp(raw: string | undefined, options: VerifyWebhookOptions): number {
  if (raw === undefined || raw === '') throw new WebhookVerificationError('missing_headers', 'The signed timestamp is missing');
  if (!/^\d{1,15}$/.test(raw)) throw new WebhookVerificationError('invalid_timestamp', 'The signed timestamp is not unix seconds');
  const timestamp = Number(raw);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (now - timestamp > tolerance) throw new WebhookVerificationError('timestamp_too_old', `The webhook was signed ${now - timestamp} s ago, more than the ${tolerance} s tolerance (a replay, or a wrong clock)`);
  if (timestamp - now > tolerance) throw new WebhookVerificationError('timestamp_too_new', `The webhook is signed ${timestamp - now} s in the future, more than the ${tolerance} s tolerance (check the clock)`);
  return timestamp;
}

/** The Standard Webhooks key: base64 after the `igsec_`/`whsec_` prefix (a bare base64 secret is decoded whole). */
function standardKey(secret: string): Uint8Array {
  const prefix = SECRET_PREFIXES.find((p) => secret.startsWith(p));
  const key = fromBase64(prefix ? secret.slice(prefix.length) : secret);
  if (!key || key.length === 0) throw new WebhookVerificationError('invalid_secret', 'The secret is not an igsec_/whsec_ secret (base64 after the prefix)');
  return key;
}

async function verifyStandard(read: (name: string) => string | undefined, body: Uint8Array, secrets: string[], options: VerifyWebhookOptions): Promise<void> {
  const id = read('webhook-id');
  const signature = read('webhook-signature');
  const rawTimestamp = read('webhook-timestamp');
  if (!id || !signature || !rawTimestamp) throw new WebhookVerificationError('missing_headers', 'webhook-id, webhook-timestamp and webhook-signature are all required');
  const timestamp = checkTimestamp(rawTimestamp, options);
  const given = signature.split(' ').filter((s) => s.startsWith('v1,')).map((s) => fromBase64(s.slice(3))).filter((s): s is Uint8Array => s !== undefined);
  const signed = concat(utf8(`${id}.${timestamp}.`), body);
  for (const secret of secrets) {
    const expected = await hmacSha256(standardKey(secret), signed);
    if (given.some((g) => constantTimeEqual(expected, g))) return;
  }
  throw new WebhookVerificationError('no_matching_signature', 'No webhook-signature matches the secret (check the secret and that the body is the raw bytes received)');
}

async function verifyInflugentic(read: (name: string) => string | undefined, body: Uint8Array, secrets: string[], options: VerifyWebhookOptions): Promise<void> {
  const header = read('x-influgentic-signature');
  if (!header) throw new WebhookVerificationError('missing_headers', 'X-Influgentic-Signature is missing');
  const parts = header.split(',').map((p) => p.trim());
  const timestamp = checkTimestamp(parts.find((p) => p.startsWith('t='))?.slice(2), options);
  const given = parts.filter((p) => p.startsWith('v1=')).map((p) => fromHex(p.slice(3))).filter((s): s is Uint8Array => s !== undefined);
  const signed = concat(utf8(`${timestamp}.`), body);
  for (const secret of secrets) {
    // This scheme keys the HMAC with the secret's text as it is, prefix included (as Stripe's does).
    const expected = await hmacSha256(utf8(secret), signed);
    if (given.some((g) => constantTimeEqual(expected, g))) return;
  }
  throw new WebhookVerificationError('no_matching_signature', 'No X-Influgentic-Signature v1 matches the secret (check the secret and that the body is the raw bytes received)');
}

/**
 * Checks a webhook delivery and returns its event. Pass the raw body exactly as received (a re-serialized JSON body
 * will not match), the request headers, and the endpoint's secret (or several while you rotate your copy). Either
 * scheme is accepted: the Standard Webhooks trio (`webhook-id`, `webhook-timestamp`, `webhook-signature`) when present,
 * else `X-Influgentic-Signature: t=…,v1=…`. Timestamps further than `toleranceSeconds` from now are refused, so a
 * captured delivery cannot be replayed later; signatures are compared in constant time. Throws
 * WebhookVerificationError with a `code` when anything is off.
 */
export async function verifyWebhook<T = Record<string, unknown>>(
  rawBody: string | Uint8Array | ArrayBuffer, headers: WebhookHeaders, secret: string | string[], options: VerifyWebhookOptions = {},
): Promise<InfluEvent<T>> {
  const secrets = (Array.isArray(secret) ? secret : [secret]).filter((s) => typeof s === 'string' && s.length > 0);
  if (!secrets.length) throw new WebhookVerificationError('invalid_secret', 'The endpoint secret is required');
  const body = typeof rawBody === 'string' ? utf8(rawBody) : rawBody instanceof Uint8Array ? rawBody : new Uint8Array(rawBody);
  const read = headerReader(headers);
  const hasStandard = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].some((h) => read(h) !== undefined);
  const scheme = options.scheme ?? (hasStandard ? 'standard' : 'influgentic');
  if (scheme === 'standard') await verifyStandard(read, body, secrets, options);
  else await verifyInflugentic(read, body, secrets, options);
  try {
    return JSON.parse(new TextDecoder().decode(body)) as InfluEvent<T>;
  } catch {
    throw new WebhookVerificationError('invalid_body', 'The signature is valid but the body is not JSON');
  }
}
