import { createHash } from 'node:crypto';
import { ServerResponse } from 'node:http';
import { FakeHttpServer, RecordedRequest, startFakeHttpServer } from './fake-http-server';

interface FakeObject {
  body: Buffer;
  contentType: string;
  metadata: Record<string, string>;
}

export interface FakeS3Server extends FakeHttpServer {
  objects: Map<string, FakeObject>;
}

/**
 * A path-style S3 subset (PutObject, HeadObject, GetObject with Range, DeleteObject) for one bucket. Like S3 it
 * answers 403 to a request that is neither signed with an `AWS4-HMAC-SHA256` Authorization header nor presigned; it
 * does not recompute signatures.
 */
export async function startFakeS3Server(bucket: string): Promise<FakeS3Server> {
  const objects = new Map<string, FakeObject>();
  const server = await startFakeHttpServer((req, res) => answer(bucket, objects, req, res));
  return Object.assign(server, { objects });
}

function answer(bucket: string, objects: Map<string, FakeObject>, req: RecordedRequest, res: ServerResponse): void {
  const url = new URL(req.url, 'http://fake');
  const presigned = url.searchParams.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256' && !!url.searchParams.get('X-Amz-Signature');
  if (presigned && isPresignExpired(url)) return s3Error(res, 403, 'AccessDenied', 'Request has expired');
  if (!presigned && !/^AWS4-HMAC-SHA256 Credential=\S+, ?SignedHeaders=\S+, ?Signature=[0-9a-f]{64}$/.test(String(req.headers.authorization ?? ''))) {
    return s3Error(res, 403, 'AccessDenied', 'missing or malformed AWS4-HMAC-SHA256 Authorization header');
  }
  const [, bucketName, ...rest] = decodeURIComponent(url.pathname).split('/');
  if (bucketName !== bucket) return s3Error(res, 404, 'NoSuchBucket', `no bucket ${bucketName}`);
  const key = rest.join('/');
  const object = objects.get(key);

  if (req.method === 'PUT') {
    const metadata: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = String(value);
    }
    objects.set(key, { body: req.body, contentType: String(req.headers['content-type'] ?? 'binary/octet-stream'), metadata });
    res.writeHead(200, { etag: etagOf(req.body) });
    return void res.end();
  }
  if (req.method === 'DELETE') {
    objects.delete(key);
    res.writeHead(204);
    return void res.end();
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return s3Error(res, 405, 'MethodNotAllowed', `${req.method} is not supported`);
  if (!object) {
    if (req.method === 'HEAD') {
      res.writeHead(404);
      return void res.end();
    }
    return s3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
  }
  const headers: Record<string, string | number> = { 'content-type': object.contentType, etag: etagOf(object.body), 'accept-ranges': 'bytes' };
  for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
  const disposition = url.searchParams.get('response-content-disposition');
  if (disposition) headers['content-disposition'] = disposition;

  const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers.range ?? ''));
  if (range) {
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : object.body.length - 1, object.body.length - 1);
    if (start >= object.body.length) return s3Error(res, 416, 'InvalidRange', 'The requested range is not satisfiable');
    const part = object.body.subarray(start, end + 1);
    res.writeHead(206, { ...headers, 'content-length': part.length, 'content-range': `bytes ${start}-${end}/${object.body.length}` });
    return void res.end(req.method === 'HEAD' ? undefined : part);
  }
  res.writeHead(200, { ...headers, 'content-length': object.body.length });
  res.end(req.method === 'HEAD' ? undefined : object.body);
}

function isPresignExpired(url: URL): boolean {
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(url.searchParams.get('X-Amz-Date') ?? '');
  const expires = Number(url.searchParams.get('X-Amz-Expires'));
  if (!date || !Number.isFinite(expires)) return true;
  const signedAt = Date.UTC(+date[1], +date[2] - 1, +date[3], +date[4], +date[5], +date[6]);
  return Date.now() > signedAt + expires * 1000;
}

function etagOf(body: Buffer): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

function s3Error(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}
