import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a download link is bound to: one export of one organization and mode, until `expires` (unix seconds). */
export interface LinkSubject {
  jobId: string;
  organizationId: string;
  livemode: boolean;
  expires: number;
}

const payload = (s: LinkSubject) => `${s.jobId}.${s.organizationId}.${s.livemode ? 'live' : 'test'}.${s.expires}`;

export function signLink(secret: string, s: LinkSubject): string {
  return createHmac('sha256', secret).update(payload(s)).digest('hex');
}

/** The link's path with its expiry and signature (the gateway serves it; the API key is still required). */
export function downloadPath(secret: string, s: LinkSubject): string {
  return `/v1/analytics/exports/${s.jobId}/download?expires=${s.expires}&signature=${signLink(secret, s)}`;
}

/** Why a presented link is refused, or null when it is good. Constant-time on the signature. */
export function linkProblem(secret: string, s: LinkSubject, signature: string, nowMs = Date.now()): 'bad_signature' | 'expired' | null {
  const expected = Buffer.from(signLink(secret, s), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad_signature';
  if (s.expires * 1000 <= nowMs) return 'expired';
  return null;
}
