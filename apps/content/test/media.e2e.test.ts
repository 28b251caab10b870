import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSrt, parseVtt, probeMedia, readMp4ProvenanceFile, readProvenance, TRAINED_ALGORITHMIC_MEDIA } from '@influgentic/media';
import { apiClient, readEvents, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';

type Call = ReturnType<typeof apiClient>;

const PERSONA = 'NOVA is an upbeat running coach who reviews trainers and explains training plainly. Tone: energetic, practical.';

describe('media: videos, post images and bulk batches (e2e over HTTP, real Postgres, NATS, ffmpeg and espeak-ng)', () => {
  let platform: Platform;
  let admin: Call;
  let call: Call;
  let other: Call;
  let agentId: string;
  let dir: string;

  async function newOrg(): Promise<{ call: Call; token: string }> {
    const res = await admin('POST', '/admin/v1/organizations', { name: `Media ${Math.random().toString(36).slice(2, 8)}`, plan: 'enterprise' });
    expect(res.status).toBe(201);
    return { call: apiClient(platform.url, res.body.api_key.token), token: res.body.api_key.token };
  }

  /** Polls a video's status until its render ends; returns the final status and every progress value seen. */
  async function finish(c: Call, id: string, timeoutMs = 90_000) {
    const seen: Array<{ progress: number; step: string }> = [];
    const status = await waitFor(async () => {
      const res = await c('GET', `/v1/content/video/${id}/status`);
      expect(res.status).toBe(200);
      seen.push({ progress: res.body.progress, step: res.body.step });
      return ['done', 'error', 'cancelled', 'stopped'].includes(res.body.status) ? res.body : null;
    }, timeoutMs, 50);
    return { status, seen };
  }

  /** Downloads a signed link (relative to the gateway) to a file. */
  async function download(url: string, name: string, headers: Record<string, string> = {}) {
    const res = await fetch(new URL(url, platform.url), { headers });
    const bytes = Buffer.from(await res.arrayBuffer());
    const path = join(dir, name);
    await writeFile(path, bytes);
    return { res, bytes, path };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'media-e2e-'));
    platform = await startPlatform(['registry', 'content'], { });
    admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    call = (await newOrg()).call;
    other = (await newOrg()).call;
    const res = await call('POST', '/v1/agents', { name: 'NOVA', category: 'fitness', persona_prompt: PERSONA, languages: ['en', 'de'], tone_modes: ['energetic'] });
    expect(res.status).toBe(202);
    agentId = res.body.id;
    await waitFor(async () => (await call('GET', `/v1/agents/${agentId}`)).body.status === 'ready', 15_000);
  }, 60_000);

  afterAll(async () => {
    await platform?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('renders a captioned, voiced, disclosed 8 s vertical video and serves it through a signed link', async () => {
    const res = await call('POST', '/v1/content/video/generate', {
      agent_id: agentId, platform: 'tiktok', scene_description: 'A sunrise run along the river in new trainers',
      product: { name: 'Pegasus 41', key_claims: ['ReactX foam returns more energy'], target_use: 'marathon training' },
    }, { 'idempotency-key': 'video-1' });
    expect(res.status).toBe(202);
    expect(res.body.content).toMatchObject({ status: 'generating', format: 'video_script', platform: 'tiktok', media: [] });
    expect(res.body.job).toMatchObject({ type: 'content.video', status: 'queued', result: { credits_reserved: 8, credits_billed: 0, aspect_ratio: '9:16' } });
    const contentId = res.body.content.id;

    // The same key answers the same video; nothing second is made.
    const again = await call('POST', '/v1/content/video/generate', {
      agent_id: agentId, platform: 'tiktok', scene_description: 'A sunrise run along the river in new trainers',
      product: { name: 'Pegasus 41', key_claims: ['ReactX foam returns more energy'], target_use: 'marathon training' },
    }, { 'idempotency-key': 'video-1' });
    expect(again.status).toBe(202);
    expect(again.body.job.id).toBe(res.body.job.id);

    const { status, seen } = await finish(call, contentId);
    expect(status).toMatchObject({ status: 'done', progress: 100, step: 'done', content_id: contentId, job_id: res.body.job.id });
    expect(status.result.credits_billed).toBe(8);
    expect(status.result.duration_seconds).toBeGreaterThan(7.8);
    expect(status.result.duration_seconds).toBeLessThan(8.2);
    // Progress follows the real steps and never goes back.
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(seen.map((s) => s.step)).size).toBeGreaterThanOrEqual(2);

    const video = await download(status.result.video_url, 'video.mp4');
    expect(video.res.status).toBe(200);
    expect(video.res.headers.get('content-type')).toBe('video/mp4');
    const probe = await probeMedia(video.path);
    expect(probe).toMatchObject({ videoCodec: 'h264', pixFmt: 'yuv420p', width: 720, height: 1280, audioCodec: 'aac', subtitleCodec: 'mov_text' });
    expect(Math.abs(probe.durationSeconds - 8)).toBeLessThanOrEqual(0.2);
    expect((await readMp4ProvenanceFile(video.path))?.digitalSourceType).toBe(TRAINED_ALGORITHMIC_MEDIA);

    // Players seek with byte ranges.
    const part = await download(status.result.video_url, 'part.bin', { range: 'bytes=0-99' });
    expect(part.res.status).toBe(206);
    expect(part.bytes.length).toBe(100);
    expect(part.res.headers.get('content-range')).toBe(`bytes 0-99/${video.bytes.length}`);

    const srt = parseSrt((await download(status.result.captions.srt_url, 'c.srt')).bytes.toString('utf8'));
    const vtt = parseVtt((await download(status.result.captions.vtt_url, 'c.vtt')).bytes.toString('utf8'));
    expect(srt.length).toBeGreaterThan(0);
    expect(vtt).toEqual(srt);
    expect(srt[srt.length - 1].end).toBeLessThanOrEqual(8.01);
    const wav = await download(status.result.audio_url, 's.wav');
    expect(readProvenance(wav.bytes, 'wav')?.digitalSourceType).toBe(TRAINED_ALGORITHMIC_MEDIA);

    const item = await call('GET', `/v1/content/${contentId}`);
    expect(item.body.status).toBe('pending_review');
    expect(item.body.body.length).toBeGreaterThan(20);
    expect(item.body.disclosures).toEqual(expect.arrayContaining(['#ad', 'AI-generated']));
    expect(item.body.media.map((m: { type: string }) => m.type)).toEqual(['video', 'audio', 'captions', 'captions', 'image']);
    expect(item.body.media.every((m: { url: string; status: string; ai_generated: boolean; key?: string }) => m.url.includes('/media/') && m.status === 'pending' && m.ai_generated && m.key === undefined)).toBe(true);
    const generated = await waitFor(async () => (await readEvents('agent.content_generated')).find((e) => (e.data as { content_id: string }).content_id === contentId), 10_000);
    expect(generated.data).toMatchObject({ status: 'pending_review', format: 'video_script' });

    // A video is not regenerated in place (its text and files are made together).
    const regenerate = await call('POST', `/v1/content/${contentId}/regenerate`, {});
    expect(regenerate.status).toBe(409);
    // The media can be reviewed one by one.
    const approved = await call('POST', `/v1/content/${contentId}/media/0/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.media[0].status).toBe('approved');
  }, 120_000);

  it('refuses tampered and expired links, and hides videos from other organizations and modes', async () => {
    const res = await call('POST', '/v1/content/video/generate', { agent_id: agentId, platform: 'instagram', scene_description: 'Stretching after a long run', duration_seconds: 5, aspect_ratio: '1:1' });
    expect(res.status).toBe(202);
    const { status } = await finish(call, res.body.content.id);
    expect(status.status).toBe('done');
    const url = new URL(status.result.video_url, platform.url);

    const tampered = new URL(url);
    tampered.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    const t = await fetch(tampered);
    expect(t.status).toBe(403);
    expect(((await t.json()) as { title: string }).title).toBe('Forbidden');
    const otherFile = new URL(url.toString().replace('/video.mp4', '/speech.wav'));
    expect((await fetch(otherFile)).status).toBe(403);
    const noSig = new URL(url);
    noSig.searchParams.delete('sig');
    expect((await fetch(noSig)).status).toBe(422);

    expect((await other('GET', `/v1/content/video/${res.body.content.id}/status`)).status).toBe(404);
    expect((await other('POST', `/v1/content/video/${res.body.job.id}/stop`, {})).status).toBe(404);
    const sandbox = await call('POST', '/v1/api-keys', { name: 'sandbox', mode: 'test', scopes: ['content:read', 'content:generate', 'content:write', 'agents:read', 'agents:write'] });
    expect(sandbox.status).toBe(201);
    const test = apiClient(platform.url, sandbox.body.token);
    expect((await test('GET', `/v1/content/video/${res.body.content.id}/status`)).status).toBe(404);

    // Sandbox renders hold and bill no credits; a cancelled render fails its item (it never waits forever).
    const sandboxAgent = await test('POST', '/v1/agents', { name: 'NOVA TEST', category: 'fitness', persona_prompt: PERSONA, languages: ['en'], tone_modes: ['energetic'] });
    await waitFor(async () => (await test('GET', `/v1/agents/${sandboxAgent.body.id}`)).body.status === 'ready', 15_000);
    const sandboxVideo = await test('POST', '/v1/content/video/generate', { agent_id: sandboxAgent.body.id, platform: 'tiktok', scene_description: 'Sandbox trial', duration_seconds: 20 });
    expect(sandboxVideo.status).toBe(202);
    expect(sandboxVideo.body.job.result.credits_reserved).toBe(0);
    const cancelled = await test('POST', `/v1/jobs/${sandboxVideo.body.job.id}/cancel`, {});
    expect(cancelled.body.status).toBe('cancelled');
    expect((await test('GET', `/v1/content/${sandboxVideo.body.content.id}`)).body).toMatchObject({ status: 'failed', failure_reason: expect.stringContaining('cancelled') });
    expect((await call('GET', `/v1/content/bulk/${sandboxVideo.body.job.id}`)).status).toBe(404);
  }, 90_000);

  it('answers bad requests with 422 naming the field, and writes nothing', async () => {
    const before = (await call('GET', `/v1/content?agent_id=${agentId}&limit=100`)).body.data.length;
    const base = { agent_id: agentId, platform: 'tiktok', scene_description: 'x' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, duration_seconds: 4 }, 'duration_seconds'], [{ ...base, duration_seconds: 61 }, 'duration_seconds'],
      [{ ...base, duration_seconds: 8.5 }, 'duration_seconds'], [{ ...base, aspect_ratio: '4:3' }, 'aspect_ratio'],
      [{ agent_id: agentId, platform: 'tiktok' }, 'scene_description'], [{ ...base, scene_description: '   ' }, 'scene_description'],
      [{ ...base, type: 'story' }, 'type'], [{ ...base, platform: 'myspace' }, 'platform'], [{ ...base, voice: 'en; rm -rf' }, 'voice'],
      [{ ...base, language: 'fr' }, 'language'], [{ ...base, voice: 'zz' }, 'voice'],
    ];
    for (const [body, fieldName] of cases) {
      const res = await call('POST', '/v1/content/video/generate', body);
      expect([res.status, fieldName]).toEqual([422, fieldName]);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(fieldName);
    }
    expect((await call('GET', `/v1/content?agent_id=${agentId}&limit=100`)).body.data.length).toBe(before);
  }, 60_000);

  it('stops a render with a refund and continues it with a new hold', async () => {
    const res = await call('POST', '/v1/content/video/generate', { agent_id: agentId, platform: 'youtube', scene_description: 'Interval training on a track', duration_seconds: 30, aspect_ratio: '16:9' });
    expect(res.status).toBe(202);
    const id = res.body.job.id;
    const stopped = await call('POST', `/v1/content/video/${id}/stop`, {});
    expect(stopped.status).toBe(200);
    expect(stopped.body.status).toBe('stopped');
    const job = await call('GET', `/v1/jobs/${id}`);
    expect(job.body.result).toMatchObject({ credits_reserved: 0, credits_refunded: 30, credits_billed: 0 });
    // The item waits for its render; a stopped render is not an abandoned one.
    expect((await call('GET', `/v1/content/${res.body.content.id}`)).body.status).toBe('generating');
    expect((await call('POST', `/v1/content/video/${id}/stop`, {})).body.status).toBe('stopped');

    const resumed = await call('POST', `/v1/content/video/${id}/continue`, {});
    expect(resumed.status).toBe(200);
    expect(['queued', 'processing', 'done']).toContain(resumed.body.status);
    expect((await call('GET', `/v1/jobs/${id}`)).body.result).toMatchObject({ credits_reserved: 30, credits_refunded: 30 });
    // Stopping and continuing again and again is not a crash: the render still ends, billed once.
    for (let i = 0; i < 3; i++) {
      await waitFor(async () => ['processing', 'queued'].includes((await call('GET', `/v1/jobs/${id}`)).body.status), 10_000, 20);
      expect((await call('POST', `/v1/content/video/${id}/stop`, {})).body.status).toBe('stopped');
      expect((await call('POST', `/v1/content/video/${id}/continue`, {})).status).toBe(200);
    }
    const { status } = await finish(call, id, 120_000);
    expect(status.status).toBe('done');
    expect(status.result.credits_billed).toBe(30);
    expect((await call('GET', `/v1/jobs/${id}`)).body.result).toMatchObject({ credits_reserved: 0, credits_billed: 30, credits_refunded: 120 });
    const probe = await probeMedia((await download(status.result.video_url, 'long.mp4')).path);
    expect(probe).toMatchObject({ width: 1280, height: 720 });
    expect(Math.abs(probe.durationSeconds - 30)).toBeLessThanOrEqual(0.2);
    // A finished render cannot be stopped or continued.
    expect((await call('POST', `/v1/content/video/${id}/stop`, {})).status).toBe(409);
    expect((await call('POST', `/v1/content/video/${id}/continue`, {})).status).toBe(409);
  }, 180_000);

  it('makes a post image for an item in the agent’s look, marked as AI-generated', async () => {
    const made = await call('POST', `/v1/agents/${agentId}/content`, {
      content_type: 'product_review', format: 'instagram_caption', platform: 'instagram',
      product: { name: 'Pegasus 41', key_claims: ['ReactX foam'], target_use: 'marathon training' },
    });
    expect(made.status).toBe(201);
    const res = await call('POST', `/v1/content/${made.body.id}/media`, { type: 'image', aspect_ratio: '1:1' }, { 'idempotency-key': 'image-1' });
    expect(res.status).toBe(202);
    expect(res.body.job.type).toBe('content.image');
    const job = await waitFor(async () => {
      const j = await call('GET', `/v1/jobs/${res.body.job.id}`);
      return ['done', 'error'].includes(j.body.status) ? j.body : null;
    }, 30_000, 50);
    expect(job).toMatchObject({ status: 'done', result: { media_index: 0, credits_billed: 1, credits_reserved: 0 } });
    const item = await call('GET', `/v1/content/${made.body.id}`);
    expect(item.body.media).toEqual([expect.objectContaining({ index: 0, type: 'image', status: 'pending', aspect_ratio: '1:1', ai_generated: true })]);
    const png = await download(item.body.media[0].url, 'card.png');
    expect(png.res.headers.get('content-type')).toBe('image/png');
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1080, 1080]);
    expect(readProvenance(png.bytes, 'png')?.digitalSourceType).toBe(TRAINED_ALGORITHMIC_MEDIA);

    expect((await call('POST', `/v1/content/${made.body.id}/media`, { type: 'video' })).status).toBe(422);
    expect((await other('POST', `/v1/content/${made.body.id}/media`, { type: 'image' })).status).toBe(404);
  }, 60_000);

  it('renders a bulk batch from a CSV, and refuses a bad CSV by line without starting anything', async () => {
    const bad = await call('POST', '/v1/content/bulk', { agent_id: agentId, csv: 'script,platform,voice_id\nHello there.,instagram,en-US\nSecond one.,myspace,en-US\n' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'csv', message: expect.stringMatching(/^line 3, platform/) });
    expect((await call('POST', '/v1/content/bulk', { agent_id: agentId, csv: 'platform\nx\n' })).status).toBe(422);
    expect((await call('POST', '/v1/content/bulk', { agent_id: agentId, csv: '' })).status).toBe(422);
    const tooMany = `script,platform\n${Array.from({ length: 101 }, (_, i) => `Line ${i}.,x`).join('\n')}\n`;
    expect((await call('POST', '/v1/content/bulk', { agent_id: agentId, csv: tooMany })).body.errors[0].code).toBe('too_many_rows');
    const unspoken = await call('POST', '/v1/content/bulk', { agent_id: agentId, csv: 'script,platform,language\nBonjour.,x,fr\n' });
    expect(unspoken.status).toBe(422);
    expect(unspoken.body.errors[0].message).toMatch(/^line 2/);

    const csv = 'script,platform,voice_id,duration_seconds\n"Morning miles, done. Here is what I learned.",instagram,en-US-Neural2-A,5\nGuten Morgen! Heute laufen wir locker.,tiktok,de,5\n';
    const res = await call('POST', '/v1/content/bulk', { agent_id: agentId, csv }, { 'idempotency-key': 'bulk-1' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ object: 'bulk_batch', total_rows: 2, status: 'processing' });
    expect(res.body.rows.map((r: { line: number }) => r.line)).toEqual([2, 3]);
    const replay = await call('POST', '/v1/content/bulk', { agent_id: agentId, csv }, { 'idempotency-key': 'bulk-1' });
    expect(replay.body.id).toBe(res.body.id);
    const batch = await waitFor(async () => {
      const b = await call('GET', `/v1/content/bulk/${res.body.id}`);
      return b.body.status !== 'processing' ? b.body : null;
    }, 120_000, 100);
    expect(batch).toMatchObject({ status: 'done', rows_done: 2, rows_failed: 0, progress: 100 });
    for (const row of batch.rows) {
      const file = await download(row.video_url, `${row.line}.mp4`);
      expect(Math.abs((await probeMedia(file.path)).durationSeconds - 5)).toBeLessThanOrEqual(0.2);
    }
    expect((await other('GET', `/v1/content/bulk/${res.body.id}`)).status).toBe(404);

    // The CSV file itself as the body, the other fields in the query (curl --data-binary @reels.csv).
    const upload = (path: string, body: string) => call('POST', path, body, { 'content-type': 'text/csv' });
    const uploaded = await upload(`/v1/content/bulk?agent_id=${agentId}&duration_seconds=5&platform=x`, '\uFEFFscript\nOne line from a file.\n');
    expect(uploaded.status).toBe(202);
    expect(uploaded.body.rows).toHaveLength(1);
    expect((await upload(`/v1/content/bulk?agent_id=${agentId}&duration_seconds=99`, 'script,platform\nHi,x\n')).body.errors[0].field).toBe('duration_seconds');
    expect((await upload('/v1/content/bulk', 'script,platform\nHi,x\n')).body.errors[0].field).toBe('agent_id');
    expect((await upload(`/v1/content/bulk?agent_id=${agentId}`, 'script,platform\n"never closed,x\n')).body.errors[0]).toMatchObject({ field: 'csv', code: 'not_csv' });
    // Other routes still take JSON only.
    expect((await upload('/v1/content/video/generate', 'script\nhi\n')).status).toBe(415);
    const one = await waitFor(async () => {
      const b = await call('GET', `/v1/content/bulk/${uploaded.body.id}`);
      return b.body.status !== 'processing' ? b.body : null;
    }, 60_000, 100);
    expect(one.status).toBe('done');
  }, 180_000);

  it('ends a render whose tools are missing with a clear error and a refund', async () => {
    process.env.FFMPEG_PATH = join(dir, 'no-such-ffmpeg');
    try {
      const res = await call('POST', '/v1/content/video/generate', { agent_id: agentId, platform: 'tiktok', scene_description: 'No tools here', duration_seconds: 5 });
      const { status } = await finish(call, res.body.content.id);
      expect(status.status).toBe('error');
      expect(status.error.code).toBe('media_tool_missing');
      expect(status.error.message).toMatch(/ffmpeg/);
      expect((await call('GET', `/v1/jobs/${res.body.job.id}`)).body.result).toMatchObject({ credits_reserved: 0, credits_refunded: 5, credits_billed: 0 });
      expect((await call('GET', `/v1/content/${res.body.content.id}`)).body.status).toBe('failed');
    } finally {
      delete process.env.FFMPEG_PATH;
    }
  }, 60_000);
});
