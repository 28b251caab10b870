import { ByteRange, MediaStorageError, SignedUrlOptions } from './media-storage';

/** Signed links are short-lived: S3 refuses presigned URLs valid for more than seven days, so both backends do. */
export const MAX_SIGNED_URL_SECONDS = 7 * 24 * 3600;

export function checkSignedUrlOptions(opts: SignedUrlOptions): void {
  const { expiresInSeconds, downloadName } = opts;
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_SIGNED_URL_SECONDS) {
    throw new MediaStorageError('invalid_request', `expiresInSeconds must be a whole number from 1 to ${MAX_SIGNED_URL_SECONDS}`);
  }
  if (downloadName !== undefined && !isAcceptableDownloadName(downloadName)) {
    throw new MediaStorageError('invalid_request', 'downloadName must be 1-255 characters without control characters, slashes or quotes');
  }
}

function isAcceptableDownloadName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[\u0000-\u001f\u007f"/\\]/.test(name);
}

export function checkByteRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new MediaStorageError('invalid_range', `invalid byte range ${start}-${end}`);
  }
}
