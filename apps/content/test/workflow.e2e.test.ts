import type { DataSource } from 'typeorm';
import { openServiceDatabase } from '@influgentic/persistence';
import { apiClient, readEvents, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';

type Call = ReturnType<typeof apiClient>;

const AGENT = 'agent_velo_automotive';
const PRODUCT = { name: 'EV Series X Pro', key_claims: ['800 km range', '15-minute fast charging'], target_use: 'long-distance commuting' };

describe('content workflow: queue, moderation, scheduling, publishing (e2e over HTTP)', () => {
  let platform: Platform;
  let admin: Call;
  let call: Call;
  let keyId: string;
  let db: DataSource;
  const items: Record<string, string> = {};

  async function newOrg() {
    const res = await admin('POST', '/admin/v1/organizations', { name: `Workflow ${Math.random().toString(36).slice(2, 8)}`, plan: 'enterprise' });
    expect(res.status).toBe(201);
    return { token: res.body.api_key.token as string, keyId: res.body.api_key.id as string, call: apiClient(platform.url, res.body.api_key.token) };
  }

  async function generate(c: Call, format: string, agent = AGENT): Promise<any> {
    const res = await c('POST', `/v1/agents/${agent}/content`, { content_type: 'product_review', product: PRODUCT, format, language: 'en' });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending_review');
    return res.body;
  }

  const get = async (id: string) => (await call('GET', `/v1/content/${id}`)).body;

  beforeAll(async () => {
    process.env.CONTENT_PUBLISH_TICK_MS = '150';
    platform = await startPlatform(['registry', 'content']);
    admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    const org = await newOrg();
    call = org.call;
    keyId = org.keyId;
    db = await openServiceDatabase({ schema: 'content', entities: [], migrations: [], poolSize: 1 });
    items.x1 = (await generate(call, 'x_post')).id;
    items.x2 = (await generate(call, 'x_post')).id;
    items.ig = (await generate(call, 'instagram_caption')).id;
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await platform?.close();
    delete process.env.CONTENT_PUBLISH_TICK_MS;
  });

  it('lists the queue with filters and keyset cursors', async () => {
    const all = await call('GET', '/v1/content');
    expect(all.status).toBe(200);
    expect(all.body.data.map((i: any) => i.id)).toEqual([items.ig, items.x2, items.x1]);
    expect(all.body.meta).toEqual({ total: 3, limit: 20, next_cursor: null });
    expect(all.body.data[0].history).toBeUndefined();

    const x = await call('GET', '/v1/content?platform=x&status=pending_review');
    expect(x.body.data.map((i: any) => i.id)).toEqual([items.x2, items.x1]);
    expect((await call('GET', '/v1/content?status=approved')).body.data).toEqual([]);
    expect((await call('GET', `/v1/content?agent_id=${AGENT}`)).body.meta.total).toBe(3);
    expect((await call('GET', '/v1/content?agent_id=agent_nobody')).body.data).toEqual([]);
    expect((await call('GET', '/v1/content?campaign_id=camp_nothing')).body.data).toEqual([]);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await call('GET', `/v1/content?created_after=${encodeURIComponent(future)}`)).body.data).toEqual([]);
    expect((await call('GET', `/v1/content?created_before=${encodeURIComponent(future)}`)).body.meta.total).toBe(3);

    // Pages of one, stable, ending with a null cursor.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await call('GET', `/v1/content?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.meta.total).toBe(3);
      seen.push(...page.body.data.map((i: any) => i.id));
      cursor = page.body.meta.next_cursor;
    } while (cursor);
    expect(seen).toEqual([items.ig, items.x2, items.x1]);

    const firstCursor = (await call('GET', '/v1/content?limit=1')).body.meta.next_cursor;
    const wrongList = await call('GET', `/v1/content?limit=1&platform=x&cursor=${firstCursor}`);
    expect(wrongList.status).toBe(422);
    expect(wrongList.body.errors[0].field).toBe('cursor');
    const badDate = await call('GET', '/v1/content?scheduled_before=2025-02-30');
    expect(badDate.status).toBe(422);
    expect(badDate.body.errors[0].field).toBe('scheduled_before');
  });

  it('PATCH re-checks the platform limits and accepts what GET returned', async () => {
    const item = await get(items.x1);
    expect(item.history.map((h: any) => [h.action, h.actor.kind])).toEqual([['generate', 'key'], ['complete', 'system']]);

    const tooLong = await call('PATCH', `/v1/content/${items.x1}`, { caption: `${item.disclosures.join(' ')} ${'a'.repeat(300)}` });
    expect(tooLong.status).toBe(422);
    expect(tooLong.headers.get('content-type')).toContain('application/problem+json');
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'caption', code: 'platform_limit' })]);

    const same = await call('PATCH', `/v1/content/${items.x1}`, item);
    expect(same.status).toBe(200);
    expect(same.body.updated_at).toBe(item.updated_at);

    const readOnly = await call('PATCH', `/v1/content/${items.x1}`, { agent_id: 'agent_other' });
    expect(readOnly.status).toBe(422);
    expect(readOnly.body.errors[0]).toEqual(expect.objectContaining({ field: 'agent_id', code: 'read_only' }));

    const edited = await call('PATCH', `/v1/content/${items.x1}`, { hashtags: ['EVLife'] });
    expect(edited.status).toBe(200);
    expect(edited.body.hashtags).toEqual(['#EVLife']);
    expect(edited.body.caption.endsWith('#EVLife')).toBe(true);

    const past = await call('PATCH', `/v1/content/${items.x1}`, { scheduled_at: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(422);
    expect(past.body.errors[0].field).toBe('scheduled_at');
  });

  it('approve → schedule → published by the scheduler → locked → unpublish, every step in the history', async () => {
    const approved = await call('POST', `/v1/content/${items.x1}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const again = await call('POST', `/v1/content/${items.x1}/approve`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_state');
    expect(again.body.message).toContain('is approved');

    const at = new Date(Date.now() + 1200).toISOString();
    const scheduled = await call('PATCH', `/v1/content/${items.x1}`, { scheduled_at: at });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.status).toBe('scheduled');
    expect(scheduled.body.scheduled_at).toBe(at);

    const published = await waitFor(async () => {
      const i = await get(items.x1);
      return i.status === 'published' ? i : null;
    }, 15_000);
    expect(new Date(published.published_at).getTime()).toBeGreaterThanOrEqual(new Date(at).getTime());
    const status = await call('GET', `/v1/content/${items.x1}/publish/status`);
    expect(status.body).toEqual(expect.objectContaining({
      content_id: items.x1, status: 'published', platform: 'x', attempts: 1, last_error: null, post_url: `/published/${items.x1}`,
    }));
    expect(status.body.post_id).toMatch(/^post_/);
    const page = await fetch(`${platform.url}${status.body.post_url}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain(status.body.post_id);
    const events = await readEvents<{ content_id: string }>('content.published');
    expect(events.filter((e) => e.data.content_id === items.x1)).toHaveLength(1);
    expect((await readEvents<{ content_id: string }>('content.approved')).some((e) => e.data.content_id === items.x1)).toBe(true);

    const locked = await call('PATCH', `/v1/content/${items.x1}`, { caption: 'changed after publish' });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('invalid_state');
    expect((await call('POST', `/v1/content/${items.x1}/approve`)).status).toBe(409);
    expect((await call('POST', `/v1/content/${items.x1}/reject`, { reason: 'too late' })).status).toBe(409);
    expect((await call('DELETE', `/v1/content/${items.x1}`)).status).toBe(409);

    const pulled = await call('POST', `/v1/content/${items.x1}/unpublish`);
    expect(pulled.status).toBe(200);
    expect(pulled.body).toEqual(expect.objectContaining({ status: 'approved', published_at: null, scheduled_at: null }));
    const gone = await fetch(`${platform.url}/published/${items.x1}`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toContain('application/problem+json');
    expect(pulled.body.history.map((h: any) => [h.from, h.to, h.action, h.actor.kind, h.actor.id])).toEqual([
      [null, 'generating', 'generate', 'key', keyId],
      ['generating', 'pending_review', 'complete', 'system', null],
      ['pending_review', 'approved', 'approve', 'key', keyId],
      ['approved', 'scheduled', 'schedule', 'key', keyId],
      ['scheduled', 'published', 'publish', 'system', null],
      ['published', 'approved', 'unpublish', 'key', keyId],
    ]);
    expect(pulled.body.history.every((h: any) => !Number.isNaN(Date.parse(h.at)))).toBe(true);
  });

  it('publishes now on request, and schedules for a later `at`', async () => {
    const now = await call('POST', `/v1/content/${items.x1}/publish`, {});
    expect(now.status).toBe(200);
    expect(now.body.status).toBe('published');
    expect(now.body.history.at(-1)).toEqual(expect.objectContaining({ from: 'approved', to: 'published', action: 'publish', actor: { kind: 'key', id: keyId } }));
    expect((await call('POST', `/v1/content/${items.x1}/publish`, {})).status).toBe(409);
    expect((await call('POST', `/v1/content/${items.x1}/unpublish`)).body.status).toBe('approved');

    const later = new Date(Date.now() + 86_400_000).toISOString();
    const sched = await call('POST', `/v1/content/${items.x1}/publish`, { at: later });
    expect(sched.body).toEqual(expect.objectContaining({ status: 'scheduled', scheduled_at: later }));
    const cancelled = await call('POST', `/v1/content/${items.x1}/unpublish`);
    expect(cancelled.body).toEqual(expect.objectContaining({ status: 'approved', scheduled_at: null }));
  });

  it('rejects with a reason, and regenerates keeping the id and the history', async () => {
    const rejected = await call('POST', `/v1/content/${items.x2}/reject`, { reason: 'Too salesy' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toEqual(expect.objectContaining({ status: 'rejected', rejection_reason: 'Too salesy' }));
    expect(rejected.body.history.at(-1)).toEqual(expect.objectContaining({ action: 'reject', reason: 'Too salesy', actor: { kind: 'key', id: keyId } }));
    const events = await readEvents<{ content_id: string; reason: string }>('content.rejected');
    expect(events.find((e) => e.data.content_id === items.x2)?.data.reason).toBe('Too salesy');
    expect((await call('POST', `/v1/content/${items.x2}/approve`)).status).toBe(409);

    const regenerated = await call('POST', `/v1/content/${items.x2}/regenerate`);
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.id).toBe(items.x2);
    expect(regenerated.body.status).toBe('pending_review');
    expect(regenerated.body.rejection_reason).toBeUndefined();
    expect(regenerated.body.caption.length).toBeGreaterThan(0);
    expect(regenerated.body.history.map((h: any) => h.action)).toEqual(['generate', 'complete', 'reject', 'regenerate', 'complete']);
    expect((await call('GET', '/v1/content')).body.meta.total).toBe(3);
  });

  it('agent-scoped mirrors act on the agent’s items only', async () => {
    const wrongAgent = await call('POST', `/v1/agents/agent_nobody/content/${items.x2}/approve`);
    expect(wrongAgent.status).toBe(404);
    const ok = await call('POST', `/v1/agents/${AGENT}/content/${items.x2}/approve`, { reason: 'fine now' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    const rej = await call('POST', `/v1/agents/${AGENT}/content/${items.x2}/reject`, {});
    expect(rej.body.status).toBe('rejected');
    const regen = await call('POST', `/v1/agents/${AGENT}/content/${items.x2}/regenerate`);
    expect(regen.body).toEqual(expect.objectContaining({ id: items.x2, status: 'pending_review' }));
  });

  it('approves and rejects media one by one', async () => {
    await db.query(`UPDATE content.content_items SET media = $2 WHERE id = $1`, [items.ig, JSON.stringify([
      { index: 0, type: 'image', url: 'https://cdn.example/a.png', status: 'pending' },
      { index: 1, type: 'image', url: 'https://cdn.example/b.png', status: 'pending' },
    ])]);
    const a = await call('POST', `/v1/content/${items.ig}/media/0/approve`);
    expect(a.status).toBe(200);
    const r = await call('POST', `/v1/content/${items.ig}/media/1/reject`, { reason: 'blurry' });
    expect(r.body.media.map((m: any) => m.status)).toEqual(['approved', 'rejected']);
    expect(r.body.status).toBe('pending_review');
    expect(r.body.history.slice(-2)).toEqual([
      expect.objectContaining({ action: 'approve_media', media_index: 0, from: 'pending_review', to: 'pending_review' }),
      expect.objectContaining({ action: 'reject_media', media_index: 1, reason: 'blurry' }),
    ]);
    expect((await call('POST', `/v1/content/${items.ig}/media/7/approve`)).status).toBe(404);
    expect((await call('POST', `/v1/content/${items.ig}/media/x/approve`)).status).toBe(404);
  });

  it('keeps other organizations, sandbox keys and narrowed requests out', async () => {
    const other = await newOrg();
    for (const [method, path] of [
      ['GET', `/v1/content/${items.ig}`], ['PATCH', `/v1/content/${items.ig}`], ['POST', `/v1/content/${items.ig}/approve`],
      ['POST', `/v1/content/${items.ig}/reject`], ['POST', `/v1/content/${items.ig}/regenerate`], ['GET', `/v1/content/${items.ig}/publish/status`],
      ['POST', `/v1/content/${items.ig}/publish`], ['POST', `/v1/content/${items.ig}/unpublish`], ['DELETE', `/v1/content/${items.ig}`],
      ['POST', `/v1/content/${items.ig}/media/0/approve`], ['POST', `/v1/agents/${AGENT}/content/${items.ig}/approve`],
    ] as const) {
      const res = await other.call(method, path, method === 'PATCH' ? { cta: 'x' } : undefined);
      expect([method, path, res.status, res.body.code]).toEqual([method, path, 404, 'not_found']);
    }
    expect((await other.call('GET', '/v1/content')).body.data).toEqual([]);

    const sandboxKey = await call('POST', '/v1/api-keys', { name: 'sandbox', scopes: ['content:read', 'content:write'], mode: 'test' });
    expect(sandboxKey.status).toBe(201);
    const sandbox = apiClient(platform.url, sandboxKey.body.token);
    expect((await sandbox('GET', `/v1/content/${items.ig}`)).status).toBe(404);
    expect((await sandbox('POST', `/v1/content/${items.ig}/approve`)).status).toBe(404);
    expect((await sandbox('GET', '/v1/content')).body.data).toEqual([]);

    const narrowed = { 'x-influgentic-agent': 'agent_lumiere_fashion' };
    const forbidden = await call('GET', `/v1/content/${items.ig}`, undefined, narrowed);
    expect(forbidden.status).toBe(403);
    expect((await call('POST', `/v1/content/${items.ig}/approve`, undefined, narrowed)).status).toBe(403);
    expect((await call('PATCH', `/v1/content/${items.ig}`, { cta: 'x' }, narrowed)).status).toBe(403);
    expect((await call('GET', '/v1/content', undefined, narrowed)).body.data).toEqual([]);
    expect((await call('GET', '/v1/content', undefined, { 'x-influgentic-agent': AGENT })).body.meta.total).toBe(3);
  });

  it('deletes softly: a repeat answers like the first, the item is gone', async () => {
    const first = await call('DELETE', `/v1/content/${items.ig}`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ id: items.ig, deleted: true });
    const second = await call('DELETE', `/v1/content/${items.ig}`);
    expect([second.status, second.body]).toEqual([200, first.body]);
    expect((await call('GET', `/v1/content/${items.ig}`)).status).toBe(404);
    expect((await call('GET', '/v1/content')).body.meta.total).toBe(2);
  });

  it('a platform that refuses leaves publish_failed; retry and unpublish from there', async () => {
    await platform.stopService('content');
    process.env.CONTENT_PUBLISHER = 'refuse';
    try {
      await platform.startService('content');
      const failed = await call('POST', `/v1/content/${items.x1}/publish`, {});
      expect(failed.status).toBe(200);
      expect(failed.body.status).toBe('publish_failed');
      expect(failed.body.history.at(-1)).toEqual(expect.objectContaining({ from: 'approved', to: 'publish_failed', action: 'publish_fail', reason: 'the platform refused the post' }));
      const status = (await call('GET', `/v1/content/${items.x1}/publish/status`)).body;
      expect(status).toEqual(expect.objectContaining({ status: 'publish_failed', last_error: 'the platform refused the post', post_id: null }));
      const retried = await call('POST', `/v1/content/${items.x1}/publish/retry`);
      expect(retried.body.status).toBe('publish_failed');
      expect((await call('GET', `/v1/content/${items.x1}/publish/status`)).body.attempts).toBe(status.attempts + 1);
      expect((await readEvents<{ content_id: string }>('content.publish_failed')).filter((e) => e.data.content_id === items.x1).length).toBeGreaterThanOrEqual(2);
      // The scheduler meets the same refusal.
      const soon = new Date(Date.now() + 600).toISOString();
      expect((await call('PATCH', `/v1/content/${items.x1}`, { scheduled_at: soon })).body.status).toBe('scheduled');
      await waitFor(async () => (await get(items.x1)).status === 'publish_failed', 15_000);
      const back = await call('POST', `/v1/content/${items.x1}/unpublish`);
      expect(back.body.status).toBe('approved');
      expect((await call('POST', `/v1/content/${items.x2}/publish/retry`)).status).toBe(409);
    } finally {
      await platform.stopService('content');
      delete process.env.CONTENT_PUBLISHER;
      await platform.startService('content');
    }
  }, 60_000);
});
