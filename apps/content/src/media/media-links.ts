import { dataDirFromEnv, mediaSigningKeyFromEnv, signedMediaUrl } from '@influgentic/media';
import type { ContentMedia } from '@influgentic/contracts';

/** How long a media link in an answer stays valid; reading the item again gives a fresh one. */
const LINK_TTL_SECONDS = () => {
  const v = Number(process.env.MEDIA_LINK_TTL_SECONDS);
  return Number.isFinite(v) && v >= 60 ? Math.min(v, 7 * 24 * 3600) : 3600;
};

let signer: { key: Buffer; base: string } | null = null;

/**
 * Signed links to media files, served by the gateway at `/media/<key>` (relative without `PUBLIC_BASE_URL`, as the
 * published pages are). The key is the one the gateway checks them with (`MEDIA_SIGNING_KEY`, or the one kept under
 * the data directory), read once.
 */
export function mediaLink(key: string, downloadName?: string, now = Date.now()): { url: string; expires_at: string } {
  signer ??= { key: mediaSigningKeyFromEnv(process.env, dataDirFromEnv()), base: process.env.PUBLIC_BASE_URL?.trim() ?? '' };
  // Links expire on a boundary after their TTL (a tenth of it, at most a minute later), so answers read close together
  // carry the same link and a client's cache of it stays useful.
  const ttl = LINK_TTL_SECONDS();
  const step = Math.min(60, Math.max(1, Math.floor(ttl / 10)));
  const expires = Math.ceil((now / 1000 + ttl) / step) * step;
  return { url: signedMediaUrl(signer.base, signer.key, key, expires, downloadName), expires_at: new Date(expires * 1000).toISOString() };
}

/** Media as an answer shows them: each stored file with a fresh signed link, and where it lives left out. */
export function presentMedia(media: readonly ContentMedia[] | null | undefined): ContentMedia[] {
  return (media ?? []).map(({ key, ...m }) => {
    if (!key) return m;
    const link = mediaLink(key);
    return { ...m, url: link.url, url_expires_at: link.expires_at };
  });
}
