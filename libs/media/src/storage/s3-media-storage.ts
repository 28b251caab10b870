import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { assertMediaKey } from './media-key';
import { checkByteRange, checkSignedUrlOptions } from './storage-checks';
import {
  attachmentContentDisposition, ByteRange, MediaStorage, MediaStorageError,
  SignedUrlOptions, StoredMedia,
} from './media-storage';

export interface S3MediaStorageOptions {
  bucket: string;
  /** An S3-compatible server (MinIO, R2, …); AWS itself when absent. */
  endpoint?: string;
  region?: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key`, as most self-hosted servers need. */
  forcePathStyle?: boolean;
  /** Explicit credentials; by default the SDK's standard chain (AWS_ACCESS_KEY_ID, profiles, instance roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** The metadata entry (`x-amz-meta-sha256`) that keeps each object's hash. */
const SHA256_METADATA = 'sha256';

/** Media in an S3-compatible bucket; signed links are presigned GetObject URLs. */
export class S3MediaStorage implements MediaStorage {
  readonly kind = 's3' as const;
  readonly bucket: string;
  private readonly client: S3Client;

  constructor(options: S3MediaStorageOptions) {
    if (!options.bucket) throw new MediaStorageError('configuration', 'an S3 bucket is required');
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region || 'us-east-1',
      endpoint: options.endpoint || undefined,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: options.credentials,
      // Checksums only where S3 requires them: many S3-compatible servers reject the newer default trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, source: Buffer | { path: string }, contentType: string): Promise<StoredMedia> {
    assertMediaKey(key);
    if (!contentType) throw new MediaStorageError('invalid_request', 'a content type is required');
    // The hash goes into the object's metadata, which travels in the request headers, so a file is hashed first.
    const { sha256, bytes } = Buffer.isBuffer(source)
      ? { sha256: createHash('sha256').update(source).digest('hex'), bytes: source.length }
      : await hashFile(source.path);
    await this.client.send(new PutObjectCommand({
      Bucket: this.bucket,
      Key: key,
      Body: Buffer.isBuffer(source) ? source : createReadStream(source.path),
      ContentLength: bytes,
      ContentType: contentType,
      Metadata: { [SHA256_METADATA]: sha256 },
    })).catch(this.failure('PutObject', key));
    return { key, bytes, contentType, sha256 };
  }

  async stat(key: string): Promise<StoredMedia | null> {
    assertMediaKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        key,
        bytes: head.ContentLength ?? 0,
        contentType: head.ContentType ?? 'application/octet-stream',
        sha256: head.Metadata?.[SHA256_METADATA] ?? '',
      };
    } catch (err) {
      if (isNotFound(err)) return null;
      return this.failure('HeadObject', key)(err);
    }
  }

  async read(key: string, range?: ByteRange): Promise<NodeJS.ReadableStream> {
    assertMediaKey(key);
    if (range) checkByteRange(range);
    const answer = await this.client.send(new GetObjectCommand({
      Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined,
    })).catch(this.failure('GetObject', key));
    if (!answer.Body) throw new MediaStorageError('not_found', `S3 answered GetObject for ${key} without a body`);
    return answer.Body as NodeJS.ReadableStream;
  }

  async delete(key: string): Promise<void> {
    assertMediaKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })).catch(this.failure('DeleteObject', key));
  }

  async signedUrl(key: string, opts: SignedUrlOptions): Promise<string> {
    assertMediaKey(key);
    checkSignedUrlOptions(opts);
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: opts.downloadName === undefined ? undefined : attachmentContentDisposition(opts.downloadName),
    });
    return getSignedUrl(this.client, command, { expiresIn: opts.expiresInSeconds });
  }

  /** Releases the client's sockets. */
  destroy(): void {
    this.client.destroy();
  }

  /** Rethrows with S3's own code and message plus the operation and key, instead of the SDK's bare "UnknownError". */
  private failure(operation: string, key: string): (err: unknown) => never {
    return (err) => {
      if (isNotFound(err)) throw new MediaStorageError('not_found', `no media stored under ${key}`);
      if (!(err instanceof S3ServiceException)) throw err;
      const status = err.$metadata?.httpStatusCode;
      if (status === 416) throw new MediaStorageError('invalid_range', `S3 refused the range of ${key}: ${err.message}`);
      throw new Error(`S3 ${operation} ${this.bucket}/${key} failed: ${err.name}${status ? ` (HTTP ${status})` : ''}: ${err.message}`, { cause: err });
    };
  }
}

async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

function isNotFound(err: unknown): boolean {
  if (!(err instanceof S3ServiceException)) return false;
  // A missing bucket is a configuration problem to report, not a missing file.
  if (err.name === 'NoSuchBucket') return false;
  return err.name === 'NotFound' || err.name === 'NoSuchKey' || err.$metadata?.httpStatusCode === 404;
}
