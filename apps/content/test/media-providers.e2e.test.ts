import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { isFastStart, probeMedia, readProvenance, TRAINED_ALGORITHMIC_MEDIA } from '@influgentic/media';
import { startFakeHttpServer, type FakeHttpServer } from '../../../libs/media/src/testing/fake-http-server';
import { apiClient, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';

type Call = ReturnType<typeof apiClient>;

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/**
 * The remote media adapters in the running platform: a Replicate-style video service and an OpenAI-compatible images
 * endpoint, both fakes on loopback over real HTTP. The platform's content service reads MEDIA_* at start.
 */
describe('media through remote providers (fake Replicate and OpenAI images on loopback)', () => {
  let platform: Platform;
  let call: Call;
  let agentId: string;
  let dir: string;
  let provider: FakeHttpServer;
  let mp4: Buffer;
  let png: Buffer;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'media-remote-'));
    // What the "remote model" returns: a real 5 s H.264 clip and a real PNG, made with ffmpeg.
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=s=720x1280:d=5:r=30', '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast', '-movflags', '+faststart', join(dir, 'remote.mp4')]);
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=teal:s=1024x1024', '-frames:v', '1', join(dir, 'remote.png')]);
    mp4 = await readFile(join(dir, 'remote.mp4'));
    png = await readFile(join(dir, 'remote.png'));
    const polls = new Map<string, number>();
    provider = await startFakeHttpServer((req, res) => {
      if (req.method === 'POST' && req.url === '/v1/images/generations') {
        const body = JSON.parse(req.body.toString());
        if (String(body.prompt).includes('REFUSE')) return json(res, 400, { error: { message: 'Your request was rejected by the safety system' } });
        return json(res, 200, { data: [{ b64_json: png.toString('base64') }] });
      }
      if (req.method === 'POST' && req.url === '/v1/predictions') {
        const body = JSON.parse(req.body.toString());
        const id = `p${polls.size + 1}`;
        polls.set(id, String(body.input.prompt).includes('FAIL') ? -1 : 0);
        return json(res, 201, { id, status: 'starting', urls: { get: `${provider.url}/v1/predictions/${id}`, cancel: `${provider.url}/v1/predictions/${id}/cancel` } });
      }
      const m = /^\/v1\/predictions\/(p\d+)$/.exec(req.url);
      if (req.method === 'GET' && m) {
        const n = polls.get(m[1])!;
        if (n < 0) return json(res, 200, { id: m[1], status: 'failed', error: 'The model could not render this scene (content policy)' });
        polls.set(m[1], n + 1);
        return json(res, 200, n < 2 ? { id: m[1], status: 'processing', logs: `${(n + 1) * 40}%` } : { id: m[1], status: 'succeeded', output: [`${provider.url}/files/out.mp4`] });
      }
      if (req.method === 'GET' && req.url === '/files/out.mp4') {
        res.writeHead(200, { 'content-type': 'video/mp4' });
        return void res.end(mp4);
      }
      json(res, 404, { detail: 'not found' });
    });
    const env = {
      MEDIA_VIDEO_PROVIDER: 'replicate', MEDIA_VIDEO_BASE_URL: `${provider.url}/v1`, MEDIA_VIDEO_API_KEY: 'r8_test', MEDIA_VIDEO_MODEL: 'acme/video-1',
      MEDIA_VIDEO_POLL_INTERVAL_MS: '30', MEDIA_IMAGE_PROVIDER: 'openai-compatible', MEDIA_IMAGE_BASE_URL: `${provider.url}/v1`, MEDIA_IMAGE_API_KEY: 'sk-test',
      MEDIA_IMAGE_MODEL: 'image-1',
    };
    for (const [k, v] of Object.entries(env)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    platform = await startPlatform(['registry', 'content'], {});
    const admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    const org = await admin('POST', '/admin/v1/organizations', { name: `Remote media ${Math.random().toString(36).slice(2, 8)}`, plan: 'enterprise' });
    call = apiClient(platform.url, org.body.api_key.token);
    const agent = await call('POST', '/v1/agents', { name: 'ORBIT', category: 'tech', persona_prompt: 'ORBIT reviews gadgets with a dry wit and clear verdicts. Tone: witty, precise.', languages: ['en'], tone_modes: ['witty'] });
    agentId = agent.body.id;
    await waitFor(async () => (await call('GET', `/v1/agents/${agentId}`)).body.status === 'ready', 15_000);
  }, 60_000);

  afterAll(async () => {
    await platform?.close();
    await provider?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await rm(dir, { recursive: true, force: true });
  });

  const finish = (id: string) => waitFor(async () => {
    const s = await call('GET', `/v1/content/video/${id}/status`);
    return ['done', 'error'].includes(s.body.status) ? s.body : null;
  }, 60_000, 50);

  it('stores the provider’s footage with the speech and captions made here muxed in, marked as AI-generated', async () => {
    const res = await call('POST', '/v1/content/video/generate', { agent_id: agentId, platform: 'tiktok', scene_description: 'Unboxing a foldable phone', duration_seconds: 5 });
    expect(res.status).toBe(202);
    const status = await finish(res.body.content.id);
    expect(status).toMatchObject({ status: 'done', result: { credits_billed: 5, duration_seconds: 5 } });
    const create = provider.requests.find((r) => r.url === '/v1/predictions')!;
    expect(create.headers.authorization).toBe('Bearer r8_test');
    expect(JSON.parse(create.body.toString())).toMatchObject({ model: 'acme/video-1', input: { duration: 5, aspect_ratio: '9:16', prompt: expect.stringContaining('Unboxing a foldable phone') } });
    const video = Buffer.from(await (await fetch(new URL(status.result.video_url, platform.url))).arrayBuffer());
    await writeFile(join(dir, 'stored.mp4'), video);
    // The provider's picture (copied, not re-encoded), with the speech and the captions made here muxed in.
    const probe = await probeMedia(join(dir, 'stored.mp4'));
    expect(probe).toMatchObject({ videoCodec: 'h264', width: 720, height: 1280, audioCodec: 'aac', subtitleCodec: 'mov_text' });
    expect(Math.abs(probe.durationSeconds - 5)).toBeLessThanOrEqual(0.2);
    expect(await isFastStart(join(dir, 'stored.mp4'))).toBe(true);
    expect(readProvenance(video, 'mp4')?.digitalSourceType).toBe(TRAINED_ALGORITHMIC_MEDIA);
    expect(status.result.captions).not.toBeNull();
    const item = await call('GET', `/v1/content/${res.body.content.id}`);
    expect(item.body.model).toBe('replicate/acme/video-1');
  }, 90_000);

  it('ends the job with the provider’s own message and refunds the credits when the provider fails', async () => {
    const res = await call('POST', '/v1/content/video/generate', { agent_id: agentId, platform: 'tiktok', scene_description: 'FAIL this scene', duration_seconds: 6 });
    const status = await finish(res.body.content.id);
    expect(status.status).toBe('error');
    expect(status.error.code).toBe('media_provider_failed');
    expect(status.error.message).toContain('content policy');
    expect((await call('GET', `/v1/jobs/${res.body.job.id}`)).body.result).toMatchObject({ credits_reserved: 0, credits_refunded: 6, credits_billed: 0 });
    expect((await call('GET', `/v1/content/${res.body.content.id}`)).body.status).toBe('failed');
  }, 60_000);

  it('attaches the image model’s picture to an item, marked, and carries a refusal as the job’s error', async () => {
    const made = await call('POST', `/v1/agents/${agentId}/content`, { content_type: 'product_review', format: 'x_post', product: { name: 'Fold 7', key_claims: ['thin hinge'], target_use: 'everyday carry' } });
    expect(made.status).toBe(201);
    const res = await call('POST', `/v1/content/${made.body.id}/media`, { type: 'image' });
    expect(res.status).toBe(202);
    const job = await waitFor(async () => {
      const j = await call('GET', `/v1/jobs/${res.body.job.id}`);
      return ['done', 'error'].includes(j.body.status) ? j.body : null;
    }, 30_000, 50);
    expect(job.status).toBe('done');
    const sent = JSON.parse(provider.requests.filter((r) => r.url === '/v1/images/generations').at(-1)!.body.toString());
    expect(sent).toMatchObject({ model: 'image-1', size: '1792x1024', response_format: 'b64_json' });
    const item = await call('GET', `/v1/content/${made.body.id}`);
    expect(item.body.media[0]).toMatchObject({ type: 'image', aspect_ratio: '16:9', model: 'openai-compatible/image-1' });
    const file = Buffer.from(await (await fetch(new URL(item.body.media[0].url, platform.url))).arrayBuffer());
    expect(readProvenance(file, 'png')?.digitalSourceType).toBe(TRAINED_ALGORITHMIC_MEDIA);

    const refused = await call('POST', `/v1/agents/${agentId}/content`, { content_type: 'product_review', format: 'x_post', product: { name: 'REFUSE Phone', key_claims: ['bright screen'], target_use: 'travel' } });
    const again = await call('POST', `/v1/content/${refused.body.id}/media`, { type: 'image' });
    const failed = await waitFor(async () => {
      const j = await call('GET', `/v1/jobs/${again.body.job.id}`);
      return ['done', 'error'].includes(j.body.status) ? j.body : null;
    }, 30_000, 50);
    expect(failed).toMatchObject({ status: 'error', error: { code: 'media_provider_failed', message: expect.stringContaining('safety system') }, result: { credits_refunded: 1, credits_billed: 0 } });
    expect((await call('GET', `/v1/content/${refused.body.id}`)).body.media).toEqual([]);
  }, 60_000);
});
