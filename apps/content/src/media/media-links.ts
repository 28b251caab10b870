import { dataDirFromEnv, mediaSigningKeyFromEnv, signedMediaUrl } from '@influgentic/media';
import type { ContentMedia } from '@influgentic/contracts';

/** How long a media link in an answer stays valid; reading the item again gives a fresh one. */
const LINK_TTL_SECONDS = () => Number(process.env.MEDIA_LINK_TTL_SECONDS ?? 3600);

let signer: { key: Buffer; base: string } | null = null;

/**
 * Signed links to media files, served by the gateway at `/media/<key>` (relative without `PUBLIC_BASE_URL`, as the
 * published pages are). The key is the one the gateway checks them with (`MEDIA_SIGNING_KEY`, or the one kept under
 * the data directory), read once.
 */
export function mediaLink(key: string, downloadName?: string, now = Date.now()): { url: string; expires_at: string } {
  signer ??= { key: mediaSigningKeyFromEnv(process.env, dataDirFromEnv()), base: process.env.PUBLIC_BASE_URL?.trim() ?? '' };
  // Links expire on the hour boundary after their TTL, so answers read within the same hour carry the same link.
  const ttl = LINK_TTL_SECONDS();
  const expires = Math.ceil((now / 1000 + ttl) / 3600) * 3600;
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
