import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LocalMediaStorage, MediaStorage, MediaStorageError, mediaStorageFromEnv, S3MediaStorage, verifySignedMediaRequest,
} from '../src/storage';
import { FakeS3Server, startFakeS3Server } from '../src/testing/fake-s3-server';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The behaviour every backend shares, run against each of them. */
function behavesAsMediaStorage(make: () => { storage: MediaStorage; scratch: string }) {
  const content = randomBytes(200_000);

  it('puts a buffer and describes it', async () => {
    const { storage } = make();
    const stored = await storage.put('org_1/c/one.png', content, 'image/png');
    expect(stored).toEqual({ key: 'org_1/c/one.png', bytes: content.length, contentType: 'image/png', sha256: sha256(content) });
    await expect(storage.stat('org_1/c/one.png')).resolves.toEqual(stored);
  });

  it('puts a file from a path', async () => {
    const { storage, scratch } = make();
    const path = join(scratch, 'source.mp4');
    writeFileSync(path, content);
    const stored = await storage.put('org_1/c/two.mp4', { path }, 'video/mp4');
    expect(stored.sha256).toBe(sha256(content));
    expect((await readAll(await storage.read('org_1/c/two.mp4'))).equals(content)).toBe(true);
  });

  it('reads the whole file and an inclusive byte range', async () => {
    const { storage } = make();
    await storage.put('org_1/c/three.wav', content, 'audio/wav');
    expect((await readAll(await storage.read('org_1/c/three.wav'))).equals(content)).toBe(true);
    const part = await readAll(await storage.read('org_1/c/three.wav', { start: 1000, end: 1999 }));
    expect(part.equals(content.subarray(1000, 2000))).toBe(true);
    const tail = await readAll(await storage.read('org_1/c/three.wav', { start: content.length - 10, end: content.length + 500 }));
    expect(tail.equals(content.subarray(content.length - 10))).toBe(true);
  });

  it('deletes, after which stat is null and read is not_found; deleting again is fine', async () => {
    const { storage } = make();
    await storage.put('org_1/c/four.vtt', Buffer.from('WEBVTT\n'), 'text/vtt');
    await storage.delete('org_1/c/four.vtt');
    await expect(storage.stat('org_1/c/four.vtt')).resolves.toBeNull();
    await expect(storage.read('org_1/c/four.vtt')).rejects.toMatchObject({ code: 'not_found' });
    await expect(storage.delete('org_1/c/four.vtt')).resolves.toBeUndefined();
  });

  it('refuses bad keys before any I/O', async () => {
    const { storage } = make();
    for (const key of ['../escape.png', '/abs.png', 'a//b.png', 'Upper.png']) {
      await expect(storage.put(key, content, 'image/png')).rejects.toMatchObject({ code: 'invalid_key' });
      await expect(storage.stat(key)).rejects.toBeInstanceOf(MediaStorageError);
      await expect(storage.read(key)).rejects.toBeInstanceOf(MediaStorageError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(MediaStorageError);
      await expect(storage.signedUrl(key, { expiresInSeconds: 60 })).rejects.toBeInstanceOf(MediaStorageError);
    }
  });

  it('refuses a range that starts past the end, and a backwards range', async () => {
    const { storage } = make();
    await storage.put('org_1/c/five.png', Buffer.from('0123456789'), 'image/png');
    await expect(storage.read('org_1/c/five.png', { start: 10, end: 20 })).rejects.toMatchObject({ code: 'invalid_range' });
    await expect(storage.read('org_1/c/five.png', { start: 5, end: 2 })).rejects.toMatchObject({ code: 'invalid_range' });
  });
}

describe('LocalMediaStorage', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'media-local-'));
  const root = join(scratch, 'media');
  const signingKey = randomBytes(32);
  const storage = new LocalMediaStorage({ root, publicBaseUrl: 'https://gw.example.com/', signingKey });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  behavesAsMediaStorage(() => ({ storage, scratch }));

  it('leaves no temporary files behind and keeps content beside a sidecar', async () => {
    await storage.put('org_2/x.png', Buffer.from('png bytes'), 'image/png');
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
    expect(existsSync(join(root, 'org_2/x.png'))).toBe(true);
    expect(existsSync(join(root, '.meta/org_2/x.png.json'))).toBe(true);
  });

  it('leaves nothing behind when the source file is missing', async () => {
    await expect(storage.put('org_2/missing.png', { path: join(scratch, 'nope.png') }, 'image/png')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
    await expect(storage.stat('org_2/missing.png')).resolves.toBeNull();
  });

  it('signs links the gateway can verify, with the download name covered', async () => {
    const url = new URL(await storage.signedUrl('org_2/x.png', { expiresInSeconds: 120, downloadName: 'Post März.png' }));
    expect(url.origin + url.pathname).toBe('https://gw.example.com/media/org_2/x.png');
    const request = {
      key: url.pathname.slice('/media/'.length), expires: url.searchParams.get('expires'), sig: url.searchParams.get('sig'), name: url.searchParams.get('name'),
    };
    expect(request.name).toBe('Post März.png');
    expect(Number(request.expires) - Math.floor(Date.now() / 1000)).toBeGreaterThanOrEqual(119);
    expect(verifySignedMediaRequest(request, signingKey)).toBe('ok');
    expect(verifySignedMediaRequest(request, signingKey, Date.now() + 121_000)).toBe('expired');
    expect(verifySignedMediaRequest({ ...request, name: 'other.png' }, signingKey)).toBe('bad_signature');
    await expect(storage.signedUrl('org_2/x.png', { expiresInSeconds: 0 })).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

describe('S3MediaStorage against a fake S3 server', () => {
  let s3: FakeS3Server;
  let storage: S3MediaStorage;
  const scratch = mkdtempSync(join(tmpdir(), 'media-s3-'));

  beforeAll(async () => {
    s3 = await startFakeS3Server('influgentic-media');
    storage = new S3MediaStorage({
      bucket: 'influgentic-media', endpoint: s3.url, region: 'eu-west-1', forcePathStyle: true,
      credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret' },
    });
  });
  afterAll(async () => {
    storage.destroy();
    await s3.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  behavesAsMediaStorage(() => ({ storage, scratch }));

  it('sends signed path-style requests with the content type and a sha256 metadata entry', async () => {
    const body = Buffer.from('fake png');
    await storage.put('org_3/a.png', body, 'image/png');
    const put = s3.requests.filter((r) => r.method === 'PUT').at(-1)!;
    expect(put.url.startsWith('/influgentic-media/org_3/a.png')).toBe(true);
    expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAFAKE\/\d{8}\/eu-west-1\/s3\/aws4_request/);
    expect(put.headers['content-type']).toBe('image/png');
    expect(put.headers['x-amz-meta-sha256']).toBe(sha256(body));
    expect(s3.objects.get('org_3/a.png')?.body.equals(body)).toBe(true);
  });

  it('fails with S3 own message when the server refuses', async () => {
    const stranger = new S3MediaStorage({ bucket: 'someone-else', endpoint: s3.url, forcePathStyle: true, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    await expect(stranger.put('x.png', Buffer.from('x'), 'image/png')).rejects.toThrow(/PutObject someone-else\/x\.png failed: NoSuchBucket/);
    stranger.destroy();
  });

  it('presigns a GetObject link that plain fetch can download, with the download name as Content-Disposition', async () => {
    const body = randomBytes(5000);
    await storage.put('org_3/video.mp4', body, 'video/mp4');
    const url = await storage.signedUrl('org_3/video.mp4', { expiresInSeconds: 300, downloadName: 'Reel März.mp4' });
    expect(url).toMatch(/X-Amz-Algorithm=AWS4-HMAC-SHA256/);
    expect(url).toMatch(/X-Amz-Expires=300/);
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('video/mp4');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="Reel M_rz.mp4"; filename*=UTF-8''Reel%20M%C3%A4rz.mp4`);
    expect(Buffer.from(await answer.arrayBuffer()).equals(body)).toBe(true);
  });

  it('is refused by the fake without a signature (the check the fake makes is real)', async () => {
    const answer = await fetch(`${s3.url}/influgentic-media/org_3/video.mp4`);
    expect(answer.status).toBe(403);
  });
});

describe('mediaStorageFromEnv', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'media-env-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is local under <dataDir>/media by default, with a kept signing key', async () => {
    const storage = mediaStorageFromEnv({ dataDir, publicBaseUrl: 'http://localhost:3000' }, { NODE_ENV: 'development' });
    expect(storage.kind).toBe('local');
    await storage.put('a/b.png', Buffer.from('x'), 'image/png');
    expect(existsSync(join(dataDir, 'media', 'a/b.png'))).toBe(true);
    expect(existsSync(join(dataDir, 'media-signing-key'))).toBe(true);
  });

  it('is S3 when MEDIA_STORAGE=s3 or a bucket is set, and says what is missing', () => {
    const setting = { dataDir, publicBaseUrl: 'http://localhost:3000' };
    const fromBucket = mediaStorageFromEnv(setting, { MEDIA_S3_BUCKET: 'b', MEDIA_S3_ENDPOINT: 'http://127.0.0.1:9', MEDIA_S3_FORCE_PATH_STYLE: 'true' });
    expect(fromBucket.kind).toBe('s3');
    (fromBucket as S3MediaStorage).destroy();
    expect(() => mediaStorageFromEnv(setting, { MEDIA_STORAGE: 's3' })).toThrow(/MEDIA_S3_BUCKET/);
    expect(() => mediaStorageFromEnv(setting, { MEDIA_STORAGE: 'ftp' })).toThrow(/local or s3/);
    expect(mediaStorageFromEnv(setting, { MEDIA_STORAGE: 'local', MEDIA_S3_BUCKET: 'b' }).kind).toBe('local');
  });

  it('refuses local storage in production without MEDIA_SIGNING_KEY', () => {
    expect(() => mediaStorageFromEnv({ dataDir, publicBaseUrl: 'https://x' }, { NODE_ENV: 'production' })).toThrow(/MEDIA_SIGNING_KEY is required/);
  });
});
