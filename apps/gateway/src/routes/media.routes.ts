import { pipeline } from 'node:stream/promises';
import { DomainError, MediaFileParams, MediaFileQuery } from '@influgentic/contracts';
import {
  attachmentContentDisposition, dataDirFromEnv, mediaSigningKeyFromEnv, mediaStorageFromEnv, verifySignedMediaRequest, type MediaStorage,
} from '@influgentic/media';
import type { RouteDef } from './route';

export interface MediaRouteDeps {
  /** Where the files are (local disk or S3) and the key their links are signed with; read lazily, once. */
  media?: () => { storage: MediaStorage; signingKey: Buffer };
}

let shared: { storage: MediaStorage; signingKey: Buffer } | null = null;
const fromEnv = () => (shared ??= {
  storage: mediaStorageFromEnv({ dataDir: dataDirFromEnv(), publicBaseUrl: process.env.PUBLIC_BASE_URL?.trim() ?? '' }),
  signingKey: mediaSigningKeyFromEnv(process.env, dataDirFromEnv()),
});

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` against a file of `size` bytes; null when absent, 'invalid' when unsatisfiable. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return 'invalid';
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'invalid' : { start, end };
}

/**
 * `GET /media/{organization}/{mode}/{content_id}/{file}?expires&sig`: the signed, expiring links media answers carry
 * (video, speech, captions, images). No key is needed — the link is the credential, as with S3's presigned URLs —
 * so players, `<video>` tags and platforms can fetch the file. Byte ranges are served (players seek with them).
 */
export function mediaRoutes(deps: MediaRouteDeps = {}): RouteDef[] {
  return [{
    method: 'GET', path: '/media/:organization/:mode/:content_id/:file', tag: 'content', auth: 'public', status: 200, raw: true,
    summary: 'Download a media file through the signed link a content item or a media job carries (expires; read the item again for a fresh one)',
    params: MediaFileParams, query: MediaFileQuery, fileTypes: ['video/mp4', 'image/png', 'audio/wav', 'text/vtt', 'application/x-subrip'],
    local: async ({ params, query, request, reply }) => {
      const { storage, signingKey } = (deps.media ?? fromEnv)();
      const key = `${params.organization}/${params.mode}/${params.content_id}/${params.file}`;
      const q = query as unknown as MediaFileQuery;
      const verdict = verifySignedMediaRequest({ key, expires: q.expires, sig: q.sig, name: q.name ?? null }, signingKey);
      if (verdict === 'expired') throw new DomainError('forbidden', 'This media link has expired; read the content item again for a fresh link');
      if (verdict !== 'ok') throw new DomainError('forbidden', 'This media link is not valid (its signature does not match)');
      const file = await storage.stat(key);
      if (!file) throw DomainError.notFound('Media file', key.split('/').slice(2).join('/'));
      if (storage.kind === 's3') {
        // The bucket serves the bytes itself, through a short presigned link of its own.
        const url = await storage.signedUrl(key, { expiresInSeconds: 300, ...(q.name ? { downloadName: q.name } : {}) });
        reply.header('Cache-Control', 'private, no-store').redirect(url, 302);
        return;
      }
      const range = parseRange(request.headers.range, file.bytes);
      if (range === 'invalid') {
        reply.code(416).header('Content-Range', `bytes */${file.bytes}`).send();
        return;
      }
      reply.header('Content-Type', file.contentType).header('Accept-Ranges', 'bytes').header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, max-age=300').header('ETag', `"${file.sha256.slice(0, 32)}"`)
        .header('Content-Security-Policy', "default-src 'none'; sandbox");
      if (q.name) reply.header('Content-Disposition', attachmentContentDisposition(q.name));
      const status = range ? 206 : 200;
      reply.header('Content-Length', String(range ? range.end - range.start + 1 : file.bytes));
      if (range) reply.header('Content-Range', `bytes ${range.start}-${range.end}/${file.bytes}`);
      reply.hijack();
      reply.raw.writeHead(status, reply.getHeaders() as Record<string, string>);
      // HEAD gets the headers only: the file is not even opened.
      if (request.method === 'HEAD') return void reply.raw.end();
      // Streamed straight to the socket: a large video is never held in memory.
      const body = await storage.read(key, range ?? undefined);
      await pipeline(body as NodeJS.ReadableStream, reply.raw).catch(() => reply.raw.destroy());
    },
  }];
}

