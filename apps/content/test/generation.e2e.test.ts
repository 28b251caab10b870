import { allowedFormats, CONTENT_TYPES, CONTENT_FORMATS, FORMAT_PLATFORM, PLATFORM_LIMITS } from '@influgentic/contracts';
import { apiClient, readEvents, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { countHashtags, xWeightedLength } from '../src/generation';
import { postSse, streamedText } from './sse-client';

type Call = ReturnType<typeof apiClient>;

const PERSONA = 'MIRA is a multilingual AI influencer for electric mobility and smart commuting. Expert in battery technology, charging networks and total cost of ownership. Tone: precise, warm, practical; never hype.';
const LANGS = ['en', 'de', 'fr', 'es', 'hi'] as const;
const PRODUCTS: Record<string, { name: string; key_claims: string[]; target_use: string }> = {
  en: { name: 'EV Series X Pro', key_claims: ['800 km range', '15-minute fast charging'], target_use: 'long-distance commuting' },
  de: { name: 'EV Series X Pro', key_claims: ['800 km Reichweite', 'Schnellladen in 15 Minuten'], target_use: 'Langstreckenpendeln' },
  fr: { name: 'EV Series X Pro', key_claims: ['800 km d’autonomie', 'recharge rapide en 15 minutes'], target_use: 'les longs trajets quotidiens' },
  es: { name: 'EV Series X Pro', key_claims: ['800 km de autonomía', 'carga rápida en 15 minutos'], target_use: 'los trayectos largos' },
  hi: { name: 'EV Series X Pro', key_claims: ['800 किमी रेंज', '15 मिनट में फ़ास्ट चार्जिंग'], target_use: 'रोज़ाना की लंबी ड्राइव' },
};
const ITEM_FIELDS = [
  'id', 'agent_id', 'campaign_id', 'content_type', 'format', 'platform', 'language', 'status', 'title', 'body', 'caption', 'hashtags',
  'cta', 'disclosures', 'variants', 'selected_variant', 'media', 'scheduled_at', 'published_at', 'model', 'tokens', 'livemode',
  'created_at', 'updated_at',
];
const AD_TAG: Record<string, string> = { en: '#ad', de: '#Werbung', fr: '#publicité', es: '#publicidad', hi: '#विज्ञापन' };

const brief = (overrides: Record<string, unknown> = {}) => ({
  content_type: 'product_review', product: PRODUCTS.en, format: 'instagram_caption', length: 'medium', language: 'en', include_cta: true,
  ...overrides,
});

describe('content generation (e2e over HTTP, real Postgres and NATS)', () => {
  let platform: Platform;
  let admin: Call;
  let call: Call;
  let token: string;
  let orgId: string;
  let agentId: string;

  async function newOrg(plan = 'enterprise') {
    const res = await admin('POST', '/admin/v1/organizations', { name: `Content ${Math.random().toString(36).slice(2, 8)}`, plan });
    expect(res.status).toBe(201);
    return { id: res.body.organization.id as string, token: res.body.api_key.token as string, call: apiClient(platform.url, res.body.api_key.token) };
  }

  async function buildAgent(c: Call, body: Record<string, unknown>, wait = true): Promise<string> {
    const res = await c('POST', '/v1/agents', { category: 'automotive', ...body });
    expect(res.status).toBe(202);
    if (wait) await waitFor(async () => (await c('GET', `/v1/agents/${res.body.id}`)).body.status !== 'training', 15_000);
    return res.body.id;
  }

  const url = (path: string) => `${platform.url}${path}`;

  beforeAll(async () => {
    process.env.SSE_HEARTBEAT_MS = '150';
    platform = await startPlatform(['registry', 'content']);
    admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    const org = await newOrg();
    orgId = org.id;
    call = org.call;
    token = org.token;
    agentId = await buildAgent(call, { name: 'MIRA', persona_prompt: PERSONA, languages: [...LANGS], tone_modes: ['warm', 'expert'] });
    expect((await call('GET', `/v1/agents/${agentId}`)).body.status).toBe('ready');
  });

  afterAll(async () => {
    delete process.env.SSE_HEARTBEAT_MS;
    delete process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS;
    await platform?.close();
  });

  describe('JSON generation', () => {
    it('writes every type × format pair in en, de, fr, es and hi, within the platform limits, with the disclosures', async () => {
      const failures: string[] = [];
      for (const language of LANGS) {
        const jobs = CONTENT_TYPES.flatMap((type) => allowedFormats(type).map((format) => ({ type, format })));
        // A few at a time: the whole table is about 45 pairs per language.
        for (let i = 0; i < jobs.length; i += 8) {
          await Promise.all(jobs.slice(i, i + 8).map(async ({ type, format }) => {
            const res = await call('POST', `/v1/agents/${agentId}/content`, brief({ content_type: type, format, language, product: PRODUCTS[language] }));
            const tag = `${language} ${type} ${format}`;
            if (res.status !== 201) return void failures.push(`${tag}: ${res.status} ${JSON.stringify(res.body)}`);
            const item = res.body;
            const platformName = FORMAT_PLATFORM[format as keyof typeof FORMAT_PLATFORM];
            const limits = platformName ? PLATFORM_LIMITS[platformName] : null;
            const problems = [
              item.content_type !== type && 'type', item.format !== format && 'format', item.language !== language && 'language',
              item.status !== 'pending_review' && `status ${item.status}`, item.model !== 'builtin/template-v1' && 'model',
              !(item.tokens > 0) && 'tokens', item.livemode !== true && 'livemode', item.body.trim().length < 20 && 'body too short',
              !item.disclosures.includes(AD_TAG[language]) && 'ad disclosure', item.disclosures.length !== (language === 'hi' ? 3 : 2) && 'AI label',
              /\{\w+\}/.test(item.body) && 'unfilled template slot',
              limits?.caption_max_chars && (platformName === 'x' ? xWeightedLength(item.caption) : [...item.caption].length) > limits.caption_max_chars && 'caption too long',
              limits?.max_hashtags != null && countHashtags(item.caption) > limits.max_hashtags && 'too many hashtags',
              item.hashtags.length > 30 && 'more than 30 hashtags',
            ].filter(Boolean);
            if (problems.length) failures.push(`${tag}: ${problems.join(', ')}`);
          }));
        }
      }
      expect(failures).toEqual([]);
    });

    it('answers 201 with the contract item, stores it and emits agent.content_generated', async () => {
      const res = await call('POST', `/v1/agents/${agentId}/content`, brief({ platform: 'instagram' }));
      expect(res.status).toBe(201);
      const item = res.body;
      for (const f of ITEM_FIELDS) expect(item).toHaveProperty(f);
      expect(item.id).toMatch(/^cnt_[0-9a-z]{26}$/);
      expect(item).toMatchObject({
        agent_id: agentId, campaign_id: null, content_type: 'product_review', format: 'instagram_caption', platform: 'instagram',
        language: 'en', status: 'pending_review', variants: [], selected_variant: null, media: [], scheduled_at: null, published_at: null,
        model: 'builtin/template-v1', livemode: true, disclosures: ['#ad', 'AI-generated'],
      });
      // The disclosure comes first, where nobody can miss it.
      expect(item.caption.startsWith('#ad · AI-generated')).toBe(true);
      expect(item.body.startsWith('#ad · AI-generated')).toBe(true);
      const again = await call('GET', `/v1/content/${item.id}`);
      expect(again.status).toBe(200);
      // Reading it back adds its history: created by the key, completed by the platform.
      expect(again.body).toEqual({ ...item, history: [expect.objectContaining({ action: 'generate', to: 'generating' }), expect.objectContaining({ action: 'complete', to: 'pending_review' })] });
      const events = await waitFor(async () => {
        const all = await readEvents<{ content_id: string }>('agent.content_generated');
        return all.find((e) => e.data.content_id === item.id);
      });
      expect(events).toMatchObject({ organization_id: orgId, livemode: true, data: { agent_id: agentId, content_type: 'product_review', format: 'instagram_caption' } });
    });

    it('defaults language to the agent’s first and platform to the one the format names', async () => {
      const res = await call('POST', `/v1/agents/${agentId}/content`, { content_type: 'trivia', product: PRODUCTS.en, format: 'x_post' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ language: 'en', platform: 'x' });
      expect(xWeightedLength(res.body.caption)).toBeLessThanOrEqual(280);
    });

    it('keeps long pieces within X’s 280 and Instagram’s 2,200 characters and 30 hashtags', async () => {
      for (const [format, platformName, max] of [['x_post', 'x', 280], ['instagram_caption', 'instagram', 2200], ['tiktok_caption', 'tiktok', 2200], ['social_post', 'x', 280]] as const) {
        const res = await call('POST', `/v1/agents/${agentId}/content`, brief({ format, platform: platformName, length: 'long', content_type: 'product_launch' }));
        expect(res.status).toBe(201);
        const size = platformName === 'x' ? xWeightedLength(res.body.caption) : [...res.body.caption].length;
        expect(size).toBeLessThanOrEqual(max);
        expect(countHashtags(res.body.caption)).toBeLessThanOrEqual(30);
      }
    });

    it('labels testimonials as the persona’s illustrative voice, never a customer', async () => {
      const res = await call('POST', `/v1/agents/${agentId}/content`, brief({ content_type: 'testimonial', format: 'quote' }));
      expect(res.status).toBe(201);
      expect(res.body.body).toMatch(/not a customer testimonial/);
    });

    it('replays an Idempotency-Key instead of writing a second piece', async () => {
      const headers = { 'idempotency-key': `gen-${Date.now()}` };
      const a = await call('POST', `/v1/agents/${agentId}/content`, brief(), headers);
      const b = await call('POST', `/v1/agents/${agentId}/content`, brief(), headers);
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(b.body.id).toBe(a.body.id);
      expect(b.headers.get('idempotent-replayed')).toBe('true');
    });
  });

  describe('refusals', () => {
    it.each([
      ['a format outside the type’s table', { content_type: 'product_review', format: 'quiz' }, 'format'],
      ['a format of another type', { content_type: 'trivia', format: 'press_release' }, 'format'],
      ['an unknown content type', { content_type: 'meme', format: 'post' }, 'content_type'],
      ['an unknown format', { content_type: 'trivia', format: 'haiku' }, 'format'],
      ['a bad length', { length: 'epic' }, 'length'],
      ['an unknown field', { mood: 'happy' }, 'mood'],
      ['a missing product', { product: undefined }, 'product'],
    ])('422 for %s', async (_name, overrides, fieldName) => {
      const res = await call('POST', `/v1/agents/${agentId}/content`, brief(overrides));
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('validation_error');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(fieldName);
    });

    it('rejects every pair outside the table', async () => {
      const outside = CONTENT_TYPES.flatMap((t) => CONTENT_FORMATS.filter((f) => !allowedFormats(t).includes(f)).map((f) => [t, f] as const));
      expect(outside.length).toBeGreaterThan(10);
      for (const [content_type, format] of outside) {
        const res = await call('POST', `/v1/agents/${agentId}/content`, brief({ content_type, format }));
        expect([content_type, format, res.status]).toEqual([content_type, format, 422]);
      }
    });

    it('422 unsupported_language for a language the agent does not speak', async () => {
      const res = await call('POST', `/v1/agents/${agentId}/content`, brief({ language: 'it' }));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('unsupported_language');
      expect(res.body.errors[0]).toMatchObject({ field: 'language' });
    });

    it('422 unsupported_language when the offline engine cannot write a language the agent speaks', async () => {
      // VELO speaks Japanese; without a model configured the built-in writer does not.
      const res = await call('POST', '/v1/agents/agent_velo_automotive/content', brief({ language: 'ja' }));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('unsupported_language');
    });

    it('409 agent_not_ready while the agent trains, and for an agent whose training failed', async () => {
      // The registry runs in this process and reads its training delay per agent: this one trains slowly.
      const delay = process.env.REGISTRY_TRAINING_DELAY_MS;
      process.env.REGISTRY_TRAINING_DELAY_MS = '20000';
      let training: string;
      try {
        training = await buildAgent(call, { name: `Trainee ${Date.now()}`, persona_prompt: PERSONA }, false);
      } finally {
        if (delay === undefined) delete process.env.REGISTRY_TRAINING_DELAY_MS;
        else process.env.REGISTRY_TRAINING_DELAY_MS = delay;
      }
      const res = await call('POST', `/v1/agents/${training}/content`, brief());
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('agent_not_ready');

      const broken = await buildAgent(call, { name: `Broken ${Date.now()}`, persona_prompt: '12345 67890 !!! ### $$$ %%% 42' });
      expect((await call('GET', `/v1/agents/${broken}`)).body.status).toBe('failed');
      const res2 = await call('POST', `/v1/agents/${broken}/content`, brief());
      expect(res2.status).toBe(409);
      expect(res2.body.code).toBe('agent_not_ready');
    });

    it('404 for an unknown agent and for another organization’s private agent or item', async () => {
      expect((await call('POST', '/v1/agents/agent_nobody_here/content', brief())).status).toBe(404);
      const other = await newOrg();
      expect((await other.call('POST', `/v1/agents/${agentId}/content`, brief())).status).toBe(404);
      const mine = await call('POST', `/v1/agents/${agentId}/content`, brief());
      expect((await other.call('GET', `/v1/content/${mine.body.id}`)).status).toBe(404);
      expect((await call('GET', '/v1/content/cnt_00000000000000000000000000')).status).toBe(404);
    });

    it('403 without the content:generate scope, and for an agent outside X-Influgentic-Agent', async () => {
      const key = await call('POST', '/v1/api-keys', { name: 'reader', scopes: ['content:read'], mode: 'live' });
      const reader = apiClient(platform.url, key.body.token);
      const res = await reader('POST', `/v1/agents/${agentId}/content`, brief());
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('insufficient_scope');
      const narrowed = await call('POST', `/v1/agents/${agentId}/content`, brief(), { 'x-influgentic-agent': 'agent_velo_automotive' });
      expect(narrowed.status).toBe(403);
    });

    it('403 forbidden for another agent’s item under X-Influgentic-Agent (as on campaigns); 404 stays for other organizations', async () => {
      const mine = await call('POST', `/v1/agents/${agentId}/content`, brief());
      expect(mine.status).toBe(201);
      const narrowedAway = await call('GET', `/v1/content/${mine.body.id}`, undefined, { 'x-influgentic-agent': 'agent_velo_automotive' });
      expect(narrowedAway.status).toBe(403);
      expect(narrowedAway.body.code).toBe('forbidden');
      const narrowedTo = await call('GET', `/v1/content/${mine.body.id}`, undefined, { 'x-influgentic-agent': agentId });
      expect(narrowedTo.status).toBe(200);
      const other = await newOrg();
      expect((await other.call('GET', `/v1/content/${mine.body.id}`, undefined, { 'x-influgentic-agent': 'agent_velo_automotive' })).status).toBe(404);
    });
  });

  describe('streaming (SSE)', () => {
    it('streams agent_start, the chunks, content_complete and [DONE]; the stored body is the concatenated chunks', async () => {
      const res = await postSse(url(`/v1/agents/${agentId}/content`), token, brief({ stream: true, format: 'article', length: 'long' }));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/event-stream');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('x-accel-buffering')).toBe('no');
      expect(res.headers.get('x-request-id')).toBeTruthy();
      const types = res.events.map((e) => (e.data === '[DONE]' ? '[DONE]' : e.data.type));
      expect(types[0]).toBe('agent_start');
      expect(types.slice(-2)).toEqual(['content_complete', '[DONE]']);
      expect(types.filter((t) => t === 'content_chunk').length).toBeGreaterThan(50);
      expect(types.slice(1, -2).every((t) => t === 'content_chunk')).toBe(true);
      const start = res.events[0].data;
      expect(start).toEqual({ type: 'agent_start', agent: 'MIRA', session_id: expect.stringMatching(/^sess_[0-9a-z]{26}$/), content_id: expect.stringMatching(/^cnt_/) });
      const complete = res.events[res.events.length - 2].data;
      expect(Object.keys(complete).sort()).toEqual(['content_id', 'latency_ms', 'tokens', 'type']);
      expect(complete.content_id).toBe(start.content_id);
      expect(complete.tokens).toBeGreaterThan(100);
      expect(complete.latency_ms).toBeGreaterThanOrEqual(0);
      // The raw wire format is exactly `data: <json>\n\n`.
      expect(res.text.startsWith('data: {"type":"agent_start"')).toBe(true);
      expect(res.text.endsWith('data: [DONE]\n\n')).toBe(true);

      const item = await call('GET', `/v1/content/${start.content_id}`);
      expect(item.body.status).toBe('pending_review');
      expect(streamedText(res)).toBe(item.body.body);
      expect(item.body.tokens).toBe(complete.tokens);
    });

    it('streams with Accept: text/event-stream too, in every language, body equal to the chunks', async () => {
      for (const language of LANGS) {
        const res = await postSse(url(`/v1/agents/${agentId}/content`), token,
          brief({ language, product: PRODUCTS[language], content_type: 'lead_magnet', format: 'email' }), { headers: { accept: 'text/event-stream' } });
        expect(res.status).toBe(200);
        const contentId = res.events[0].data.content_id;
        const item = await call('GET', `/v1/content/${contentId}`);
        expect([language, streamedText(res)]).toEqual([language, item.body.body]);
        expect(item.body.body.startsWith(language === 'en' ? 'Advertisement · AI-generated' : '')).toBe(true);
      }
    });

    it('answers problem+json, not a stream, when the request is refused before it starts', async () => {
      const cases: Array<[Record<string, unknown>, number, string, Record<string, string>?]> = [
        [brief({ stream: true, language: 'it' }), 422, 'unsupported_language'],
        [brief({ stream: true, format: 'quiz' }), 422, 'validation_error'],
        [brief({ format: 'quiz' }), 422, 'validation_error', { accept: 'text/event-stream' }],
      ];
      for (const [body, status, code, headers] of cases) {
        const res = await postSse(url(`/v1/agents/${agentId}/content`), token, body, { headers });
        expect(res.status).toBe(status);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(res.text).code).toBe(code);
      }
      const unknown = await postSse(url('/v1/agents/agent_nobody_here/content'), token, brief({ stream: true }));
      expect(unknown.status).toBe(404);
      expect(JSON.parse(unknown.text).code).toBe('not_found');
      const noKey = await postSse(url(`/v1/agents/${agentId}/content`), 'ig_live_wrongwrongwrongwrong', brief({ stream: true }));
      expect(noKey.status).toBe(401);
      expect(noKey.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });

    it('counts streams against the generate rate limit and answers 429 problem+json before any stream', async () => {
      const starter = await newOrg('starter');
      const velo = (body: Record<string, unknown>) => postSse(url('/v1/agents/agent_velo_automotive/content'), starter.token, body);
      for (let i = 0; i < 20; i++) {
        const res = await velo(brief({ stream: true, format: 'x_post' }));
        expect(res.status).toBe(200);
        expect(res.headers.get('x-ratelimit-limit')).toBe('20');
      }
      const limited = await velo(brief({ stream: true, format: 'x_post' }));
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(JSON.parse(limited.text).code).toBe('rate_limited');
    });

    it('stops generating when the client disconnects mid-stream, and marks the item failed', async () => {
      process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS = '15';
      try {
        const res = await postSse(url(`/v1/agents/${agentId}/content`), token, brief({ stream: true, format: 'article', length: 'long' }), {
          stopWhen: (events) => events.filter((e) => e.data?.type === 'content_chunk').length >= 5,
        });
        expect(res.status).toBe(200);
        const contentId = res.events[0].data.content_id;
        expect(res.events.some((e) => e.data === '[DONE]')).toBe(false);
        const item = await waitFor(async () => {
          const r = await call('GET', `/v1/content/${contentId}`);
          return r.body.status !== 'generating' ? r.body : null;
        }, 10_000);
        expect(item.status).toBe('failed');
        expect(item.failure_reason).toMatch(/cancelled: the client disconnected/);
        // A long article at 15 ms a word would take many seconds; it stopped long before.
        expect(Date.parse(item.updated_at) - Date.parse(item.created_at)).toBeLessThan(3000);
      } finally {
        delete process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS;
      }
    });

    it('sends heartbeat comment lines while a stream is open', async () => {
      process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS = '20';
      try {
        const res = await postSse(url(`/v1/agents/${agentId}/content`), token, brief({ stream: true, format: 'linkedin_post', length: 'medium' }));
        expect(res.status).toBe(200);
        expect(res.comments).toContain('heartbeat');
        expect(res.text).toMatch(/\n: heartbeat\n\n/);
        expect(res.events[res.events.length - 1].data).toBe('[DONE]');
        const item = await call('GET', `/v1/content/${res.events[0].data.content_id}`);
        expect(streamedText(res)).toBe(item.body.body);
      } finally {
        delete process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS;
      }
    });

    it('serves many concurrent streams, each complete and each equal to its stored item', async () => {
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
        postSse(url(`/v1/agents/${agentId}/content`), token, brief({ stream: true, language: LANGS[i % 5], product: PRODUCTS[LANGS[i % 5]], format: 'social_post' }))));
      for (const res of results) {
        expect(res.status).toBe(200);
        expect(res.events[res.events.length - 1].data).toBe('[DONE]');
      }
      const sample = results.slice(0, 5);
      for (const res of sample) {
        const item = await call('GET', `/v1/content/${res.events[0].data.content_id}`);
        expect(streamedText(res)).toBe(item.body.body);
      }
    });
  });
});
