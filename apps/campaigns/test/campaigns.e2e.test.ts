import { CampaignSubjects, type RequestContext, type SpendReservation } from '@influgentic/contracts';
import { BusClient } from '@influgentic/messaging';
import { openServiceDatabase } from '@influgentic/persistence';
import type { DataSource } from 'typeorm';
import { apiClient, readEvents, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { LAUNCH_CAMPAIGN } from '../../../tools/testing/fixtures';
import { CAMPAIGNS_ENTITIES, CAMPAIGNS_MIGRATIONS } from '../src/app.module';

type Call = ReturnType<typeof apiClient>;

const PERSONA = 'NOVA is a forward-thinking AI influencer specializing in sustainable fashion, circular economy, and eco-conscious lifestyle brands. Expert in certifications (GOTS, OEKO-TEX), supply chain transparency, and connecting conscious consumers with ethical brands. Tone: knowledgeable, inspiring, never preachy.';

const LAUNCH = LAUNCH_CAMPAIGN;

const CAMPAIGN_FIELDS = [
  'id', 'agent_id', 'type', 'name', 'product', 'config', 'budget_usd', 'spent_usd', 'status', 'starts_at', 'ends_at', 'created_at', 'updated_at', 'performance',
];

describe('campaigns (e2e over HTTP, real Postgres and NATS)', () => {
  let platform: Platform;
  let admin: Call;
  let live: Call;
  let sandbox: Call;
  let orgId: string;
  let bus: BusClient;
  let db: DataSource;

  async function newOrg(plan = 'enterprise') {
    const res = await admin('POST', '/admin/v1/organizations', { name: `Campaigns ${Math.random().toString(36).slice(2, 8)}`, plan });
    expect(res.status).toBe(201);
    return { id: res.body.organization.id as string, call: apiClient(platform.url, res.body.api_key.token as string) };
  }

  const liveCtx = (): RequestContext => ({ requestId: 'req_e2e', organizationId: orgId, livemode: true, scopes: [] });
  const spend = <T = SpendReservation>(subject: string, body: unknown, ctx = liveCtx()) => bus.request<T>(subject, body, ctx);

  async function create(call: Call, overrides: Record<string, unknown> = {}) {
    const res = await call('POST', '/v1/campaigns', { ...LAUNCH, ...overrides });
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    platform = await startPlatform(['registry', 'campaigns']);
    admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    const org = await newOrg();
    orgId = org.id;
    live = org.call;
    const key = await live('POST', '/v1/api-keys', { name: 'sandbox', scopes: ['campaigns:read', 'campaigns:write', 'agents:read', 'agents:write'], mode: 'test' });
    expect(key.status).toBe(201);
    sandbox = apiClient(platform.url, key.body.token);
    bus = new BusClient('campaigns-e2e');
    await bus.connect();
    db = await openServiceDatabase({ schema: 'campaigns', entities: CAMPAIGNS_ENTITIES, migrations: CAMPAIGNS_MIGRATIONS, poolSize: 2 });
  });

  afterAll(async () => {
    await bus?.close();
    await db?.destroy();
    await platform?.close();
  });

  describe('create', () => {
    it('creates the contract example: 201, the campaign shape, active at once, ends 30 days later', async () => {
      const res = await live('POST', '/v1/campaigns', LAUNCH);
      expect(res.status).toBe(201);
      const c = res.body;
      for (const field of CAMPAIGN_FIELDS) expect(c).toHaveProperty(field);
      expect(c.id).toMatch(/^camp_[0-9a-z]{26}$/);
      expect(c).toMatchObject({
        agent_id: 'agent_velo_automotive', type: 'product_launch', name: 'EV Series X Launch', product: LAUNCH.product,
        config: LAUNCH.config, budget_usd: 5000, spent_usd: 0, reserved_usd: 0, per_item_usd: 4, status: 'active', livemode: true,
        performance: { impressions: 0, engagements: 0, leads: 0, conversions: 0 },
      });
      expect(new Date(c.ends_at).getTime() - new Date(c.starts_at).getTime()).toBe(30 * 86_400_000);
      expect(Math.abs(new Date(c.starts_at).getTime() - Date.now())).toBeLessThan(60_000);
      expect(c.started_at).toBe(c.starts_at);
    });

    it('fills defaults for an omitted config and takes no budget as no cap', async () => {
      const c = await create(live, { config: undefined, budget_usd: undefined, product: undefined });
      expect(c.config).toEqual({ tone: null, languages: ['en'], output_formats: ['social_post'], compliance_mode: 'standard', duration_days: 30, starts_at: null });
      expect(c.budget_usd).toBeNull();
      expect(c.product).toBeNull();
    });

    it('schedules a future start; the scheduler activates it on time and emits campaign.started', async () => {
      const startsAt = new Date(Date.now() + 1500).toISOString();
      const c = await create(live, { config: { ...LAUNCH.config, starts_at: startsAt, duration_days: 7 } });
      expect(c.status).toBe('scheduled');
      expect(c.starts_at).toBe(startsAt);
      expect(c.ends_at).toBe(new Date(new Date(startsAt).getTime() + 7 * 86_400_000).toISOString());
      const active = await waitFor(async () => {
        const r = await live('GET', `/v1/campaigns/${c.id}`);
        return r.body.status === 'active' ? r.body : null;
      }, 10_000);
      expect(new Date(active.started_at).getTime()).toBeGreaterThanOrEqual(new Date(startsAt).getTime());
      const started = await waitFor(async () => (await readEvents('campaign.started')).filter((e) => (e.data as any).id === c.id));
      expect(started).toHaveLength(1);
    });

    it('treats product_review and review as the same use case', async () => {
      const c = await create(live, { type: 'product_review' });
      expect(c.type).toBe('product_review');
    });

    it('validates every field and answers 422 with errors[] per field', async () => {
      const res = await live('POST', '/v1/campaigns', {
        agent_id: 'velo', type: 'world_domination', name: '',
        product: { description: 42, key_features: 'fast' },
        config: { languages: ['english'], compliance_mode: 'lax', duration_days: 0, starts_at: 'tomorrow', output_formats: ['billboard'], colour: 'red' },
        budget_usd: -5, surprise: true,
      });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('validation_error');
      const fields = res.body.errors.map((e: any) => e.field);
      // agent_id 'velo' is not among them: an id is never a validation error (an unknown one is agent_not_found).
      for (const f of ['type', 'name', 'product.name', 'product.description', 'product.key_features', 'config.languages', 'config.compliance_mode',
        'config.duration_days', 'config.starts_at', 'config.output_formats', 'config.colour', 'budget_usd', 'surprise']) {
        expect(fields).toContain(f);
      }
      expect(res.body.errors.find((e: any) => e.field === 'surprise').code).toBe('unknown_field');
    });

    it.each([
      ['missing body fields', {}, ['agent_id', 'type', 'name']],
      ['budget with three decimals', { ...LAUNCH, budget_usd: 10.005 }, ['budget_usd']],
      ['budget as a string', { ...LAUNCH, budget_usd: '5000' }, ['budget_usd']],
      ['product as a string', { ...LAUNCH, product: 'EV' }, ['product']],
      ['duration past a year', { ...LAUNCH, config: { duration_days: 400 } }, ['config.duration_days']],
      ['duplicate languages', { ...LAUNCH, config: { languages: ['en', 'en'] } }, ['config.languages']],
      ['a start without a time zone', { ...LAUNCH, config: { starts_at: '2030-01-01T09:00:00' } }, ['config.starts_at']],
      ['a start that is not a real date', { ...LAUNCH, config: { starts_at: '2030-02-30T09:00:00Z' } }, ['config.starts_at']],
      ['a budget past the ceiling', { ...LAUNCH, budget_usd: 1e12 }, ['budget_usd']],
      ['a NUL character in the name', { ...LAUNCH, name: 'a\u0000b' }, ['name']],
    ])('refuses %s with 422', async (_name, body, fields) => {
      const res = await live('POST', '/v1/campaigns', body);
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: any) => e.field)).toEqual(expect.arrayContaining(fields));
    });

    it('answers 422 agent_not_found for an unknown agent, and for another organization\'s private agent', async () => {
      const unknown = await live('POST', '/v1/campaigns', { ...LAUNCH, agent_id: 'agent_does_not_exist' });
      expect(unknown.status).toBe(422);
      expect(unknown.body.code).toBe('agent_not_found');
      const other = await newOrg();
      const built = await other.call('POST', '/v1/agents', { name: 'Hidden Nova', category: 'sustainable_fashion', persona_prompt: PERSONA, use_cases: ['product_review'] });
      expect(built.status).toBe(202);
      const hidden = await live('POST', '/v1/campaigns', { ...LAUNCH, agent_id: built.body.id, type: 'product_review', config: undefined });
      expect(hidden.status).toBe(422);
      expect(hidden.body.code).toBe('agent_not_found');
    });

    it('answers 422 unsupported_language naming the languages the agent does not speak', async () => {
      const res = await live('POST', '/v1/campaigns', { ...LAUNCH, config: { ...LAUNCH.config, languages: ['en', 'hi', 'de', 'fr'] } });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('unsupported_language');
      expect(res.body.message).toContain('hi, fr');
      expect(res.body.errors[0]).toMatchObject({ field: 'config.languages', code: 'unsupported_language' });
    });

    it('answers 422 for a campaign type the agent does not run', async () => {
      const res = await live('POST', '/v1/campaigns', { ...LAUNCH, type: 'trivia' });
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'type', code: 'unsupported_use_case' });
    });

    it('runs an own built agent once it is ready, and the registry counts the campaign', async () => {
      const built = await live('POST', '/v1/agents', { name: 'Nova Campaigner', category: 'sustainable_fashion', persona_prompt: PERSONA, languages: ['en', 'fr'], use_cases: ['product_review', 'brand_launch'] });
      expect(built.status).toBe(202);
      await waitFor(async () => (await live('GET', `/v1/agents/${built.body.id}`)).body.status === 'ready');
      const c = await create(live, { agent_id: built.body.id, type: 'review', config: { languages: ['fr'] }, budget_usd: 10 });
      // No per-item price on a built agent: the one-cent floor applies.
      expect(c.per_item_usd).toBe(0.01);
      const counted = await waitFor(async () => {
        const a = await live('GET', `/v1/agents/${built.body.id}`);
        return a.body.total_campaigns === 1 ? a.body : null;
      });
      expect(counted.total_campaigns).toBe(1);
    });

    it('replays a create sent twice with the same Idempotency-Key', async () => {
      const key = `camp-${Date.now()}`;
      const a = await live('POST', '/v1/campaigns', LAUNCH, { 'idempotency-key': key });
      const b = await live('POST', '/v1/campaigns', LAUNCH, { 'idempotency-key': key });
      expect(b.status).toBe(201);
      expect(b.body.id).toBe(a.body.id);
    });
  });

  describe('list and get', () => {
    let org: Awaited<ReturnType<typeof newOrg>>;
    const ids: string[] = [];

    beforeAll(async () => {
      org = await newOrg();
      for (let i = 0; i < 7; i++) ids.push((await create(org.call, { name: `Velo ${i}` })).id);
      for (let i = 0; i < 3; i++) ids.push((await create(org.call, { name: `Lumiere ${i}`, agent_id: 'agent_lumiere_fashion', config: { languages: ['fr', 'hi'] } })).id);
      await org.call('POST', `/v1/campaigns/${ids[0]}/pause`);
      await org.call('POST', `/v1/campaigns/${ids[1]}/cancel`);
    });

    it('lists newest first with the contract meta and a performance summary', async () => {
      const res = await org.call('GET', '/v1/campaigns');
      expect(res.status).toBe(200);
      expect(res.body.meta).toEqual({ total: 10, limit: 20, next_cursor: null });
      expect(res.body.data.map((c: any) => c.id)).toEqual([...ids].reverse());
      for (const c of res.body.data) expect(c.performance).toEqual({ impressions: 0, engagements: 0, leads: 0, conversions: 0 });
    });

    it('walks keyset cursors with no duplicates or gaps, stable while campaigns are created', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: any = await org.call('GET', `/v1/campaigns?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.meta.total).toBe(10);
        seen.push(...res.body.data.map((c: any) => c.id));
        cursor = res.body.meta.next_cursor;
        pages++;
        if (pages === 1) await create(org.call, { name: 'Inserted meanwhile' });
      } while (cursor);
      expect(pages).toBe(4);
      expect(seen).toEqual([...ids].reverse());
    });

    it('filters by status and agent_id', async () => {
      const paused = await org.call('GET', '/v1/campaigns?status=paused');
      expect(paused.body.data.map((c: any) => c.id)).toEqual([ids[0]]);
      const cancelled = await org.call('GET', '/v1/campaigns?status=cancelled');
      expect(cancelled.body.data.map((c: any) => c.id)).toEqual([ids[1]]);
      const lumiere = await org.call('GET', '/v1/campaigns?agent_id=agent_lumiere_fashion');
      expect(lumiere.body.data.map((c: any) => c.id)).toEqual(ids.slice(7).reverse());
      expect(lumiere.body.meta.total).toBe(3);
      const both = await org.call('GET', '/v1/campaigns?agent_id=agent_velo_automotive&status=active');
      expect(both.body.data.every((c: any) => c.agent_id === 'agent_velo_automotive' && c.status === 'active')).toBe(true);
    });

    it('refuses bad filters and a cursor from another filter with 422', async () => {
      expect((await org.call('GET', '/v1/campaigns?status=running')).status).toBe(422);
      expect((await org.call('GET', '/v1/campaigns?limit=101')).status).toBe(422);
      // An id is never a validation error: one that names no agent filters to nothing.
      const unknownAgent = await org.call('GET', '/v1/campaigns?agent_id=VELO');
      expect(unknownAgent.status).toBe(200);
      expect(unknownAgent.body.data).toEqual([]);
      const first = await org.call('GET', '/v1/campaigns?limit=2');
      const wrong = await org.call('GET', `/v1/campaigns?status=active&cursor=${encodeURIComponent(first.body.meta.next_cursor)}`);
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors[0].field).toBe('cursor');
    });

    it('gets one campaign with its performance; another organization gets 404', async () => {
      const res = await org.call('GET', `/v1/campaigns/${ids[2]}`);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(ids[2]);
      expect(res.body.performance).toEqual({ impressions: 0, engagements: 0, leads: 0, conversions: 0 });
      const theirs = await live('GET', `/v1/campaigns/${ids[2]}`);
      expect(theirs.status).toBe(404);
      expect(theirs.body.code).toBe('not_found');
      expect((await live('GET', '/v1/campaigns?limit=100')).body.data.map((c: any) => c.id)).not.toContain(ids[2]);
      for (const [method, path] of [['PATCH', ''], ['POST', '/pause'], ['POST', '/cancel'], ['DELETE', '']] as const) {
        const r = await live(method, `/v1/campaigns/${ids[2]}${path}`, method === 'PATCH' ? { name: 'Mine' } : undefined);
        expect(r.status).toBe(404);
      }
      expect((await org.call('GET', '/v1/campaigns/camp_doesnotexist')).status).toBe(404);
      // Whatever its shape, an id that names nothing is a 404.
      expect((await org.call('GET', '/v1/campaigns/DROP%20TABLE')).status).toBe(404);
      expect((await org.call('GET', '/v1/campaigns/CAMP_01ABCDEFGHJKMNPQRSTVWXYZ00')).status).toBe(404);
    });

    it('keeps sandbox and live campaigns apart', async () => {
      const sbx = await create(sandbox, { name: 'Sandbox launch' });
      expect(sbx.livemode).toBe(false);
      expect((await live('GET', `/v1/campaigns/${sbx.id}`)).status).toBe(404);
      expect((await sandbox('GET', '/v1/campaigns?limit=100')).body.data.every((c: any) => c.livemode === false)).toBe(true);
    });

    it('narrows to X-Influgentic-Agent: lists filtered, another agent\'s campaign 403', async () => {
      const narrowed = { 'x-influgentic-agent': 'agent_lumiere_fashion' };
      const list = await org.call('GET', '/v1/campaigns', undefined, narrowed);
      expect(list.body.data.length).toBeGreaterThan(0);
      expect(list.body.data.every((c: any) => c.agent_id === 'agent_lumiere_fashion')).toBe(true);
      const crossed = await org.call('GET', '/v1/campaigns?agent_id=agent_velo_automotive', undefined, narrowed);
      expect(crossed.body.data).toEqual([]);
      expect((await org.call('GET', `/v1/campaigns/${ids[8]}`, undefined, narrowed)).status).toBe(200);
      for (const [method, path] of [['GET', ''], ['PATCH', ''], ['POST', '/pause'], ['POST', '/cancel'], ['DELETE', '']] as const) {
        const r = await org.call(method, `/v1/campaigns/${ids[3]}${path}`, method === 'PATCH' ? { name: 'x' } : undefined, narrowed);
        expect(r.status).toBe(403);
      }
      const createOther = await org.call('POST', '/v1/campaigns', LAUNCH, narrowed);
      expect(createOther.status).toBe(403);
    });

    it('needs campaigns:read to list and campaigns:write to create', async () => {
      const readOnly = await org.call('POST', '/v1/api-keys', { name: 'ro', scopes: ['campaigns:read'], mode: 'live' });
      expect(readOnly.status).toBe(201);
      const ro = apiClient(platform.url, readOnly.body.token);
      expect((await ro('GET', '/v1/campaigns')).status).toBe(200);
      const denied = await ro('POST', '/v1/campaigns', LAUNCH);
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('insufficient_scope');
      expect((await ro('POST', `/v1/campaigns/${ids[2]}/pause`)).status).toBe(403);
    });
  });

  describe('PATCH', () => {
    it('changes name, merges config (moving the end) and budget', async () => {
      const c = await create(live);
      const res = await live('PATCH', `/v1/campaigns/${c.id}`, { name: 'Renamed', config: { duration_days: 10, tone: 'bold' }, budget_usd: 7500.5 }, { 'content-type': 'application/merge-patch+json' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Renamed', budget_usd: 7500.5, config: { ...LAUNCH.config, duration_days: 10, tone: 'bold' } });
      expect(new Date(res.body.ends_at).getTime() - new Date(res.body.starts_at).getTime()).toBe(10 * 86_400_000);
      expect(res.body.updated_at > c.updated_at).toBe(true);
      expect((await live('GET', `/v1/campaigns/${c.id}`)).body.name).toBe('Renamed');
    });

    it('checks new languages against the agent', async () => {
      const c = await create(live);
      const res = await live('PATCH', `/v1/campaigns/${c.id}`, { config: { languages: ['en', 'sw'] } });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('unsupported_language');
      expect(res.body.message).toContain('sw');
    });

    it('refuses fields that cannot change, and any change to a final campaign (409 naming its state)', async () => {
      const c = await create(live);
      const immutable = await live('PATCH', `/v1/campaigns/${c.id}`, { agent_id: 'agent_lumiere_fashion', type: 'review', product: { name: 'x' } });
      expect(immutable.status).toBe(422);
      expect(immutable.body.errors.map((e: any) => [e.field, e.code])).toEqual([['agent_id', 'read_only'], ['type', 'read_only'], ['product', 'read_only']]);
      await live('POST', `/v1/campaigns/${c.id}/cancel`);
      const res = await live('PATCH', `/v1/campaigns/${c.id}`, { name: 'Too late' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('invalid_state');
      expect(res.body.message).toContain('cancelled');
    });

    it('accepts what a GET returned, config.starts_at null included, as a no-op on active and final campaigns', async () => {
      const c = await create(live);
      expect(c.status).toBe('active');
      const got = (await live('GET', `/v1/campaigns/${c.id}`)).body;
      expect(got.config.starts_at).toBeNull();
      const configOnly = await live('PATCH', `/v1/campaigns/${c.id}`, { config: got.config });
      expect(configOnly.status).toBe(200);
      expect(configOnly.body.updated_at).toBe(got.updated_at);
      const whole = await live('PATCH', `/v1/campaigns/${c.id}`, { ...got, name: 'Renamed with the rest unchanged' });
      expect(whole.status).toBe(200);
      expect(whole.body).toMatchObject({ name: 'Renamed with the rest unchanged', starts_at: got.starts_at, ends_at: got.ends_at, status: 'active' });
      await live('POST', `/v1/campaigns/${c.id}/cancel`);
      const final = (await live('GET', `/v1/campaigns/${c.id}`)).body;
      const again = await live('PATCH', `/v1/campaigns/${c.id}`, final);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(final);
    });

    it('reschedules a scheduled campaign, and refuses moving the start of a running one', async () => {
      const later = new Date(Date.now() + 86_400_000).toISOString();
      const c = await create(live, { config: { starts_at: later } });
      const moved = await live('PATCH', `/v1/campaigns/${c.id}`, { config: { starts_at: new Date(Date.now() + 2 * 86_400_000).toISOString() } });
      expect(moved.status).toBe(200);
      expect(moved.body.status).toBe('scheduled');
      const now = await live('PATCH', `/v1/campaigns/${c.id}`, { config: { starts_at: null } });
      expect(now.body.status).toBe('active');
      const refused = await live('PATCH', `/v1/campaigns/${c.id}`, { config: { starts_at: later } });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('invalid_state');
    });
  });

  describe('lifecycle', () => {
    it('pauses, resumes, cancels; illegal moves are 409 invalid_state naming the current state; each move is an event', async () => {
      const c = await create(live);
      const paused = await live('POST', `/v1/campaigns/${c.id}/pause`);
      expect(paused.status).toBe(200);
      expect(paused.body.status).toBe('paused');
      const again = await live('POST', `/v1/campaigns/${c.id}/pause`);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('invalid_state');
      expect(again.body.message).toContain('is paused');
      expect((await live('POST', `/v1/campaigns/${c.id}/resume`)).body.status).toBe('active');
      const resumeActive = await live('POST', `/v1/campaigns/${c.id}/resume`);
      expect(resumeActive.status).toBe(409);
      expect(resumeActive.body.message).toContain('is active');
      const cancelled = await live('DELETE', `/v1/campaigns/${c.id}`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      for (const action of ['pause', 'resume', 'cancel']) {
        const r = await live('POST', `/v1/campaigns/${c.id}/${action}`);
        expect(r.status).toBe(409);
        expect(r.body.message).toContain('is cancelled');
      }
      // A repeated DELETE answers like the first; the explicit cancel action stays a 409 (above).
      const deletedAgain = await live('DELETE', `/v1/campaigns/${c.id}`);
      expect(deletedAgain.status).toBe(200);
      expect(deletedAgain.body.status).toBe('cancelled');
      expect(deletedAgain.body.cancelled_at).toBe(cancelled.body.cancelled_at);
      // Final analytics stay readable.
      expect((await live('GET', `/v1/campaigns/${c.id}`)).body.status).toBe('cancelled');
      for (const type of ['campaign.created', 'campaign.started', 'campaign.paused', 'campaign.resumed', 'campaign.cancelled']) {
        const events = await waitFor(async () => {
          const mine = (await readEvents(type)).filter((e) => (e.data as any).id === c.id);
          return mine.length ? mine : null;
        });
        expect(events).toHaveLength(1);
        expect(events[0].organization_id).toBe(orgId);
        expect(events[0].data).toMatchObject({ id: c.id, agent_id: 'agent_velo_automotive' });
      }
    });

    it('refuses a body on pause/resume/cancel', async () => {
      const c = await create(live);
      expect((await live('POST', `/v1/campaigns/${c.id}/pause`, { reason: 'x' })).status).toBe(422);
    });

    it('completes at ends_at with campaign.completed, and the registry counts it', async () => {
      const before = (await live('GET', '/v1/agents/agent_lumiere_fashion')).body.performance.campaigns_completed;
      const c = await create(live, { agent_id: 'agent_lumiere_fashion', config: { languages: ['fr'], duration_days: 1 } });
      // Time travel: the campaign's day is over.
      await db.query(`UPDATE campaigns.campaigns SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 second' WHERE id = $1`, [c.id]);
      const done = await waitFor(async () => {
        const r = await live('GET', `/v1/campaigns/${c.id}`);
        return r.body.status === 'completed' ? r.body : null;
      });
      expect(done.completed_at).not.toBeNull();
      const events = await waitFor(async () => {
        const mine = (await readEvents('campaign.completed')).filter((e) => (e.data as any).id === c.id);
        return mine.length ? mine : null;
      });
      expect(events).toHaveLength(1);
      expect(events[0].data).toMatchObject({ status: 'completed', agent_id: 'agent_lumiere_fashion' });
      await waitFor(async () => (await live('GET', '/v1/agents/agent_lumiere_fashion')).body.performance.campaigns_completed === before + 1);
    });
  });

  describe('spend (internal subjects the content service uses)', () => {
    it('reserves at the rate card, settles into spent_usd, releases back to the budget', async () => {
      const c = await create(live, { budget_usd: 10 });
      const r1 = await spend(CampaignSubjects.reserve, { campaign_id: c.id, content_id: 'cnt_one' });
      expect(r1).toMatchObject({ campaign_id: c.id, content_id: 'cnt_one', amount_cents: 400, status: 'held', livemode: true });
      expect(r1.reservation_id).toMatch(/^rsv_/);
      // A retry for the same item returns the same hold.
      expect((await spend(CampaignSubjects.reserve, { campaign_id: c.id, content_id: 'cnt_one' })).reservation_id).toBe(r1.reservation_id);
      const r2 = await spend(CampaignSubjects.reserve, { campaign_id: c.id, content_id: 'cnt_two' });
      expect((await live('GET', `/v1/campaigns/${c.id}`)).body).toMatchObject({ spent_usd: 0, reserved_usd: 8 });
      // 8 of 10 dollars held: a third item would pass the budget.
      await expect(spend(CampaignSubjects.reserve, { campaign_id: c.id, content_id: 'cnt_three' })).rejects.toMatchObject({ code: 'budget_exhausted' });
      expect((await spend(CampaignSubjects.settle, { reservation_id: r1.reservation_id })).status).toBe('settled');
      expect((await spend(CampaignSubjects.settle, { reservation_id: r1.reservation_id })).status).toBe('settled');
      expect((await spend(CampaignSubjects.release, { reservation_id: r2.reservation_id, reason: 'generation_failed' })).status).toBe('released');
      expect((await spend(CampaignSubjects.release, { reservation_id: r2.reservation_id })).status).toBe('released');
      await expect(spend(CampaignSubjects.settle, { reservation_id: r2.reservation_id })).rejects.toMatchObject({ code: 'invalid_state' });
      await expect(spend(CampaignSubjects.release, { reservation_id: r1.reservation_id })).rejects.toMatchObject({ code: 'invalid_state' });
      expect((await live('GET', `/v1/campaigns/${c.id}`)).body).toMatchObject({ spent_usd: 4, reserved_usd: 0 });
      const ctx = await spend<any>(CampaignSubjects.context, { campaign_id: c.id });
      expect(ctx).toMatchObject({ id: c.id, organization_id: orgId, rate_cents: 400, remaining_cents: 600, accepting_spend: true, agent_id: 'agent_velo_automotive' });
    });

    it('answers budget_exhausted over HTTP as 409 when the budget is spent', async () => {
      const c = await create(live, { budget_usd: 4 });
      const r = await spend(CampaignSubjects.reserve, { campaign_id: c.id, content_id: 'cnt_a' });
      await spend(CampaignSubjects.settle, { reservation_id: r.reservation_id });
      await expect(spend(CampaignSubjects.reserve, { campaign_id: c.id, content_id: 'cnt_b' })).rejects.toMatchObject({ code: 'budget_exhausted' });
      const ctx = await spend<any>(CampaignSubjects.context, { campaign_id: c.id });
      expect(ctx.accepting_spend).toBe(false);
      // Raising the budget lets generation continue; lowering it below the spend is refused.
      expect((await live('PATCH', `/v1/campaigns/${c.id}`, { budget_usd: 3 })).status).toBe(422);
      expect((await live('PATCH', `/v1/campaigns/${c.id}`, { budget_usd: 8 })).status).toBe(200);
      expect((await spend(CampaignSubjects.reserve, { campaign_id: c.id, content_id: 'cnt_b' })).amount_cents).toBe(400);
    });

    it('never bills a sandbox campaign', async () => {
      const c = await create(sandbox, { budget_usd: 0 });
      const ctx: RequestContext = { ...liveCtx(), livemode: false };
      const r = await spend(CampaignSubjects.reserve, { campaign_id: c.id, content_id: 'cnt_sbx' }, ctx);
      expect(r.amount_cents).toBe(0);
      await spend(CampaignSubjects.settle, { reservation_id: r.reservation_id }, ctx);
      expect((await sandbox('GET', `/v1/campaigns/${c.id}`)).body).toMatchObject({ spent_usd: 0, reserved_usd: 0 });
      // The live side does not see it.
      await expect(spend(CampaignSubjects.reserve, { campaign_id: c.id, content_id: 'cnt_x' })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('refuses spend on paused, scheduled and cancelled campaigns; cancelling releases open holds at once', async () => {
      const c = await create(live, { budget_usd: 100 });
      const held = await spend(CampaignSubjects.reserve, { campaign_id: c.id, content_id: 'cnt_inflight' });
      await live('POST', `/v1/campaigns/${c.id}/pause`);
      await expect(spend(CampaignSubjects.reserve, { campaign_id: c.id, content_id: 'cnt_p' })).rejects.toMatchObject({ code: 'invalid_state' });
      await live('POST', `/v1/campaigns/${c.id}/cancel`);
      expect((await live('GET', `/v1/campaigns/${c.id}`)).body).toMatchObject({ reserved_usd: 0, spent_usd: 0 });
      await expect(spend(CampaignSubjects.settle, { reservation_id: held.reservation_id })).rejects.toMatchObject({ code: 'invalid_state' });
      await expect(spend(CampaignSubjects.reserve, { campaign_id: c.id, content_id: 'cnt_c' })).rejects.toMatchObject({ code: 'invalid_state' });
      const scheduled = await create(live, { config: { starts_at: new Date(Date.now() + 86_400_000).toISOString() } });
      await expect(spend(CampaignSubjects.reserve, { campaign_id: scheduled.id, content_id: 'cnt_s' })).rejects.toMatchObject({ code: 'invalid_state' });
    });

    it('validates internal payloads too', async () => {
      await expect(spend(CampaignSubjects.reserve, { campaign_id: 'nope' })).rejects.toMatchObject({ code: 'validation_error' });
      await expect(spend(CampaignSubjects.settle, { reservation_id: 'rsv_unknown' })).rejects.toMatchObject({ code: 'not_found' });
    });
  });
});
