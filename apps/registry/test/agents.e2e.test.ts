import { apiClient, readEvents, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { generateCatalogAgent } from '../src/catalog/catalog-generator';

const NOVA = 'NOVA is a forward-thinking AI influencer specializing in sustainable fashion, circular economy, and eco-conscious lifestyle brands. Expert in certifications (GOTS, OEKO-TEX), supply chain transparency, and connecting conscious consumers with ethical brands. Tone: knowledgeable, inspiring, never preachy.';

type Call = ReturnType<typeof apiClient>;
const RUN = Date.now().toString(36);
const SORT_FIELD = { reach: 'reach', engagement: 'engagement_rate', campaigns: 'total_campaigns', rating: 'rating' } as const;

/** Totals are exact up to 200 matches and a planner estimate beyond (README, "List totals"). */
function expectTotal(walked: number, total: number): void {
  if (walked <= 200) expect(total).toBe(walked);
  else expect(Math.abs(total - walked) / walked).toBeLessThan(0.2);
}

async function walk(call: Call, query: string): Promise<{ items: any[]; pages: number; total: number }> {
  const items: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  let total = 0;
  do {
    const res: { status: number; body: any } = await call('GET', `/v1/agents?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...res.body.data);
    total = res.body.meta.total;
    cursor = res.body.meta.next_cursor;
    pages++;
  } while (cursor && pages < 200);
  return { items, pages, total };
}

describe('agent registry (e2e over HTTP)', () => {
  let platform: Platform;
  let call: Call;

  beforeAll(async () => {
    platform = await startPlatform(['registry']);
    call = apiClient(platform.url, platform.token);
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('writes each list row exactly as the agent\'s own page summarizes it (the list rows are JSON made by Postgres)', async () => {
    for (const sort of ['rating', 'engagement']) {
      const page = await call('GET', `/v1/agents?sort=${sort}&limit=12`);
      expect(page.status).toBe(200);
      for (const row of page.body.data) {
        const detail = await call('GET', `/v1/agents/${row.id}`);
        const fields = Object.keys(row);
        expect(fields.sort()).toEqual(['category', 'created_at', 'engagement_rate', 'id', 'languages', 'name', 'rating', 'reach', 'status', 'subcategories', 'tier', 'total_campaigns', 'use_cases']);
        expect(row).toEqual(Object.fromEntries(fields.map((f) => [f, detail.body[f]])));
        expect(row.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
    }
  });

  it('lists the catalog with the contract shape, sorted by reach by default', async () => {
    const res = await call('GET', '/v1/agents');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(20);
    expect(res.body.meta.limit).toBe(20);
    expect(res.body.meta.total).toBeGreaterThanOrEqual(2400);
    expect(typeof res.body.meta.next_cursor).toBe('string');
    const first = res.body.data[0];
    expect(Object.keys(first).sort()).toEqual(['category', 'created_at', 'engagement_rate', 'id', 'languages', 'name', 'rating', 'reach', 'status', 'subcategories', 'tier', 'total_campaigns', 'use_cases'].sort());
    const reaches = res.body.data.map((a: any) => a.reach);
    expect([...reaches].sort((a, b) => b - a)).toEqual(reaches);
  });

  it('serves VELO and LUMIÈRE as the source documents describe them', async () => {
    const velo = await call('GET', '/v1/agents/agent_velo_automotive');
    expect(velo.status).toBe(200);
    expect(velo.body).toMatchObject({
      id: 'agent_velo_automotive', name: 'VELO', category: 'automotive', subcategories: ['EV', 'luxury', 'safety'],
      use_cases: ['product_launch', 'review', 'lead_gen'], languages: ['en', 'de', 'ja', 'zh'],
      rating: 4.9, tier: 'flagship', status: 'available', created_at: '2024-01-15T00:00:00.000Z',
    });
    // 4.2M reach and 98.4 % engagement in the source; live campaign results measured by other suites of this run
    // (analytics) add to the reach and replace the engagement claim with the measured rate.
    expect(velo.body.reach).toBeGreaterThanOrEqual(4_200_000);
    if (velo.body.reach === 4_200_000) expect(velo.body.engagement_rate).toBe(0.984);
    else expect(velo.body.engagement_rate >= 0 && velo.body.engagement_rate <= 1).toBe(true);
    expect(velo.body.persona_prompt).toBeUndefined();
    const lumiere = await call('GET', '/v1/agents/agent_lumiere_fashion');
    // 410 in the source; campaigns completed by other suites in this run add to it.
    expect(lumiere.body.performance.campaigns_completed).toBeGreaterThanOrEqual(410);
    expect(lumiere.body).toMatchObject({
      name: 'LUMIÈRE', headline: 'High-fashion AI influencer with luxury expertise', category: 'fashion_lifestyle',
      capabilities: { languages: 22, tone_modes: ['luxury', 'editorial', 'conversational'], real_time_streaming: true },
      performance: { avg_engagement_rate: 0.991, total_reach: 8700000, avg_conversion_rate: 0.043 },
      pricing: { model: 'per_campaign', base_rate_usd: 299, included_in_plans: ['growth', 'enterprise'] },
    });
  });

  it.each(Object.keys(SORT_FIELD) as Array<keyof typeof SORT_FIELD>)('walks every page sorted by %s with no duplicates and no gaps', async (sort) => {
    const { items, total, pages } = await walk(call, `category=automotive&sort=${sort}`);
    expect(pages).toBeGreaterThan(1);
    const ids = items.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expectTotal(ids.length, total);
    const field = SORT_FIELD[sort];
    for (let i = 1; i < items.length; i++) {
      const prev = items[i - 1];
      const cur = items[i];
      expect(prev[field] > cur[field] || (prev[field] === cur[field] && prev.id > cur.id)).toBe(true);
    }
    expect(items.every((a) => a.category === 'automotive')).toBe(true);
  });

  it('keeps a cursor walk stable while agents are inserted concurrently', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let n = 0;
    do {
      const res: any = await call('GET', `/v1/agents?category=tech&sort=rating&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...res.body.data.map((a: any) => a.id));
      cursor = res.body.meta.next_cursor;
      // Someone builds a new agent between pages.
      await call('POST', '/v1/agents', { name: `Concurrent ${n++}`, category: 'tech', persona_prompt: NOVA });
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const catalogOnly = await walk(call, 'category=tech&sort=rating&visibility=marketplace');
    const pub = await walk(call, 'category=tech&sort=rating&visibility=public');
    for (const id of [...catalogOnly.items, ...pub.items].map((a) => a.id)) expect(seen).toContain(id);
  });

  it.each([
    ['category=beauty', (a: any) => a.category === 'beauty'],
    ['use_case=lead_gen', (a: any) => a.use_cases.includes('lead_gen')],
    ['language=de', (a: any) => a.languages.includes('de')],
    ['min_reach=1000000', (a: any) => a.reach >= 1_000_000],
    ['tier=premium', (a: any) => a.tier === 'premium'],
    ['category=fitness&language=es&sort=engagement', (a: any) => a.category === 'fitness' && a.languages.includes('es')],
  ])('filters by %s', async (query, matches) => {
    const { items, total } = await walk(call, query);
    expect(items.length).toBeGreaterThan(0);
    expectTotal(items.length, total);
    expect(items.every(matches)).toBe(true);
  });

  it('filters by visibility', async () => {
    const res = await call('GET', '/v1/agents?visibility=marketplace&limit=100');
    expect(res.body.data.length).toBeGreaterThan(0);
    for (const a of res.body.data) {
      const detail = await call('GET', `/v1/agents/${a.id}`);
      expect(detail.body.visibility).toBe('marketplace');
      break;
    }
  });

  it('finds agents by full-text q over name, headline, category, subcategories and expertise', async () => {
    const byName = await call('GET', '/v1/agents?q=velo');
    expect(byName.body.data.map((a: any) => a.id)).toContain('agent_velo_automotive');
    const byCategory = await call('GET', '/v1/agents?q=automotive&limit=100');
    expect(byCategory.body.data.length).toBeGreaterThan(0);
    expect(byCategory.body.data.filter((a: any) => a.category === 'automotive').length).toBeGreaterThan(byCategory.body.data.length / 2);
    const none = await call('GET', '/v1/agents?q=zzzqqqxxyy');
    expect(none.body.data).toEqual([]);
    expect(none.body.meta).toEqual({ total: 0, limit: 20, next_cursor: null });
  });

  it('refuses a cursor from another sort', async () => {
    const res = await call('GET', '/v1/agents?sort=reach');
    const other = await call('GET', `/v1/agents?sort=rating&cursor=${encodeURIComponent(res.body.meta.next_cursor)}`);
    expect(other.status).toBe(422);
    expect(other.body.errors[0].field).toBe('cursor');
  });

  it('builds an agent: 202 training, then ready with a derived style profile, and agent.build_complete', async () => {
    const res = await call('POST', '/v1/agents', {
      name: `NOVA ${RUN}`, category: 'sustainable_fashion', persona_prompt: NOVA,
      expertise_domains: ['sustainable textiles', 'circular fashion', 'conscious consumerism'],
      target_audience: 'eco_conscious_millennials', languages: ['en', 'fr', 'de'], visibility: 'private', use_cases: ['product_review', 'brand_launch'],
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ name: `NOVA ${RUN}`, status: 'training' });
    expect(res.body.id).toMatch(/^agent_nova_/);
    expect(new Date(res.body.estimated_ready_at).getTime()).toBeGreaterThan(Date.now() - 1000);
    expect(res.body.api_endpoint).toContain(`/v1/agents/${res.body.id}`);
    const training = await call('GET', `/v1/agents/${res.body.id}`);
    expect(['training', 'ready']).toContain(training.body.status);
    const ready = await waitFor(async () => {
      const r = await call('GET', `/v1/agents/${res.body.id}`);
      return r.body.status === 'ready' ? r.body : null;
    });
    expect(ready.persona_prompt).toBe(NOVA);
    expect(ready.style_profile.keywords.length).toBeGreaterThan(3);
    expect(ready.style_profile.tone_modes).toContain('inspiring');
    expect(ready.capabilities.languages).toBe(3);
    expect(ready.headline.length).toBeGreaterThan(10);
    const events = await waitFor(async () => {
      const evts = await readEvents<{ agent_id: string; status: string }>('agent.build_complete');
      const mine = evts.filter((e) => e.data.agent_id === res.body.id);
      return mine.length ? mine : null;
    });
    expect(events).toHaveLength(1);
    expect(events[0].data.status).toBe('ready');
    expect(events[0].organization_id).toBe('org_default');
    // Own private agents appear in the caller's list, never in another organization's.
    const mine = await walk(call, 'category=sustainable_fashion&visibility=private');
    expect(mine.items.map((a) => a.id)).toContain(res.body.id);
    const other = await apiClient(platform.url, TEST_ADMIN_TOKEN)('POST', '/admin/v1/organizations', { name: 'Other', plan: 'growth' });
    const theirs = await walk(apiClient(platform.url, other.body.api_key.token), 'category=sustainable_fashion&visibility=private');
    expect(theirs.items.map((a) => a.id)).not.toContain(res.body.id);
  });

  it('fails training with a reason when the persona is unusable', async () => {
    const res = await call('POST', '/v1/agents', { name: 'Blank', category: 'tech', persona_prompt: '!!! ??? ...' });
    expect(res.status).toBe(202);
    const failed = await waitFor(async () => {
      const r = await call('GET', `/v1/agents/${res.body.id}`);
      return r.body.status === 'failed' ? r.body : null;
    });
    expect(failed.failure_reason).toEqual(expect.any(String));
  });

  it('refuses a duplicate name in the same organization with 409', async () => {
    await call('POST', '/v1/agents', { name: `Twin ${RUN}`, category: 'tech', persona_prompt: NOVA });
    const dup = await call('POST', '/v1/agents', { name: `twin ${RUN}`, category: 'tech', persona_prompt: NOVA });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].field).toBe('name');
  });

  it('patches (merge) and retrains, then soft-deletes (404 afterwards, a repeated DELETE answers like the first)', async () => {
    const res = await call('POST', '/v1/agents', { name: `Patchable ${RUN}`, category: 'food', persona_prompt: NOVA });
    await waitFor(async () => (await call('GET', `/v1/agents/${res.body.id}`)).body.status === 'ready');
    const patched = await call('PATCH', `/v1/agents/${res.body.id}`, { visibility: 'public', target_audience: 'home cooks' }, { 'content-type': 'application/merge-patch+json' });
    expect(patched.status).toBe(200);
    expect(patched.body.visibility).toBe('public');
    expect(patched.body.target_audience).toBe('home cooks');
    expect(patched.body.name).toBe(`Patchable ${RUN}`);
    const deleted = await call('DELETE', `/v1/agents/${res.body.id}`);
    expect(deleted.status).toBe(200);
    expect((await call('GET', `/v1/agents/${res.body.id}`)).status).toBe(404);
    // A repeated DELETE answers like the first (a client retrying after a lost answer sees success).
    const again = await call('DELETE', `/v1/agents/${res.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(deleted.body);
  });

  it('keeps an agent time zone: set on create, refused when unknown (422 naming `timezone`), patched and cleared without retraining', async () => {
    const refused = await call('POST', '/v1/agents', { name: `Zoneless ${RUN}`, category: 'travel', persona_prompt: NOVA, timezone: 'Mars/Olympus' });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'timezone' })]);
    expect((await call('POST', '/v1/agents', { name: `Offset ${RUN}`, category: 'travel', persona_prompt: NOVA, timezone: '+09:00' })).body.errors)
      .toEqual([expect.objectContaining({ field: 'timezone' })]);

    const res = await call('POST', '/v1/agents', { name: `Zoned ${RUN}`, category: 'travel', persona_prompt: NOVA, timezone: 'Asia/Tokyo' });
    expect(res.status).toBe(202);
    await waitFor(async () => (await call('GET', `/v1/agents/${res.body.id}`)).body.status === 'ready');
    const got = await call('GET', `/v1/agents/${res.body.id}`);
    expect(got.body.timezone).toBe('Asia/Tokyo');

    const moved = await call('PATCH', `/v1/agents/${res.body.id}`, { timezone: 'Europe/Berlin' }, { 'content-type': 'application/merge-patch+json' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ timezone: 'Europe/Berlin', status: 'ready' }); // where it posts from is not its persona
    expect((await call('GET', `/v1/agents/${res.body.id}`)).body.timezone).toBe('Europe/Berlin');

    const bad = await call('PATCH', `/v1/agents/${res.body.id}`, { timezone: 'Europe/Atlantis' }, { 'content-type': 'application/merge-patch+json' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'timezone' })]);
    expect((await call('GET', `/v1/agents/${res.body.id}`)).body.timezone).toBe('Europe/Berlin');

    const cleared = await call('PATCH', `/v1/agents/${res.body.id}`, { timezone: null }, { 'content-type': 'application/merge-patch+json' });
    expect(cleared.status).toBe(200);
    expect(cleared.body.timezone).toBeNull();

    // Without one it is null, and so are the flagships'; generated catalog agents carry the zone of their languages.
    const plain = await call('POST', '/v1/agents', { name: `Plain ${RUN}`, category: 'travel', persona_prompt: NOVA });
    expect((await call('GET', `/v1/agents/${plain.body.id}`)).body.timezone).toBeNull();
    expect((await call('GET', '/v1/agents/agent_velo_automotive')).body.timezone).toBeNull();
    const zonedIndex = Array.from({ length: 200 }, (_, i) => i).find((i) => generateCatalogAgent(i).timezone !== null)!;
    const generated = generateCatalogAgent(zonedIndex);
    expect((await call('GET', `/v1/agents/${generated.id}`)).body).toMatchObject({ id: generated.id, timezone: generated.timezone });
  });

  it('accepts back the object a GET returned: unchanged values are no-ops (no retraining), changed read-only ones are named', async () => {
    const res = await call('POST', '/v1/agents', { name: `Round trip ${RUN}`, category: 'food', persona_prompt: NOVA, languages: ['en', 'de'] });
    await waitFor(async () => (await call('GET', `/v1/agents/${res.body.id}`)).body.status === 'ready');
    const got = (await call('GET', `/v1/agents/${res.body.id}`)).body;
    const same = await call('PATCH', `/v1/agents/${res.body.id}`, got);
    expect(same.status).toBe(200);
    expect(same.body).toEqual(got);
    const renamed = await call('PATCH', `/v1/agents/${res.body.id}`, { ...got, visibility: 'public' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ visibility: 'public', status: 'ready' });
    const moved = await call('PATCH', `/v1/agents/${res.body.id}`, { ...got, id: 'agent_someone_else', created_at: '2020-01-01T00:00:00.000Z' });
    expect(moved.status).toBe(422);
    expect(moved.body.errors.map((e: any) => [e.field, e.code])).toEqual([['id', 'read_only'], ['created_at', 'read_only']]);
    const retrain = await call('PATCH', `/v1/agents/${res.body.id}`, { ...got, persona_prompt: `${NOVA} Now also grills.` });
    expect(retrain.status).toBe(200);
    expect(retrain.body.status).toBe('training');
  });

  it('narrows lists to X-Influgentic-Agent', async () => {
    const res = await call('GET', '/v1/agents', undefined, { 'x-influgentic-agent': 'agent_velo_automotive' });
    expect(res.body.data.map((a: any) => a.id)).toEqual(['agent_velo_automotive']);
    const other = await call('GET', '/v1/agents/agent_lumiere_fashion', undefined, { 'x-influgentic-agent': 'agent_velo_automotive' });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('forbidden');
    // An id of another case names no agent: the narrowed list is empty, never a 400.
    const upper = await call('GET', '/v1/agents', undefined, { 'x-influgentic-agent': 'AGENT_VELO_AUTOMOTIVE' });
    expect(upper.status).toBe(200);
    expect(upper.body.data).toEqual([]);
  });
});
