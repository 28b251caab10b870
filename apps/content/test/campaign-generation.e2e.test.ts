import { DataSource } from 'typeorm';
import { CampaignSubjects, DomainError, newId, type SpendReservation } from '@influgentic/contracts';
import { BusClient } from '@influgentic/messaging';
import { apiClient, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { LAUNCH_CAMPAIGN } from '../../../tools/testing/fixtures';
import { PlatformClients } from '../src/generate/platform-clients';
import { UnfinishedWorker } from '../src/generate/unfinished.worker';
import type { ContentItemEntity } from '../src/items/content-item.entity';
import { ContentRepository } from '../src/items/content.repository';
import { postSse, streamedText } from './sse-client';

type Call = ReturnType<typeof apiClient>;

const PERSONA = 'MIRA is a multilingual AI influencer for electric mobility and smart commuting. Expert in battery technology, charging networks and total cost of ownership. Tone: precise, warm, practical; never hype.';

/** VELO bills 4 USD a piece in live mode. */
const LAUNCH = LAUNCH_CAMPAIGN;

/**
 * Generation inside a campaign: the campaign's product, tone, languages and compliance mode apply, spend is held
 * before writing, settled after storing, released when nothing is stored (a refusal, a failure, a client that left).
 */
describe('campaign generation (e2e: registry, campaigns and content over real Postgres and NATS)', () => {
  let platform: Platform;
  let call: Call;
  let token: string;
  let mira: string;
  let orgId: string;

  const url = (path: string) => `${platform.url}${path}`;

  async function campaign(overrides: Record<string, unknown> = {}, config: Record<string, unknown> = {}) {
    const res = await call('POST', '/v1/campaigns', { ...LAUNCH, ...overrides, config: { ...LAUNCH.config, ...config } });
    expect(res.status).toBe(201);
    return res.body as { id: string; per_item_usd: number };
  }

  const money = async (id: string) => {
    const c = (await call('GET', `/v1/campaigns/${id}`)).body;
    return { spent: c.spent_usd as number, reserved: c.reserved_usd as number };
  };

  beforeAll(async () => {
    platform = await startPlatform(['registry', 'campaigns', 'content']);
    const admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    const org = await admin('POST', '/admin/v1/organizations', { name: `Campaign content ${Date.now()}`, plan: 'enterprise' });
    token = org.body.api_key.token;
    orgId = org.body.organization.id;
    call = apiClient(platform.url, token);
    const agent = await call('POST', '/v1/agents', { name: 'MIRA', category: 'automotive', persona_prompt: PERSONA, languages: ['en', 'de', 'fr', 'es', 'hi'] });
    mira = agent.body.id;
    await waitFor(async () => (await call('GET', `/v1/agents/${mira}`)).body.status === 'ready', 15_000);
  });

  afterAll(async () => {
    delete process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS;
    await platform?.close();
  });

  it('writes from the campaign’s product and settles one piece’s price', async () => {
    const c = await campaign();
    const res = await call('POST', '/v1/agents/agent_velo_automotive/content', { content_type: 'product_launch', format: 'post', campaign_id: c.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ campaign_id: c.id, language: 'en', status: 'pending_review', disclosures: ['#ad', 'AI-generated'] });
    expect(res.body.body).toMatch(/EV Series X Pro/);
    expect(await money(c.id)).toEqual({ spent: c.per_item_usd, reserved: 0 });
  });

  it('applies strict compliance: unsupported health claims are removed and the item is held for review with reasons', async () => {
    const c = await campaign({
      agent_id: mira, type: 'product_review',
      product: { name: 'VoltSeat Cushion', key_features: ['clinically proven to cure back pain', 'memory foam'], target_audience: 'commuters' },
    }, { compliance_mode: 'strict', languages: ['en'] });
    const res = await call('POST', `/v1/agents/${mira}/content`, { content_type: 'product_review', format: 'instagram_caption', campaign_id: c.id });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending_review');
    expect(res.body.compliance.mode).toBe('strict');
    expect(res.body.compliance.review_reasons.some((r: string) => /health_claim/.test(r))).toBe(true);
    expect(res.body.body).not.toMatch(/cure/i);
    expect(res.body.caption).not.toMatch(/cure/i);
  });

  it('refuses languages outside the campaign and a campaign of another agent', async () => {
    const c = await campaign({ agent_id: mira, type: 'product_review' }, { languages: ['en', 'de'] });
    const fr = await call('POST', `/v1/agents/${mira}/content`, { content_type: 'product_review', format: 'article', language: 'fr', campaign_id: c.id });
    expect(fr.status).toBe(422);
    expect(fr.body.code).toBe('unsupported_language');
    const other = await call('POST', '/v1/agents/agent_velo_automotive/content', { content_type: 'product_review', format: 'article', campaign_id: c.id });
    expect(other.status).toBe(422);
    expect(other.body.errors[0].field).toBe('campaign_id');
    expect(await money(c.id)).toEqual({ spent: 0, reserved: 0 });
  });

  it('409 budget_exhausted once the budget is spent, as problem+json before any stream', async () => {
    const c = await campaign({ budget_usd: 4 });
    expect((await call('POST', '/v1/agents/agent_velo_automotive/content', { content_type: 'product_launch', format: 'x_post', campaign_id: c.id })).status).toBe(201);
    const json = await call('POST', '/v1/agents/agent_velo_automotive/content', { content_type: 'product_launch', format: 'x_post', campaign_id: c.id });
    expect(json.status).toBe(409);
    expect(json.body.code).toBe('budget_exhausted');
    const sse = await postSse(url(`/v1/campaigns/${c.id}/stream`), token, {});
    expect(sse.status).toBe(409);
    expect(sse.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(sse.text).code).toBe('budget_exhausted');
    expect(await money(c.id)).toEqual({ spent: 4, reserved: 0 });
  });

  it('409 for a paused campaign, 404 for an unknown one', async () => {
    const c = await campaign();
    expect((await call('POST', `/v1/campaigns/${c.id}/pause`)).status).toBe(200);
    const res = await call('POST', '/v1/agents/agent_velo_automotive/content', { content_type: 'product_launch', format: 'post', campaign_id: c.id });
    expect(res.status).toBe(409);
    const missing = await postSse(url('/v1/campaigns/camp_00000000000000000000000000/stream'), token, {});
    expect(missing.status).toBe(404);
  });

  it('streams the campaign’s next pieces: formats in turn, then the next language; bodies equal the chunks', async () => {
    const c = await campaign();
    const seen: Array<{ format: string; language: string }> = [];
    for (let i = 0; i < 3; i++) {
      const res = await postSse(url(`/v1/campaigns/${c.id}/stream`), token, undefined);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/event-stream');
      expect(res.events[0].data).toMatchObject({ type: 'agent_start', agent: 'VELO' });
      expect(res.events[res.events.length - 2].data.type).toBe('content_complete');
      expect(res.events[res.events.length - 1].data).toBe('[DONE]');
      const item = (await call('GET', `/v1/content/${res.events[0].data.content_id}`)).body;
      expect(item.campaign_id).toBe(c.id);
      expect(streamedText(res)).toBe(item.body);
      seen.push({ format: item.format, language: item.language });
    }
    expect(seen).toEqual([
      { format: 'social_post', language: 'en' }, { format: 'video_script', language: 'en' }, { format: 'social_post', language: 'de' },
    ]);
    expect(await money(c.id)).toEqual({ spent: 3 * c.per_item_usd, reserved: 0 });
  });

  it('skips campaign languages the offline engine cannot write instead of stalling on them', async () => {
    const c = await campaign({}, { languages: ['ja', 'en'], output_formats: ['x_post'] });
    for (let i = 0; i < 2; i++) {
      const res = await postSse(url(`/v1/campaigns/${c.id}/stream`), token, {});
      expect(res.status).toBe(200);
      const item = (await call('GET', `/v1/content/${res.events[0].data.content_id}`)).body;
      expect([item.language, item.format]).toEqual(['en', 'x_post']);
    }
    // Asking for the language outright still explains why it cannot be written.
    const ja = await postSse(url(`/v1/campaigns/${c.id}/stream`), token, { language: 'ja' });
    expect(ja.status).toBe(422);
    expect(JSON.parse(ja.text).code).toBe('unsupported_language');
  });

  it('releases the spend hold when the client disconnects mid-stream', async () => {
    const c = await campaign();
    process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS = '25';
    try {
      const res = await postSse(url(`/v1/campaigns/${c.id}/stream`), token, { format: 'video_script', length: 'long' }, {
        stopWhen: (events) => events.filter((e) => e.data?.type === 'content_chunk').length >= 3,
      });
      expect(res.status).toBe(200);
      const contentId = res.events[0].data.content_id;
      const item = await waitFor(async () => {
        const r = (await call('GET', `/v1/content/${contentId}`)).body;
        return r.status === 'failed' ? r : null;
      }, 10_000);
      expect(item.failure_reason).toMatch(/client disconnected/);
      await waitFor(async () => {
        const m = await money(c.id);
        return m.reserved === 0 && m.spent === 0;
      }, 10_000);
    } finally {
      delete process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS;
    }
  });

  describe('unfinished items', () => {
    let bus: BusClient;
    beforeAll(async () => {
      bus = new BusClient('content-e2e-sweeper');
      await bus.connect();
    });
    afterAll(async () => bus?.close());

    /** A row as a replica that died (or lost the campaigns service) would leave it, with a real hold behind it. */
    async function leftover(campaignId: string, status: 'generating' | 'pending_review' | 'failed') {
      const id = newId('content');
      const ctx = { requestId: 'req_sweep', organizationId: orgId, livemode: true, scopes: [] };
      const hold = await bus.request<SpendReservation>(CampaignSubjects.reserve, { campaign_id: campaignId, content_id: id }, ctx);
      const content = platform.services.get('content')!;
      const old = new Date(Date.now() - 60 * 60_000);
      const row: ContentItemEntity = {
        id, organization_id: orgId, livemode: true, agent_id: 'agent_velo_automotive', campaign_id: campaignId, content_type: 'product_launch',
        format: 'post', platform: null, language: 'en', length: 'medium', status, title: null, body: status === 'generating' ? '' : 'Stored.',
        caption: '', hashtags: [], cta: null, disclosures: [], sections: null, variants: [], selected_variant: null, media: [],
        compliance_mode: 'standard', compliance_flags: [], review_reasons: [],
        brief: { product: { name: 'EV', key_claims: [], target_use: 'driving' }, tone: null, include_cta: true, sponsored: true, seed: id, campaign_name: null },
        model: 'builtin/template-v1', tokens_input: 0, tokens_output: 0, latency_ms: null, session_id: null, reservation_id: hold.reservation_id,
        reservation_state: 'held', amount_cents: hold.amount_cents, failure_reason: status === 'failed' ? 'provider: down' : null,
        rejection_reason: null, scheduled_at: null, published_at: null, created_at: old, updated_at: old,
      };
      await content.get(ContentRepository).insert(row);
      return id;
    }

    it('fails abandoned generations and releases their holds; settles stored items and releases failed ones', async () => {
      const c = await campaign();
      const abandoned = await leftover(c.id, 'generating');
      const stored = await leftover(c.id, 'pending_review');
      const failed = await leftover(c.id, 'failed');
      expect(await money(c.id)).toEqual({ spent: 0, reserved: 3 * c.per_item_usd });

      const done = await platform.services.get('content')!.get(UnfinishedWorker).runOnce();
      expect(done).toBeGreaterThanOrEqual(3);
      expect(await money(c.id)).toEqual({ spent: c.per_item_usd, reserved: 0 });
      const rows = await platform.services.get('content')!.get(DataSource).query(
        `SELECT id, status, reservation_state FROM content.content_items WHERE id = ANY($1) ORDER BY id`, [[abandoned, stored, failed]]);
      expect(Object.fromEntries(rows.map((r: { id: string; status: string; reservation_state: string }) => [r.id, [r.status, r.reservation_state]]))).toEqual({
        [abandoned]: ['failed', 'released'], [stored]: ['pending_review', 'settled'], [failed]: ['failed', 'released'],
      });
    });

    const holdOf = async (id: string) => {
      const [row] = await platform.services.get('content')!.get(DataSource).query(
        `SELECT reservation_state, reservation_error, reservation_attempts, reservation_retry_at > now() + interval '1 second' AS backing_off
           FROM content.content_items WHERE id = $1`, [id]);
      return row as { reservation_state: string; reservation_error: string | null; reservation_attempts: number; backing_off: boolean | null };
    };

    it('ends a hold the ledger refuses for good (campaign cancelled) instead of retrying it forever', async () => {
      const c = await campaign();
      const stored = await leftover(c.id, 'pending_review');
      const failed = await leftover(c.id, 'failed');
      // Cancelling releases every open hold: the settle and the release the sweeper owes are now refused for good.
      expect((await call('POST', `/v1/campaigns/${c.id}/cancel`)).status).toBe(200);
      const worker = platform.services.get('content')!.get(UnfinishedWorker);
      await worker.runOnce();
      for (const id of [stored, failed]) {
        const hold = await holdOf(id);
        expect(hold.reservation_state).toBe(id === stored ? 'void' : 'released');
      }
      expect((await holdOf(stored)).reservation_error).toMatch(/settle refused: invalid_state: .*released \(campaign_cancelled\)/);
      // Nothing is left for later passes.
      const content = platform.services.get('content')!;
      const clients = content.get(PlatformClients);
      const [settle, release] = [jest.spyOn(clients, 'settle'), jest.spyOn(clients, 'release')];
      try {
        const rows: Array<{ reservation_id: string }> = await content.get(DataSource).query(
          `UPDATE content.content_items SET updated_at = now() - interval '1 hour' WHERE id = ANY($1) RETURNING reservation_id`, [[stored, failed]])
          .then(([r]: [Array<{ reservation_id: string }>]) => r);
        await worker.runOnce();
        const asked = [...settle.mock.calls, ...release.mock.calls].map(([, rid]) => rid);
        expect(asked.filter((rid) => rows.some((r) => r.reservation_id === rid))).toEqual([]);
      } finally {
        settle.mockRestore();
        release.mockRestore();
      }
      expect(await money(c.id)).toEqual({ spent: 0, reserved: 0 });
    });

    it('retries an unreachable ledger with backoff, and holds no transaction or row lock while calling it', async () => {
      const c = await campaign();
      const stored = await leftover(c.id, 'pending_review');
      const content = platform.services.get('content')!;
      const clients = content.get(PlatformClients);
      const ds = content.get(DataSource);
      const worker = content.get(UnfinishedWorker);
      const lockedDuringCall: boolean[] = [];
      const settle = jest.spyOn(clients, 'settle').mockImplementation(async () => {
        // Another connection must be able to lock the item at once while the ledger is being asked.
        lockedDuringCall.push(await ds.transaction(async (m) => {
          try {
            await m.query(`SELECT id FROM content.content_items WHERE id = $1 FOR UPDATE NOWAIT`, [stored]);
            return false;
          } catch {
            return true;
          }
        }));
        throw new DomainError('service_unavailable', 'A backing service did not answer in time; retry shortly');
      });
      try {
        await worker.runOnce();
        expect(lockedDuringCall).toEqual([false]);
        expect(await holdOf(stored)).toMatchObject({ reservation_state: 'held', reservation_attempts: 1, backing_off: true });
        expect((await holdOf(stored)).reservation_error).toMatch(/service_unavailable/);
        // Backing off: the next pass leaves it alone.
        await worker.runOnce();
        expect(lockedDuringCall).toEqual([false]);
      } finally {
        settle.mockRestore();
      }
      // Once due again and the ledger answers, the hold is settled.
      await ds.query(`UPDATE content.content_items SET reservation_retry_at = now() - interval '1 second' WHERE id = $1`, [stored]);
      await worker.runOnce();
      expect(await holdOf(stored)).toMatchObject({ reservation_state: 'settled', reservation_error: null });
      expect(await money(c.id)).toEqual({ spent: c.per_item_usd, reserved: 0 });
    });

    it('voids the hold at once when a generation finishes after its campaign was cancelled (no sweeper needed)', async () => {
      const c = await campaign();
      process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS = '20';
      try {
        const pending = call('POST', '/v1/agents/agent_velo_automotive/content', { content_type: 'product_launch', format: 'video_script', length: 'long', campaign_id: c.id });
        const ds = platform.services.get('content')!.get(DataSource);
        const [row] = await waitFor(async () => {
          const rows = await ds.query(`SELECT id FROM content.content_items WHERE campaign_id = $1 AND status = 'generating'`, [c.id]);
          return rows.length ? rows : null;
        }, 10_000, 20);
        expect((await call('POST', `/v1/campaigns/${c.id}/cancel`)).status).toBe(200);
        const res = await pending;
        expect(res.status).toBe(201);
        expect(await holdOf(row.id)).toMatchObject({ reservation_state: 'void' });
      } finally {
        delete process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS;
      }
      expect(await money(c.id)).toEqual({ spent: 0, reserved: 0 });
    });
  });
});
