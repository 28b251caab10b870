import { AGENT_CATEGORIES, AGENT_TIERS, LANGUAGES, TONE_MODES, USE_CASES, isTimeZoneName } from '@influgentic/contracts';
import { trainAgent } from '../training/style-profile';
import {
  CATALOG_ID_PATTERN, DEFAULT_CATALOG_SIZE, LANGUAGE_HOME_ZONES, MAX_GENERATED_AGENTS, buildCatalog, flagshipAgents,
  generateCatalogAgent, tierForReach, timezoneForLanguages, type CatalogAgent,
} from './catalog-generator';
import { CATEGORY_VOCABULARY, CONTENT_TYPES } from './category-vocabulary';

const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

describe('flagshipAgents', () => {
  const flagships = flagshipAgents();
  const byId = (id: string) => flagships.find((a) => a.id === id)!;

  it('has VELO exactly as the registry listing in the source document', () => {
    const velo = byId('agent_velo_automotive');
    expect({
      id: velo.id, name: velo.name, category: velo.category, subcategories: velo.subcategories, use_cases: velo.use_cases,
      languages: velo.languages, reach: velo.reach, engagement_rate: velo.engagement_rate,
      total_campaigns: velo.total_campaigns, rating: velo.rating, tier: velo.tier, status: velo.status,
      created_at: velo.created_at,
    }).toEqual({
      id: 'agent_velo_automotive', name: 'VELO', category: 'automotive', subcategories: ['EV', 'luxury', 'safety'],
      use_cases: ['product_launch', 'review', 'lead_gen'], languages: ['en', 'de', 'ja', 'zh'], reach: 4200000,
      engagement_rate: 0.984, total_campaigns: 240, rating: 4.9, tier: 'flagship', status: 'available',
      created_at: '2024-01-15T00:00:00Z',
    });
    expect(velo.capabilities.languages).toBe(4);
    expect(velo.performance.total_reach).toBe(4200000);
    expect(velo.tone_modes).toContain('expert_enthusiastic');
  });

  it('has LUMIÈRE exactly as the agent detail in the source document', () => {
    const lumiere = byId('agent_lumiere_fashion');
    expect(lumiere).toMatchObject({
      id: 'agent_lumiere_fashion', name: 'LUMIÈRE', headline: 'High-fashion AI influencer with luxury expertise',
      category: 'fashion_lifestyle',
      capabilities: {
        content_types: ['text', 'video_script', 'caption', 'review'], languages: 22,
        tone_modes: ['luxury', 'editorial', 'conversational'], real_time_streaming: true,
      },
      performance: { avg_engagement_rate: 0.991, total_reach: 8700000, campaigns_completed: 410, avg_conversion_rate: 0.043 },
      pricing: { model: 'per_campaign', base_rate_usd: 299, included_in_plans: ['growth', 'enterprise'] },
      tier: 'flagship', status: 'available',
    });
    expect(lumiere.languages).toHaveLength(22);
    expect(new Set(lumiere.languages).size).toBe(22);
    for (const l of lumiere.languages) expect(LANGUAGES).toContain(l);
    expect(lumiere.tone_modes).toEqual(['luxury', 'editorial', 'conversational']);
    // The list row agrees with the detail.
    expect(lumiere.reach).toBe(8700000);
    expect(lumiere.engagement_rate).toBe(0.991);
    expect(lumiere.total_campaigns).toBe(410);
  });

  it('adds named flagships across the main categories, all well-formed and unique', () => {
    expect(flagships.length).toBeGreaterThanOrEqual(6);
    const categories = new Set(flagships.map((a) => a.category));
    for (const c of ['automotive', 'fashion_lifestyle', 'sustainable_fashion', 'beauty', 'fitness', 'food', 'travel', 'tech',
      'finance', 'gaming']) {
      expect(categories).toContain(c);
    }
    expect(new Set(flagships.map((a) => a.id)).size).toBe(flagships.length);
    expect(new Set(flagships.map((a) => fold(a.name))).size).toBe(flagships.length);
    for (const a of flagships) {
      expect(a.id).toMatch(CATALOG_ID_PATTERN);
      expect(a.tier).toBe('flagship');
      expect(tierForReach(a.reach)).toBe('flagship');
      expect(a.status).toBe('available');
      expect(a.created_at).toMatch(ISO_SECONDS);
      expectWellFormed(a);
    }
  });

  it('returns fresh objects each call', () => {
    const a = flagshipAgents();
    a[0].languages.push('xx');
    a[0].capabilities.tone_modes.length = 0;
    expect(flagshipAgents()[0]).toEqual(flagships[0]);
  });
});

describe('generateCatalogAgent', () => {
  it('is deterministic', () => {
    for (const i of [0, 1, 2, 41, 2399, 123456, 999999]) {
      expect(generateCatalogAgent(i)).toEqual(generateCatalogAgent(i));
    }
    // Pinned, so an accidental change of the generator (and of every seeded catalog) is noticed.
    const first = generateCatalogAgent(0);
    expect(first.id).toBe('agent_zourios_fashion_lifestyle');
    expect(first.name).toBe('ZOURIOS');
  });

  it('gives unique ids and names over the first 100,000 indices, none taken by a flagship', () => {
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const f of flagshipAgents()) { ids.add(f.id); names.add(fold(f.name)); }
    const reserved = ids.size;
    for (let i = 0; i < 100_000; i++) {
      const a = generateCatalogAgent(i);
      ids.add(a.id);
      names.add(fold(a.name));
      if (!CATALOG_ID_PATTERN.test(a.id)) throw new Error(`bad id ${a.id} at ${i}`);
    }
    expect(ids.size).toBe(100_000 + reserved);
    expect(names.size).toBe(100_000 + reserved);
  });

  it('produces pronounceable names', () => {
    for (let i = 0; i < 2000; i++) {
      const { name } = generateCatalogAgent(i);
      expect(name).toMatch(/^[A-Z]{4,12}(-[0-9A-Z]+)?$/);
      expect(name).not.toMatch(/[^AEIOU-]{4}/); // no unreadable consonant pile-ups
      expect(name).toMatch(/[AEIOU]/);
    }
  });

  it('accepts exactly the indices 0..999,999', () => {
    expect(generateCatalogAgent(MAX_GENERATED_AGENTS - 1).id).toMatch(CATALOG_ID_PATTERN);
    for (const bad of [-1, MAX_GENERATED_AGENTS, 1.5, Number.NaN]) {
      expect(() => generateCatalogAgent(bad)).toThrow(RangeError);
    }
  });

  it('fills every field plausibly', () => {
    const languageCounts = new Set<number>();
    for (let i = 0; i < 3000; i++) {
      const a = generateCatalogAgent(i);
      expectWellFormed(a);
      languageCounts.add(a.languages.length);
    }
    expect(Math.min(...languageCounts)).toBe(1);
    expect(Math.max(...languageCounts)).toBeLessThanOrEqual(12);
    expect(languageCounts.size).toBeGreaterThanOrEqual(8);
  });

  it('writes personas the Agent Builder can train on, recovering their tone', () => {
    for (let i = 0; i < 300; i++) {
      const a = generateCatalogAgent(i);
      expect(a.persona_prompt.split(/\s+/).length).toBeGreaterThanOrEqual(30);
      expect(a.persona_prompt.startsWith(`${a.name} is `)).toBe(true);
      const trained = trainAgent({ name: a.name, category: a.category, persona_prompt: a.persona_prompt });
      if (!trained.ok) throw new Error(`index ${i}: ${trained.reason}`);
      for (const t of a.tone_modes) {
        const recovered = trained.style_profile.tone_modes.includes(t)
          || ((t === 'expert' || t === 'enthusiastic') && trained.style_profile.tone_modes.includes('expert_enthusiastic'));
        if (!recovered) throw new Error(`index ${i}: tone ${t} not recovered from "${a.persona_prompt}"`);
      }
    }
  });
});

describe('buildCatalog', () => {
  const catalog = buildCatalog();

  it('has the default size with the flagships first', () => {
    expect(DEFAULT_CATALOG_SIZE).toBe(2400);
    expect(catalog).toHaveLength(2400);
    const flagships = flagshipAgents();
    expect(catalog.slice(0, flagships.length)).toEqual(flagships);
    expect(catalog[flagships.length]).toEqual(generateCatalogAgent(0));
    expect(new Set(catalog.map((a) => a.id)).size).toBe(2400);
    expect(buildCatalog(3).map((a) => a.id)).toEqual(flagships.slice(0, 3).map((a) => a.id));
    expect(buildCatalog(0)).toEqual([]);
  });

  it('has sane distributions', () => {
    const count = <K extends string>(key: (a: CatalogAgent) => K) => {
      const m = new Map<K, number>();
      for (const a of catalog) m.set(key(a), (m.get(key(a)) ?? 0) + 1);
      return m;
    };
    const categories = count((a) => a.category);
    for (const c of AGENT_CATEGORIES) expect(categories.get(c) ?? 0).toBeGreaterThanOrEqual(24);
    for (const t of AGENT_TIERS) expect(count((a) => a.tier).get(t) ?? 0).toBeGreaterThan(0);

    const english = catalog.filter((a) => a.languages.includes('en')).length;
    expect(english / catalog.length).toBeGreaterThan(0.6);
    const languageUse = count((a) => a.languages[0]);
    expect([...languageUse.entries()].sort((a, b) => b[1] - a[1])[0][0]).toBe('en');

    const reach = catalog.map((a) => a.reach).sort((a, b) => a - b);
    const median = reach[reach.length >> 1];
    expect(median).toBeGreaterThan(10_000);
    expect(median).toBeLessThan(500_000);
    expect(reach[0]).toBeGreaterThanOrEqual(1_000);
    expect(reach[reach.length - 1]).toBeLessThanOrEqual(20_000_000);
    // Log-normal: the mean sits well above the median.
    expect(reach.reduce((s, r) => s + r, 0) / reach.length).toBeGreaterThan(2 * median);

    const years = count((a) => a.created_at.slice(0, 4));
    for (const y of ['2023', '2024', '2025']) expect(years.get(y) ?? 0).toBeGreaterThan(400);
    expect(count((a) => a.visibility).get('marketplace')! / catalog.length).toBeGreaterThan(0.5);

    const ratings = catalog.map((a) => a.rating);
    expect(Math.min(...ratings)).toBeGreaterThanOrEqual(3.5);
    expect(Math.max(...ratings)).toBeLessThanOrEqual(5);
    expect(new Set(ratings).size).toBeGreaterThan(8);
  });

  it('prices higher tiers higher', () => {
    const avg = (tier: string) => {
      const xs = catalog.filter((a) => a.tier === tier).map((a) => a.pricing.base_rate_usd);
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    expect(avg('flagship')).toBeGreaterThan(avg('premium'));
    expect(avg('premium')).toBeGreaterThan(avg('standard'));
    expect(avg('standard')).toBeGreaterThan(avg('emerging'));
  });
});

describe('catalog time zones', () => {
  it('knows a real zone for every language but English', () => {
    for (const l of LANGUAGES) {
      if (l === 'en') expect(LANGUAGE_HOME_ZONES[l]).toBeUndefined();
      else expect([l, isTimeZoneName(LANGUAGE_HOME_ZONES[l])]).toEqual([l, true]);
    }
  });

  it('takes the one home its languages share, else none', () => {
    expect(timezoneForLanguages(['en', 'ja'])).toBe('Asia/Tokyo');
    expect(timezoneForLanguages(['de'])).toBe('Europe/Berlin');
    expect(timezoneForLanguages(['en', 'hi', 'ta'])).toBe('Asia/Kolkata');
    expect(timezoneForLanguages(['en'])).toBeNull();
    expect(timezoneForLanguages(['en', 'de', 'fr'])).toBeNull();
    expect(timezoneForLanguages([])).toBeNull();
  });

  it('gives generated agents the zone of their languages, the same on every run; flagships have none', () => {
    const agents = Array.from({ length: 500 }, (_, i) => generateCatalogAgent(i));
    for (const a of agents) expect([a.id, a.timezone]).toEqual([a.id, timezoneForLanguages(a.languages)]);
    const zoned = agents.filter((a) => a.timezone !== null);
    expect(zoned.length).toBeGreaterThan(50);
    expect(zoned.length).toBeLessThan(agents.length);
    expect(generateCatalogAgent(7).timezone).toBe(agents[7].timezone);
    for (const f of flagshipAgents()) expect(f.timezone).toBeNull();
  });
});

function expectWellFormed(a: CatalogAgent): void {
  const where = `${a.id}`;
  const fail = (what: string) => { throw new Error(`${where}: ${what}`); };
  if (!CATALOG_ID_PATTERN.test(a.id)) fail('id');
  if (!(AGENT_CATEGORIES as readonly string[]).includes(a.category)) fail('category');
  const subLabels = CATEGORY_VOCABULARY[a.category].subcategories.map((s) => s.label);
  if (a.subcategories.length < 2 || a.subcategories.some((s) => !subLabels.includes(s))) fail('subcategories');
  if (a.use_cases.length < 1 || a.use_cases.some((u) => !(USE_CASES as readonly string[]).includes(u))) fail('use_cases');
  if (new Set(a.use_cases).size !== a.use_cases.length) fail('use_cases unique');
  if (a.languages.length < 1 || a.languages.length > 22 || new Set(a.languages).size !== a.languages.length) fail('languages');
  if (a.languages.some((l) => !(LANGUAGES as readonly string[]).includes(l))) fail('language code');
  if (!Number.isInteger(a.reach) || a.reach < 1_000 || a.reach > 20_000_000) fail('reach');
  if (a.tier !== 'flagship' && a.tier !== tierForReach(a.reach)) fail('tier');
  if (!(a.engagement_rate > 0 && a.engagement_rate < 1)) fail('engagement_rate');
  if (!Number.isInteger(a.total_campaigns) || a.total_campaigns < 0) fail('total_campaigns');
  if (a.rating < 3.5 || a.rating > 5 || Math.round(a.rating * 10) / 10 !== a.rating) fail('rating');
  if (a.status !== 'available') fail('status');
  if (a.visibility !== 'marketplace' && a.visibility !== 'public') fail('visibility');
  if (!a.headline || a.headline.length > 140) fail('headline');
  if (!a.persona_prompt.includes(a.name) || !/Tone:/.test(a.persona_prompt)) fail('persona_prompt');
  if (a.expertise_domains.length < 2) fail('expertise_domains');
  if (!a.target_audience || !/^[a-z0-9_]+$/.test(a.target_audience)) fail('target_audience');
  if (a.timezone !== null && !isTimeZoneName(a.timezone)) fail('timezone');
  if (a.tone_modes.length < 1 || a.tone_modes.some((t) => !(TONE_MODES as readonly string[]).includes(t))) fail('tone_modes');
  const caps = a.capabilities;
  if (caps.languages !== a.languages.length || !caps.real_time_streaming) fail('capabilities');
  if (caps.content_types.length < 2 || caps.content_types.some((t) => !(CONTENT_TYPES as readonly string[]).includes(t))) {
    fail('content_types');
  }
  if (JSON.stringify(caps.tone_modes) !== JSON.stringify(a.tone_modes)) fail('capabilities.tone_modes');
  const perf = a.performance;
  if (perf.total_reach !== a.reach || perf.avg_engagement_rate !== a.engagement_rate) fail('performance');
  if (perf.campaigns_completed < 0 || perf.campaigns_completed > a.total_campaigns) fail('campaigns_completed');
  if (!(perf.avg_conversion_rate > 0 && perf.avg_conversion_rate < 0.1)) fail('avg_conversion_rate');
  const price = a.pricing;
  if (price.model !== 'per_campaign' && price.model !== 'per_post') fail('pricing.model');
  if (!(price.base_rate_usd > 0) || !(price.per_item_usd > 0) || price.per_item_usd > price.base_rate_usd) fail('pricing');
  if (!price.included_in_plans.includes('enterprise')) fail('included_in_plans');
  const style = a.style_profile;
  if (!['short', 'medium', 'long'].includes(style.sentence_length)) fail('sentence_length');
  if (!['none', 'light', 'heavy'].includes(style.emoji_level)) fail('emoji_level');
  if (!['casual', 'neutral', 'formal'].includes(style.formality)) fail('formality');
  if (style.palette.length < 3 || style.palette.some((c) => !/^#[0-9A-F]{6}$/i.test(c))) fail('palette');
  if (style.signature_phrases.length < 1 || style.keywords.length < 2 || a.keywords.length < 2) fail('style keywords');
  if (!ISO_SECONDS.test(a.created_at) || a.created_at < '2023-01-01' || a.created_at >= '2026-01-01') fail('created_at');
}
