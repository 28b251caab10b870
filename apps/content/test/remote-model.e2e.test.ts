import { DataSource } from 'typeorm';
import { apiClient, startPlatform, TEST_ADMIN_TOKEN, type Platform } from '../../../tools/testing/platform';
import { chatCompletionStream, FakeLlmServer, json } from '../src/generation/testing/fake-llm-server';
import { postSse, streamedText } from './sse-client';

type Call = ReturnType<typeof apiClient>;

/** What a model might send: a title, a claim of first-hand use the rules rewrite, the CTA and a hashtag line. */
const MODEL_TEXT = [
  '# Range that ', 'changes commuting\n', 'I have tested ', 'the EV Series X Pro ', 'on long commutes. ', 'It offers 800 km ', 'of range. ',
  'Charging takes 15 ', 'minutes.\n\n', 'See the specs ', 'today.\n\n', '#EV #Range',
];

const BRIEF = {
  content_type: 'product_review', format: 'linkedin_post', language: 'en',
  product: { name: 'EV Series X Pro', key_claims: ['800 km range'], target_use: 'long-distance commuting' },
};

/**
 * A remote model (an OpenAI-compatible server on loopback, chosen per organization in `content.generation_settings`)
 * streamed through the same path as the offline engine.
 */
describe('generation with a remote model (OpenAI-compatible fake on loopback)', () => {
  let platform: Platform;
  let admin: Call;
  const model = new FakeLlmServer();
  const broken = new FakeLlmServer();
  let modelUrl: string;
  let brokenUrl: string;

  async function orgWith(llm: Record<string, unknown> | null) {
    const res = await admin('POST', '/admin/v1/organizations', { name: `Remote ${Math.random().toString(36).slice(2, 8)}`, plan: 'enterprise' });
    const id = res.body.organization.id as string;
    if (llm) {
      await platform.services.get('content')!.get(DataSource).query(
        `INSERT INTO content.generation_settings (organization_id, livemode, agent_id, llm) VALUES ($1, true, '', $2)`, [id, JSON.stringify(llm)]);
    }
    return { token: res.body.api_key.token as string, call: apiClient(platform.url, res.body.api_key.token) };
  }

  beforeAll(async () => {
    modelUrl = await model.script(chatCompletionStream(MODEL_TEXT, { prompt_tokens: 420, completion_tokens: 57 })).start();
    brokenUrl = await broken.script((_c, res) => json(res, 500, { error: { message: 'upstream exploded' } })).start();
    platform = await startPlatform(['registry', 'content']);
    admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
  });

  afterAll(async () => {
    await platform?.close();
    await model.stop();
    await broken.stop();
  });

  it('streams the model’s text with the rules applied; the stored body is the chunks; model and tokens are recorded', async () => {
    const org = await orgWith({ provider: 'openai_compatible', baseUrl: `${modelUrl}/v1`, model: 'fake-model', name: 'vllm', apiKey: 'never-used' });
    const res = await postSse(`${platform.url}/v1/agents/agent_velo_automotive/content`, org.token, { ...BRIEF, stream: true });
    expect(res.status).toBe(200);
    const contentId = res.events[0].data.content_id;
    const complete = res.events[res.events.length - 2].data;
    expect(complete).toMatchObject({ type: 'content_complete', tokens: 477 });
    const item = (await org.call('GET', `/v1/content/${contentId}`)).body;
    expect(item).toMatchObject({ model: 'vllm/fake-model', tokens: 477, title: 'Range that changes commuting', status: 'pending_review' });
    expect(streamedText(res)).toBe(item.body);
    expect(item.body.startsWith('#ad · AI-generated\n')).toBe(true);
    // The persona never claims first-hand use, not even for a moment on the wire.
    expect(res.text).not.toMatch(/I have tested/);
    expect(item.body).toMatch(/I’ve looked into the EV Series X Pro/);
    expect(item.hashtags).toEqual(expect.arrayContaining(['#EV', '#Range']));
    expect(item.body).not.toMatch(/#EV/);

    // The prompt carried the persona and the brief; an API key from a stored override is never sent.
    const call = model.calls[model.calls.length - 1];
    expect(call.path).toBe('/v1/chat/completions');
    expect(JSON.stringify(call.body)).toMatch(/EV Series X Pro/);
    expect(call.headers.authorization ?? '').not.toMatch(/never-used/);
  });

  it('keeps the offline engine for organizations without an override', async () => {
    const org = await orgWith(null);
    const res = await org.call('POST', '/v1/agents/agent_velo_automotive/content', BRIEF);
    expect(res.status).toBe(201);
    expect(res.body.model).toBe('builtin/template-v1');
  });

  it('reports a failing provider as 503 (JSON) or an error event (SSE), and marks the items failed', async () => {
    const org = await orgWith({ provider: 'openai_compatible', baseUrl: `${brokenUrl}/v1`, model: 'fake-model', maxRetries: 0 });
    const jsonRes = await org.call('POST', '/v1/agents/agent_velo_automotive/content', BRIEF);
    expect(jsonRes.status).toBe(503);
    expect(jsonRes.body.code).toBe('service_unavailable');

    const res = await postSse(`${platform.url}/v1/agents/agent_velo_automotive/content`, org.token, { ...BRIEF, stream: true });
    expect(res.status).toBe(200);
    const tail = res.events.slice(-2).map((e) => e.data);
    expect(tail[0]).toMatchObject({ type: 'error', code: 'service_unavailable' });
    expect(tail[1]).toBe('[DONE]');
    const item = (await org.call('GET', `/v1/content/${res.events[0].data.content_id}`)).body;
    expect(item.status).toBe('failed');
    expect(item.failure_reason).toMatch(/provider/);
  });
});
