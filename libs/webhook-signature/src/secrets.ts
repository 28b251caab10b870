import { randomBytes } from 'node:crypto';

/** Prefix of the secrets Influgentic generates; `whsec_` (Standard Webhooks, Svix) is accepted as well. */
export const WEBHOOK_SECRET_PREFIX = 'igsec_';
export const WEBHOOK_SECRET_PREFIXES = ['igsec_', 'whsec_'] as const;

/** Bounds of the key inside a caller-supplied secret (the Standard Webhooks specification asks for 24 to 64 bytes). */
export const WEBHOOK_SECRET_KEY_BYTES = { min: 24, max: 64 } as const;

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A new signing secret: `igsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

function withoutPrefix(secret: string): string {
  const prefix = WEBHOOK_SECRET_PREFIXES.find((p) => secret.startsWith(p));
  return prefix ? secret.slice(prefix.length) : secret;
}

/**
 * The HMAC key of the Standard Webhooks scheme: the base64-decoded part after the `igsec_`/`whsec_` prefix (a secret
 * without a prefix is decoded whole, as the reference libraries do).
 */
export function webhookSecretKey(secret: string): Buffer {
  return Buffer.from(withoutPrefix(secret), 'base64');
}

/** Whether a caller-supplied secret is usable: `igsec_` or `whsec_` + canonical base64 of 24–64 bytes. */
export function isWebhookSecret(secret: unknown): secret is string {
  if (typeof secret !== 'string' || !WEBHOOK_SECRET_PREFIXES.some((p) => secret.startsWith(p))) return false;
  const encoded = withoutPrefix(secret);
  if (!encoded || !STRICT_BASE64.test(encoded)) return false;
  const bytes = Buffer.from(encoded, 'base64').length;
  return bytes >= WEBHOOK_SECRET_KEY_BYTES.min && bytes <= WEBHOOK_SECRET_KEY_BYTES.max;
}
