import { Client } from 'pg';
import { databaseUrl } from '@influgentic/persistence';
import { apiClient, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';

type Call = ReturnType<typeof apiClient>;

const PERSONA = 'RIVA reviews electric cars for commuters: range, charging and cost, explained plainly. Tone: warm, precise.';
const PRODUCT = { name: 'EV Series X Pro', key_claims: ['800 km range', '15-minute fast charging'], target_use: 'long-distance commuting' };

describe('caption variants and review links (e2e over HTTP, real Postgres and NATS)', () => {
  let platform: Platform;
  let admin: Call;
  let call: Call;
  let agentId: string;
  let db: Client;

  async function newOrg() {
    const res = await admin('POST', '/admin/v1/organizations', { name: `Review ${Math.random().toString(36).slice(2, 8)}`, plan: 'enterprise' });
    expect(res.status).toBe(201);
    return { id: res.body.organization.id as string, call: apiClient(platform.url, res.body.api_key.token) };
  }

  async function buildAgent(c: Call): Promise<string> {
    const res = await c('POST', '/v1/agents', { name: 'RIVA', category: 'automotive', persona_prompt: PERSONA, languages: ['en', 'de'] });
    expect(res.status).toBe(202);
    await waitFor(async () => (await c('GET', `/v1/agents/${res.body.id}`)).body.status === 'ready', 15_000);
    return res.body.id;
  }

  async function item(c: Call = call, agent = agentId, overrides: Record<string, unknown> = {}) {
    const res = await c('POST', `/v1/agents/${agent}/content`, {
      content_type: 'product_review', product: PRODUCT, format: 'instagram_caption', platform: 'instagram', language: 'en', ...overrides,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; caption: string; cta: string; hashtags: string[]; status: string };
  }

  /** The page, as a browser asks for it. */
  const page = (path: string) => fetch(`${platform.url}${path}`, { headers: { accept: 'text/html' } });
  const form = (path: string, fields: Record<string, string>) => fetch(`${platform.url}${path}`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(fields).toString(),
  });
  const pathOf = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    platform = await startPlatform(['registry', 'content']);
    admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    call = (await newOrg()).call;
    agentId = await buildAgent(call);
    db = new Client({ connectionString: databaseUrl() });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  describe('caption variants', () => {
    it('writes 2 or 3 real rewrites, lists them, and selecting one copies it into the caption (in the history)', async () => {
      const it1 = await item();
      const three = await call('POST', `/v1/content/${it1.id}/variants`, { count: 3 });
      expect(three.status).toBe(201);
      expect(three.body.content_id).toBe(it1.id);
      expect(three.body.data.map((v: { style: string }) => v.style)).toEqual(['story-led', 'question-led', 'cta-led']);
      for (const v of three.body.data) {
        expect(v.caption).not.toBe(it1.caption);
        expect(v.caption.startsWith('#ad · AI-generated\n') || v.caption.startsWith('AI-generated\n')).toBe(true);
        expect([...v.caption].length).toBeLessThanOrEqual(2200);
      }
      const [, question, cta] = three.body.data;
      expect(question.caption.split('\n\n')[0].split('\n').pop()).toMatch(/\?$/);
      expect(cta.caption.split('\n')[1]).toBe(it1.cta);

      const two = await call('POST', `/v1/content/${it1.id}/variants`, { count: 2, styles: ['punchy'] });
      expect(two.status).toBe(201);
      expect(two.body.data.map((v: { idx: number; style: string }) => [v.idx, v.style])).toEqual([[0, 'punchy'], [1, 'story-led']]);
      const listed = await call('GET', `/v1/content/${it1.id}/variants`);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({ content_id: it1.id, data: two.body.data, selected_variant: null });

      const selected = await call('PUT', `/v1/content/${it1.id}/variants/0/select`);
      expect(selected.status).toBe(200);
      expect(selected.body.caption).toBe(two.body.data[0].caption);
      expect(selected.body.selected_variant).toBe(0);
      expect(selected.body.variants).toHaveLength(2);
      expect(selected.body.history.map((h: { action: string }) => h.action)).toContain('select_variant');
      const again = await call('PUT', `/v1/content/${it1.id}/variants/0/select`);
      expect(again.status).toBe(200);
      expect(again.body.history.filter((h: { action: string }) => h.action === 'select_variant')).toHaveLength(1);
      expect((await call('PUT', `/v1/content/${it1.id}/variants/7/select`)).status).toBe(404);
      expect((await call('PUT', `/v1/content/${it1.id}/variants/x/select`)).status).toBe(404);
    });

    it('refuses a count outside 2..3, unknown or repeated styles, and more styles than count (422 naming the field)', async () => {
      const it1 = await item();
      for (const [body, field] of [
        [{ count: 4 }, 'count'], [{ count: 1 }, 'count'], [{ count: 2, styles: ['shouty'] }, 'styles'],
        [{ count: 2, styles: ['punchy', 'punchy'] }, 'styles'], [{ count: 2, styles: ['punchy', 'story-led', 'cta-led'] }, 'styles'],
        [{ count: 2, extra: true }, 'extra'],
      ] as const) {
        const res = await call('POST', `/v1/content/${it1.id}/variants`, body);
        expect(res.status).toBe(422);
        expect(res.body.errors.map((e: { field: string }) => e.field.split('[')[0])).toContain(field);
      }
    });

    it('locks variants once the item is published (409), and keeps them to other organizations and modes (404)', async () => {
      const it1 = await item();
      expect((await call('POST', `/v1/content/${it1.id}/variants`, { count: 2 })).status).toBe(201);
      expect((await call('POST', `/v1/content/${it1.id}/approve`)).status).toBe(200);
      const published = await call('POST', `/v1/content/${it1.id}/publish`);
      expect(published.status).toBe(200);
      await waitFor(async () => (await call('GET', `/v1/content/${it1.id}`)).body.status === 'published', 10_000);
      const refused = await call('POST', `/v1/content/${it1.id}/variants`, { count: 2 });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('invalid_state');
      expect((await call('PUT', `/v1/content/${it1.id}/variants/1/select`)).status).toBe(409);

      const other = await newOrg();
      expect((await other.call('POST', `/v1/content/${it1.id}/variants`, { count: 2 })).status).toBe(404);
      expect((await other.call('GET', `/v1/content/${it1.id}/variants`)).status).toBe(404);
      const key = await call('POST', '/v1/api-keys', { name: 'sandbox', scopes: ['content:read', 'content:write', 'content:generate'], mode: 'test' });
      const sandbox = apiClient(platform.url, key.body.token);
      expect((await sandbox('GET', `/v1/content/${it1.id}/variants`)).status).toBe(404);
    });

    it('replays a keyed request instead of writing a second set', async () => {
      const it1 = await item();
      const first = await call('POST', `/v1/content/${it1.id}/variants`, { count: 2 }, { 'idempotency-key': `var-${it1.id}` });
      const second = await call('POST', `/v1/content/${it1.id}/variants`, { count: 2 }, { 'idempotency-key': `var-${it1.id}` });
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
    });
  });

  describe('review links', () => {
    it('shows the items escaped, takes approve/reject by form and by JSON, attributes them to the link, and dies when revoked', async () => {
      const [a, b, c, d] = [await item(), await item(), await item(), await item()];
      // A caption with markup: the page must show it as text.
      const edited = await call('PATCH', `/v1/content/${d.id}`, { caption: '#ad · AI-generated\n<script>alert(1)</script> & "quotes"' });
      expect(edited.status).toBe(200);
      const created = await call('POST', '/v1/content/review-links', { content_ids: [a.id, b.id, c.id, d.id], note: 'Monday <b>batch</b>' });
      expect(created.status).toBe(201);
      expect(created.body.id).toMatch(/^rvl_/);
      expect(created.body.url).toMatch(/\/review\/[A-Za-z0-9_-]{43}$/);
      expect(Date.parse(created.body.expires_at) - Date.now()).toBeGreaterThan(71 * 3_600_000);
      const path = pathOf(created.body.url);
      const token = path.split('/').pop() as string;
      const stored = await db.query('SELECT token_hash FROM content.review_links WHERE id = $1', [created.body.id]);
      expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored.rows)).not.toContain(token);

      const html = await page(path);
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toMatch(/^text\/html/);
      expect(html.headers.get('referrer-policy')).toBe('no-referrer');
      const text = await html.text();
      expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
      expect(text).not.toContain('<script>alert(1)');
      expect(text).toContain('Monday &lt;b&gt;batch&lt;/b&gt;');
      for (const it1 of [a, b, c]) expect(text).toContain(`id="item-${it1.id}"`);
      expect(text).toContain(`action="/review/${token}/items/${a.id}/approve"`);

      // Form posts, as the page sends them: 303 back to the page.
      const approved = await form(`${path}/items/${a.id}/approve`, { comment: 'Love it' });
      expect(approved.status).toBe(303);
      expect(approved.headers.get('location')).toBe(`${path}?done=${a.id}&decision=approve#item-${a.id}`);
      const rejected = await form(`${path}/items/${b.id}/reject`, { comment: 'Too salesy' });
      expect(rejected.status).toBe(303);
      // JSON, as a client would.
      const json = await apiClient(platform.url)('POST', `${path}/items/${c.id}/reject`, { comment: 'Wrong product shot' });
      expect(json.status).toBe(200);
      expect(json.body).toEqual({ content_id: c.id, decision: 'reject', status: 'rejected' });
      // Deciding again what is already decided goes back to the page (form) or is a 409 (JSON).
      expect((await form(`${path}/items/${a.id}/approve`, {})).headers.get('location')).toContain(`conflict=${a.id}`);
      expect((await apiClient(platform.url)('POST', `${path}/items/${a.id}/approve`, {})).status).toBe(409);

      const linkActor = { kind: 'review_link', id: created.body.id };
      const itemA = (await call('GET', `/v1/content/${a.id}`)).body;
      expect(itemA.status).toBe('approved');
      expect(itemA.history.at(-1)).toMatchObject({ from: 'pending_review', to: 'approved', actor: linkActor, reason: 'Love it' });
      const itemB = (await call('GET', `/v1/content/${b.id}`)).body;
      expect(itemB).toMatchObject({ status: 'rejected', rejection_reason: 'Too salesy' });
      expect(itemB.history.at(-1)).toMatchObject({ to: 'rejected', actor: linkActor });
      expect((await call('GET', `/v1/content/${c.id}`)).body.history.at(-1)).toMatchObject({ actor: linkActor, reason: 'Wrong product shot' });
      expect(await (await page(`${path}?done=${a.id}&decision=approve`)).text()).toContain('Thanks');

      // An item the link does not cover is not there, whatever it is.
      const outside = await item();
      expect((await apiClient(platform.url)('POST', `${path}/items/${outside.id}/approve`, {})).status).toBe(404);
      expect((await call('GET', `/v1/content/${outside.id}`)).body.status).toBe('pending_review');

      const revoked = await call('DELETE', `/v1/content/review-links/${created.body.id}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body.revoked_at).not.toBeNull();
      const repeat = await call('DELETE', `/v1/content/review-links/${created.body.id}`);
      expect(repeat.body).toEqual(revoked.body);
      const gone = await page(path);
      expect(gone.status).toBe(404);
      expect(await gone.text()).toContain('not available');
      const goneJson = await apiClient(platform.url)('GET', path);
      expect(goneJson.status).toBe(404);
      expect(goneJson.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await apiClient(platform.url)('POST', `${path}/items/${d.id}/approve`, {})).status).toBe(404);
    });

    it('answers an expired, unknown or malformed token with the same 404', async () => {
      const it1 = await item();
      const created = await call('POST', '/v1/content/review-links', { content_ids: [it1.id], expires_in_hours: 1 });
      expect(created.status).toBe(201);
      const path = pathOf(created.body.url);
      expect((await page(path)).status).toBe(200);
      await db.query(`UPDATE content.review_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.body.id]);
      const answers = await Promise.all([path, '/review/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/review/short'].map((p) => apiClient(platform.url)('GET', p)));
      for (const res of answers) {
        expect(res.status).toBe(404);
        expect(res.body.message).toBe(answers[0].body.message);
      }
    });

    it('refuses another organization\'s items and bad bodies at creation, and keeps links to their organization and mode', async () => {
      const other = await newOrg();
      const otherAgent = await buildAgent(other.call);
      const foreign = await item(other.call, otherAgent);
      const mine = await item();
      const refused = await call('POST', '/v1/content/review-links', { content_ids: [mine.id, foreign.id] });
      expect(refused.status).toBe(404);
      expect(refused.body.message).toContain(foreign.id);
      for (const body of [{}, { content_ids: [] }, { content_ids: [mine.id], week: '2030-01-07', agent_id: agentId }, { week: '2030-01-08', agent_id: agentId }, { content_ids: [mine.id], expires_in_hours: 721 }]) {
        expect((await call('POST', '/v1/content/review-links', body)).status).toBe(422);
      }
      const link = await call('POST', '/v1/content/review-links', { content_ids: [mine.id] });
      expect((await other.call('DELETE', `/v1/content/review-links/${link.body.id}`)).status).toBe(404);

      // Sandbox: a test key's link covers test items only; live items are not there for it, and its link is not the live key's.
      const key = await call('POST', '/v1/api-keys', { name: 'sandbox', scopes: ['content:read', 'content:write', 'content:generate', 'agents:read', 'agents:write'], mode: 'test' });
      const sandbox = apiClient(platform.url, key.body.token);
      expect((await sandbox('POST', '/v1/content/review-links', { content_ids: [mine.id] })).status).toBe(404);
      const testItem = await item(sandbox, await buildAgent(sandbox));
      const testLink = await sandbox('POST', '/v1/content/review-links', { content_ids: [testItem.id] });
      expect(testLink.status).toBe(201);
      expect(testLink.body.livemode).toBe(false);
      expect((await call('DELETE', `/v1/content/review-links/${testLink.body.id}`)).status).toBe(404);
      const decided = await apiClient(platform.url)('POST', `${pathOf(testLink.body.url)}/items/${testItem.id}/approve`, {});
      expect(decided.body.status).toBe('approved');
      expect((await sandbox('GET', `/v1/content/${testItem.id}`)).body.status).toBe('approved');
    });

    it('resolves an agent\'s week to the items scheduled in it', async () => {
      const monday = new Date(Date.now() + 14 * 86_400_000);
      monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
      const week = monday.toISOString().slice(0, 10);
      const inWeek = await item();
      const at = new Date(Date.parse(`${week}T10:00:00Z`) + 86_400_000).toISOString();
      expect((await call('PATCH', `/v1/content/${inWeek.id}`, { scheduled_at: at })).status).toBe(200);
      await item();
      const link = await call('POST', '/v1/content/review-links', { week, agent_id: agentId });
      expect(link.status).toBe(201);
      expect(link.body).toMatchObject({ week, agent_id: agentId, content_ids: [inWeek.id] });
      const empty = await call('POST', '/v1/content/review-links', { week: '2099-01-05', agent_id: agentId });
      expect(empty.status).toBe(422);
      expect(empty.body.errors[0].field).toBe('week');
    });

    // Last: it leaves this address blocked from the review routes for the rest of the minute.
    it('limits guessing: unknown tokens from one address end in 429 with Retry-After', async () => {
      let res: Response | undefined;
      for (let i = 0; i < 90; i++) {
        res = await fetch(`${platform.url}/review/${String(i).padStart(43, 'G')}`);
        if (res.status === 429) break;
        expect(res.status).toBe(404);
      }
      expect(res?.status).toBe(429);
      expect(Number(res?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(res?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });
  });
});
