import { DomainError, type FieldError, type WebhookEndpoint } from '@influgentic/contracts';
import { isWebhookSecret } from '@influgentic/webhook-signature';
import { resolveTarget, TargetRefusedError } from '../security/address-policy';
import type { EndpointRow } from './endpoints.repository';

/** Settings of the endpoints feature, read from the environment when the service starts. */
export interface EndpointsConfig {
  /** Endpoints one organization may keep in one mode (live or sandbox). */
  maxEndpoints: number;
  /** How long the previous secret keeps signing after a rotation. */
  rotationOverlapMs: number;
}

const positive = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isSafeInteger(n) && n > 0 ? n : fallback;
};

export function endpointsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EndpointsConfig {
  return {
    maxEndpoints: positive(env.WEBHOOKS_MAX_ENDPOINTS, 50),
    rotationOverlapMs: positive(env.WEBHOOKS_ROTATION_OVERLAP_MS, 24 * 3_600_000),
  };
}

export function endpointNotFound(id: string): DomainError {
  return DomainError.notFound('Webhook endpoint', id);
}

/** `*` already means every type: listing it with others is a mistake worth naming. */
export function eventListErrors(events: string[], field = 'events'): FieldError[] {
  if (events.includes('*') && events.length > 1) {
    return [{ field, code: 'wildcard_alone', message: "'*' subscribes to every event type and must be the only entry" }];
  }
  return [];
}

/** A caller-supplied signing secret, if any, must be in the Standard Webhooks format. */
export function secretErrors(secret: string | undefined, field = 'secret'): FieldError[] {
  if (secret === undefined || isWebhookSecret(secret)) return [];
  return [{ field, code: 'format', message: "must be 'igsec_' or 'whsec_' followed by the base64 of 24 to 64 random bytes" }];
}

/** The URL's shape: absolute, no credentials inside it, no fragment. Where it points is judged by `targetErrors`. */
export function parseWebhookUrl(raw: string, field = 'url'): { url?: URL; errors: FieldError[] } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { errors: [{ field, code: 'format', message: 'must be an absolute https URL' }] };
  }
  if (url.username || url.password) return { errors: [{ field, code: 'credentials', message: 'must not carry a user name or password; authenticate with the signature' }] };
  if (url.hash) return { errors: [{ field, code: 'format', message: 'must not have a #fragment' }] };
  return { url, errors: [] };
}

/** Where the URL points: its scheme and every address its host resolves to, under the address policy. */
export async function targetErrors(url: URL, allowPrivate: boolean, field = 'url'): Promise<FieldError[]> {
  try {
    await resolveTarget(url, { allowPrivate });
    return [];
  } catch (err) {
    if (!(err instanceof TargetRefusedError)) throw err;
    const code = err.code === 'bad_scheme' ? 'scheme' : err.code;
    return [{ field, code, message: err.message }];
  }
}

/** A URL fit to receive webhooks, normalized (`new URL` form), or a 422 naming the field. */
export async function checkedWebhookUrl(raw: string, allowPrivate: boolean, field = 'url'): Promise<string> {
  const { url, errors } = parseWebhookUrl(raw, field);
  if (url) errors.push(...await targetErrors(url, allowPrivate, field));
  if (errors.length || !url) throw DomainError.validation(errors);
  return url.toString();
}

/** The moment a rotation's previous secret stops signing. */
export function previousSecretExpiry(now: Date, overlapMs: number): Date {
  return new Date(now.getTime() + overlapMs);
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/**
 * The public view of a row. The expiry of a previous secret shows only while it still signs; the secret itself is
 * never part of it.
 */
export function toWebhookEndpoint(row: EndpointRow, now: Date = new Date()): WebhookEndpoint {
  const previousExpiry = row.previous_secret_ciphertext && row.previous_secret_expires_at && new Date(row.previous_secret_expires_at) > now
    ? iso(row.previous_secret_expires_at)
    : null;
  return {
    id: row.id,
    object: 'webhook_endpoint',
    url: row.url,
    events: [...row.events],
    description: row.description,
    status: row.status,
    disabled_reason: row.disabled_reason,
    disabled_at: iso(row.disabled_at),
    rate_limit_per_minute: row.rate_limit_per_minute,
    previous_secret_expires_at: previousExpiry,
    livemode: row.livemode,
    created_at: iso(row.created_at) as string,
    updated_at: iso(row.updated_at) as string,
  };
}
