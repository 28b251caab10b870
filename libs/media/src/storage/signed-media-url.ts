import { createHmac, timingSafeEqual } from 'node:crypto';
import { mediaKeyProblem } from './media-key';

/** What a `GET /media/<key>?expires=…&sig=…&name=…` request carries, as strings straight from the URL. */
export interface SignedMediaRequest {
  key: string;
  expires: string | number | undefined | null;
  sig: string | undefined | null;
  name?: string | null;
}

export type SignedMediaVerdict = 'ok' | 'expired' | 'bad_signature';

/** The signed text: key and expiry, plus the download name when there is one, so none can be changed alone. */
function signedText(key: string, expires: number, name: string | undefined): string {
  return name === undefined ? `${key}\n${expires}` : `${key}\n${expires}\n${name}`;
}

export function mediaSignature(signingKey: Buffer, key: string, expires: number, name?: string): string {
  return createHmac('sha256', signingKey).update(signedText(key, expires, name), 'utf8').digest('hex');
}

/** `${publicBaseUrl}/media/${key}?expires=…&sig=…[&name=…]`; keys hold only URL-safe characters. */
export function signedMediaUrl(publicBaseUrl: string, signingKey: Buffer, key: string, expires: number, name?: string): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const sig = mediaSignature(signingKey, key, expires, name);
  const nameParam = name === undefined ? '' : `&name=${encodeURIComponent(name)}`;
  return `${base}/media/${key}?expires=${expires}&sig=${sig}${nameParam}`;
}

const EXPIRES = /^\d{1,12}$/;
const SIGNATURE = /^[0-9a-f]{64}$/i;

/**
 * Checks a signed media link. The signature is checked first (in constant time), so a tampered expiry reads as a bad
 * signature, not as expired. Any malformed input is a bad signature; this never throws.
 */
export function verifySignedMediaRequest(request: SignedMediaRequest, signingKey: Buffer, now: number = Date.now()): SignedMediaVerdict {
  try {
    if (!request || typeof request !== 'object') return 'bad_signature';
    const { key, sig } = request;
    const expiresText = typeof request.expires === 'number' ? String(request.expires) : request.expires;
    const name = request.name === null || request.name === undefined ? undefined : request.name;
    if (mediaKeyProblem(key) !== null) return 'bad_signature';
    if (typeof expiresText !== 'string' || !EXPIRES.test(expiresText)) return 'bad_signature';
    if (typeof sig !== 'string' || !SIGNATURE.test(sig)) return 'bad_signature';
    if (name !== undefined && typeof name !== 'string') return 'bad_signature';
    const expires = Number(expiresText);
    const expected = Buffer.from(mediaSignature(signingKey, key, expires, name), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) return 'bad_signature';
    return Math.floor(now / 1000) > expires ? 'expired' : 'ok';
  } catch {
    return 'bad_signature';
  }
}
