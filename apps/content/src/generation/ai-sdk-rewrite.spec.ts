import { createTextGenerator } from './config';
import { compose } from './compose';
import { finalizeForRequest } from './finalize';
import { finalizeRewrite } from './rewrite';
import { FakeLlmServer, json } from './testing/fake-llm-server';
import { request } from './testing/fixtures';
import type { RewriteRequest } from './types';

// Real HTTP against a loopback server that plays an OpenAI-compatible provider.

const server = new FakeLlmServer();
let base = '';
beforeAll(async () => { base = await server.start(); });
afterAll(() => server.stop());
beforeEach(() => { server.calls.length = 0; });

/** A non-streamed Chat Completions answer. */
const completion = (content: string) => (_c: unknown, res: Parameters<typeof json>[0]) => json(res, 200, {
  id: 'chatcmpl-rw', object: 'chat.completion', created: 1_700_000_000, model: 'test-model',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 },
});

function rewriteRequest(style: RewriteRequest['style']): RewriteRequest {
  const req = request({ format: 'instagram_caption', platform: 'instagram' });
  const final = finalizeForRequest(compose(req), req);
  return {
    agent: req.agent, product: req.product, content_type: req.content_type, format: req.format, platform: req.platform, language: 'en',
    tone: null, compliance_mode: 'standard', sponsored: true, style, caption: final.caption, hashtags: final.hashtags, cta: final.cta, seed: 1,
  };
}

const gen = () => createTextGenerator({ provider: 'openai', baseUrl: `${base}/v1`, openaiApi: 'chat', apiKey: 'sk-test', maxRetries: 0, timeoutMs: 5000 }, { env: {} });

describe('AI SDK adapter: caption rewrites', () => {
  it('asks the model for the style with the caption, its CTA and hashtags, and keeps disclosures and limits after', async () => {
    server.script(completion('"Which spec would change your commute most?\n\n**800 km range.** AI-assisted driving.\n\nCheck out EV Series X Pro → link in bio\n\n#ad #EVSeriesXPro #RoadTrip"'));
    const r = rewriteRequest('question-led');
    const result = await gen().rewrite(r);
    const [call] = server.calls;
    expect(call.path).toBe('/v1/chat/completions');
    const sent = JSON.stringify(call.body);
    expect(sent).toContain('Question-led: turn the opening line into a question');
    expect(sent).toContain('Check out EV Series X Pro → link in bio');
    expect(sent).toContain('#EVSeriesXPro #ProductReview');
    expect(sent).toContain('Never claim to have used');
    expect(sent).not.toContain('#ad · AI-generated');
    expect(result.usage).toEqual({ inputTokens: 120, outputTokens: 30, model: 'openai/gpt-4o-mini' });
    // Quotes and markdown off; the caption's own tags kept, the model's new one added at the end.
    expect(result.caption.startsWith('Which spec would change your commute most?')).toBe(true);
    expect(result.caption).not.toContain('**');
    expect(result.caption).toMatch(/#EVSeriesXPro #ProductReview .*#RoadTrip$/u);
    const final = finalizeRewrite(result.caption, r);
    expect(final.caption.startsWith('#ad · AI-generated\nWhich spec')).toBe(true);
    // The model's own #ad is not repeated after the disclosure line.
    expect(final.caption.match(/#ad\b/g)).toHaveLength(1);
    expect(final.disclosures).toEqual(['#ad', 'AI-generated']);
  });

  it('names each style in the prompt (story-led stays honest about a virtual persona)', async () => {
    server.script(completion('A scene.\n\nCheck out EV Series X Pro → link in bio'));
    await gen().rewrite(rewriteRequest('story-led'));
    await gen().rewrite(rewriteRequest('punchy'));
    await gen().rewrite(rewriteRequest('cta-led'));
    const prompts = server.calls.map((c) => JSON.stringify(c.body));
    expect(prompts[0]).toContain('never using, wearing, driving or tasting the product');
    expect(prompts[1]).toContain('Punchy: short sentences of at most nine words');
    expect(prompts[2]).toContain('CTA-led: the first line is the call to action (\\"Check out EV Series X Pro → link in bio\\", word for word)');
  });

  it('maps an empty answer and provider failures onto the port errors', async () => {
    server.script(completion('   '));
    await expect(gen().rewrite(rewriteRequest('punchy'))).rejects.toMatchObject({ code: 'bad_response' });
    server.script((_c, res) => json(res, 429, { error: { message: 'slow down' } }));
    await expect(gen().rewrite(rewriteRequest('punchy'))).rejects.toMatchObject({ code: 'rate_limited' });
  });
});
