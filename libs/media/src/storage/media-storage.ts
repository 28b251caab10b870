/** A file the platform made, as kept by a storage backend. */
export interface StoredMedia {
  key: string;
  bytes: number;
  contentType: string;
  /** Lowercase hex SHA-256 of the content ('' when a backend object was written without one). */
  sha256: string;
}

/** A byte range, both ends inclusive as in an HTTP `Range: bytes=start-end` header. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface SignedUrlOptions {
  expiresInSeconds: number;
  /** File name offered to the browser (`Content-Disposition: attachment`); covered by the signature. */
  downloadName?: string;
}

/** The one port for files the platform makes: local disk served by the gateway, or an S3-compatible bucket. */
export interface MediaStorage {
  readonly kind: 'local' | 's3';
  put(key: string, source: Buffer | { path: string }, contentType: string): Promise<StoredMedia>;
  /** The stored file's facts, or null when nothing is stored under the key. */
  stat(key: string): Promise<StoredMedia | null>;
  /** Streams the content (or one inclusive byte range of it); a missing key throws a `not_found` MediaStorageError. */
  read(key: string, range?: ByteRange): Promise<NodeJS.ReadableStream>;
  /** Removes the file; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** A URL anyone holding it can download the file from until it expires. */
  signedUrl(key: string, opts: SignedUrlOptions): Promise<string>;
}

export type MediaStorageErrorCode = 'invalid_key' | 'not_found' | 'invalid_range' | 'invalid_request' | 'configuration';

export class MediaStorageError extends Error {
  override readonly name = 'MediaStorageError';

  constructor(readonly code: MediaStorageErrorCode, message: string) {
    super(message);
  }
}

/**
 * A `Content-Disposition: attachment` value for a download name: an ASCII fallback plus the exact name in RFC 5987
 * form, so non-Latin names survive. The gateway sends this when it serves a signed local link with a name.
 */
export function attachmentContentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
