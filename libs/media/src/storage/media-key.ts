import { MediaStorageError } from './media-storage';

export const MAX_MEDIA_KEY_LENGTH = 512;
const MEDIA_KEY = /^[a-z0-9][a-z0-9_\-./]*$/;

/** Why a key is refused, or null when it is acceptable. */
export function mediaKeyProblem(key: unknown): string | null {
  if (typeof key !== 'string' || key.length === 0) return 'a media key must be a non-empty string';
  if (key.length > MAX_MEDIA_KEY_LENGTH) return `a media key is at most ${MAX_MEDIA_KEY_LENGTH} characters`;
  if (!MEDIA_KEY.test(key)) return 'a media key starts with a lowercase letter or digit and holds only a-z, 0-9, _, -, . and /';
  if (key.includes('..')) return 'a media key must not contain ".."';
  // Empty segments would map two keys to one file on disk but to two objects in S3.
  if (key.includes('//') || key.endsWith('/')) return 'a media key must not contain empty path segments';
  return null;
}

/** Throws an `invalid_key` MediaStorageError before any I/O when the key is not acceptable. */
export function assertMediaKey(key: unknown): asserts key is string {
  const problem = mediaKeyProblem(key);
  if (problem) throw new MediaStorageError('invalid_key', `${problem} (got ${JSON.stringify(String(key).slice(0, 80))})`);
}
