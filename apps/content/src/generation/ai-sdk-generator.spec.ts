import { z } from 'zod';
import { createTextGenerator, type LlmConfig } from './config';
import { finalizeForRequest } from './finalize';
import { platformViolations } from './platform';
import {
  anthropicStream, chatCompletionStream, FakeLlmServer, googleStream, hang, json, malformedChatStream, responsesStream, stalledChatStream,
} from './testing/fake-llm-server';
import { request } from './testing/fixtures';
import { GenerationError, type GenerationRequest, type TextGenerator } from './types';

// Real HTTP against loopback servers: nothing here mocks fetch.

const MODEL_TEXT = [
  'Range anxiety, meet the ', 'EV Series X Pro. ', '800 km on one charge, per Voltra’s spec sheet.\n\n',
  'Take a closer look → link in bio\n\n', '#EVSeriesXPro #ElectricCars',
];

const server = new FakeLlmServer();
let base = '';

beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());
beforeEach(() => {
  server.calls.length = 0;
});

async function run(gen: TextGenerator, req: GenerationRequest = request(), signal?: AbortSignal) {
  const s = gen.stream(req, { signal });
  const chunks: string[] = [];
  for await (const c of s) chunks.push(c);
  return { chunks, usage: await s.usage, result: await s.result };
}

async function failure(gen: TextGenerator, req: GenerationRequest = request(), signal?: AbortSignal): Promise<GenerationError> {
  try {
    await run(gen, req, signal);
  } catch (error) {
    expect(error).toBeInstanceOf(GenerationError);
    return error as GenerationError;
  }
  throw new Error('expected the generation to fail');
}

const gen = (config: LlmConfig) => createTextGenerator({ apiKey: 'sk-test', maxRetries: 2, timeoutMs: 5000, ...config }, { env: {} });

describe('OpenAI adapter', () => {
  it('streams from the Responses API (the SDK default) over SSE and records usage', async () => {
    server.script(responsesStream(MODEL_TEXT));
    const { chunks, usage, result } = await run(gen({ provider: 'openai', baseUrl: `${base}/v1`, model: 'gpt-4o-mini' }));
    expect(chunks.join('')).toBe(MODEL_TEXT.join(''));
    expect(chunks.length).toBeGreaterThan(1);
    expect(usage).toEqual({ inputTokens: 40, outputTokens: 15, model: 'openai/gpt-4o-mini' });
    const [call] = server.calls;
    expect(call.path).toBe('/v1/responses');
    expect(call.headers.authorization).toBe('Bearer sk-test');
    expect(call.body).toMatchObject({ model: 'gpt-4o-mini', stream: true });
    expect(JSON.stringify(call.body)).toContain('never claim to have used'.replace('never', 'Never'));
    expect(result.hashtags).toEqual(['#EVSeriesXPro', '#ElectricCars']);
    expect(result.cta).toBe('Take a closer look → link in bio');
    expect(result.body).not.toContain('#ElectricCars');
  });

  it('streams from Chat Completions when configured', async () => {
    server.script(chatCompletionStream(MODEL_TEXT));
    const { chunks, usage } = await run(gen({ provider: 'openai', baseUrl: `${base}/v1`, openaiApi: 'chat' }));
    expect(chunks.join('')).toBe(MODEL_TEXT.join(''));
    expect(usage).toEqual({ inputTokens: 42, outputTokens: 17, model: 'openai/gpt-4o-mini' });
    expect(server.calls[0].path).toBe('/v1/chat/completions');
    expect(server.calls[0].body).toMatchObject({ stream: true, model: 'gpt-4o-mini' });
  });

  it('retries a 429 with backoff, honouring retry-after, then succeeds', async () => {
    server.script(
      (_c, res) => json(res, 429, { error: { message: 'Rate limit reached', type: 'rate_limit_error' } }, { 'retry-after-ms': '20' }),
      chatCompletionStream(MODEL_TEXT),
    );
    const started = Date.now();
    const { chunks } = await run(gen({ provider: 'openai', baseUrl: `${base}/v1`, openaiApi: 'chat' }));
    expect(chunks.join('')).toBe(MODEL_TEXT.join(''));
    expect(server.calls).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('gives up on a persistent 500 after the configured retries', async () => {
    server.script((_c, res) => json(res, 500, { error: { message: 'upstream exploded' } }, { 'retry-after-ms': '5' }));
    const error = await failure(gen({ provider: 'openai', baseUrl: `${base}/v1`, openaiApi: 'chat', maxRetries: 2 }));
    expect(error).toMatchObject({ code: 'provider_error', status: 500 });
    expect(server.calls).toHaveLength(3);
  });

  it('reports an exhausted rate limit as rate_limited', async () => {
    server.script((_c, res) => json(res, 429, { error: { message: 'slow down' } }, { 'retry-after-ms': '5' }));
    const error = await failure(gen({ provider: 'openai', baseUrl: `${base}/v1`, openaiApi: 'chat', maxRetries: 1 }));
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(server.calls).toHaveLength(2);
  });

  it('does not retry a rejected key', async () => {
    server.script((_c, res) => json(res, 401, { error: { message: 'Incorrect API key' } }));
    const error = await failure(gen({ provider: 'openai', baseUrl: `${base}/v1`, openaiApi: 'chat' }));
    expect(error).toMatchObject({ code: 'config_error', status: 401 });
    expect(server.calls).toHaveLength(1);
  });

  it('times out when the provider never answers', async () => {
    server.script(hang);
    const started = Date.now();
    const error = await failure(gen({ provider: 'openai', baseUrl: `${base}/v1`, openaiApi: 'chat', timeoutMs: 300, maxRetries: 0 }));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out when a started stream goes silent', async () => {
    server.script(stalledChatStream(['Range anxiety, ', 'meet ']));
    const s = gen({ provider: 'openai', baseUrl: `${base}/v1`, openaiApi: 'chat', timeoutMs: 5000, idleTimeoutMs: 300, maxRetries: 0 }).stream(request());
    const chunks: string[] = [];
    await expect((async () => {
      for await (const c of s) chunks.push(c);
    })()).rejects.toMatchObject({ code: 'timeout' });
    expect(chunks.join('')).toBe('Range anxiety, meet ');
  });

  it('fails cleanly on a malformed stream', async () => {
    server.script(malformedChatStream());
    const error = await failure(gen({ provider: 'openai', baseUrl: `${base}/v1`, openaiApi: 'chat', maxRetries: 0 }));
    expect(error.code).toBe('bad_response');
  });

  it('stops when the caller aborts (client disconnect)', async () => {
    server.script(stalledChatStream(['Range anxiety, ']));
    const controller = new AbortController();
    const s = gen({ provider: 'openai', baseUrl: `${base}/v1`, openaiApi: 'chat', maxRetries: 0 }).stream(request(), { signal: controller.signal });
    await expect((async () => {
      for await (const _c of s) controller.abort();
    })()).rejects.toMatchObject({ code: 'aborted' });
    await expect(s.usage).rejects.toMatchObject({ code: 'aborted' });
  });

  it('generates a structured object against a zod schema', async () => {
    const variants = { variants: [{ style: 'punchy', caption: 'EV Series X Pro. 800 km.' }, { style: 'question-led', caption: 'How far is far enough?' }] };
    server.script((_c, res) => json(res, 200, {
      id: 'chatcmpl-obj', object: 'chat.completion', created: 1_700_000_000, model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(variants) }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 50, completion_tokens: 20, total_tokens: 70 },
    }));
    const schema = z.object({ variants: z.array(z.object({ style: z.string(), caption: z.string() })) });
    const { object, usage } = await gen({ provider: 'openai', baseUrl: `${base}/v1`, openaiApi: 'chat' }).generateObject(request(), schema);
    expect(object).toEqual(variants);
    expect(usage).toMatchObject({ inputTokens: 50, outputTokens: 20 });
    expect(server.calls[0].body).toMatchObject({ response_format: { type: 'json_schema' } });
  });

  it('rejects an object that does not match the schema', async () => {
    server.script((_c, res) => json(res, 200, {
      id: 'chatcmpl-obj', object: 'chat.completion', created: 1_700_000_000, model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: '{"variants": "nope"}' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 },
    }));
    const schema = z.object({ variants: z.array(z.string()) });
    await expect(gen({ provider: 'openai', baseUrl: `${base}/v1`, openaiApi: 'chat', maxRetries: 0 }).generateObject(request(), schema))
      .rejects.toMatchObject({ code: 'bad_response' });
  });
});

describe('OpenAI-compatible adapter (vLLM, Ollama, llama.cpp)', () => {
  it('streams Chat Completions from a self-hosted server without an API key and asks for usage', async () => {
    server.script(chatCompletionStream(MODEL_TEXT, { prompt_tokens: 11, completion_tokens: 9 }));
    const generator = createTextGenerator({ provider: 'openai_compatible', baseUrl: `${base}/v1`, model: 'llama3.1', name: 'ollama' }, { env: {} });
    const { chunks, usage } = await run(generator);
    expect(generator.model).toBe('ollama/llama3.1');
    expect(chunks.join('')).toBe(MODEL_TEXT.join(''));
    expect(usage).toEqual({ inputTokens: 11, outputTokens: 9, model: 'ollama/llama3.1' });
    expect(server.calls[0]).toMatchObject({ path: '/v1/chat/completions', body: { model: 'llama3.1', stream: true, stream_options: { include_usage: true } } });
    expect(server.calls[0].headers.authorization).toBeUndefined();
  });
});

describe('Anthropic adapter', () => {
  it('streams from the Messages API over SSE with the x-api-key header', async () => {
    server.script(anthropicStream(MODEL_TEXT));
    const { chunks, usage } = await run(gen({ provider: 'anthropic', baseUrl: `${base}/v1`, model: 'claude-3-5-haiku-latest' }));
    expect(chunks.join('')).toBe(MODEL_TEXT.join(''));
    expect(usage).toEqual({ inputTokens: 38, outputTokens: 14, model: 'anthropic/claude-3-5-haiku-latest' });
    const [call] = server.calls;
    expect(call.path).toBe('/v1/messages');
    expect(call.headers['x-api-key']).toBe('sk-test');
    expect(call.body).toMatchObject({ model: 'claude-3-5-haiku-latest', stream: true });
    expect(typeof call.body.system === 'string' || Array.isArray(call.body.system)).toBe(true);
  });

  it('retries Anthropic’s 529 overload and 429, then streams', async () => {
    server.script(
      (_c, res) => json(res, 529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, { 'retry-after-ms': '5' }),
      (_c, res) => json(res, 429, { type: 'error', error: { type: 'rate_limit_error', message: 'Slow down' } }, { 'retry-after-ms': '5' }),
      anthropicStream(MODEL_TEXT),
    );
    const { chunks } = await run(gen({ provider: 'anthropic', baseUrl: `${base}/v1` }));
    expect(chunks.join('')).toBe(MODEL_TEXT.join(''));
    expect(server.calls).toHaveLength(3);
  });

  it('reports a 500 as a provider error', async () => {
    server.script((_c, res) => json(res, 500, { type: 'error', error: { type: 'api_error', message: 'Internal' } }));
    const error = await failure(gen({ provider: 'anthropic', baseUrl: `${base}/v1`, maxRetries: 0 }));
    expect(error).toMatchObject({ code: 'provider_error', status: 500 });
  });
});

describe('Google adapter', () => {
  it('streams from streamGenerateContent over SSE', async () => {
    server.script(googleStream(MODEL_TEXT));
    const { chunks, usage } = await run(gen({ provider: 'google', baseUrl: `${base}/v1beta`, model: 'gemini-2.0-flash' }));
    expect(chunks.join('')).toBe(MODEL_TEXT.join(''));
    expect(usage).toEqual({ inputTokens: 36, outputTokens: 13, model: 'google/gemini-2.0-flash' });
    expect(server.calls[0].path).toMatch(/^\/v1beta\/models\/gemini-2\.0-flash:streamGenerateContent\?alt=sse/);
    expect(server.calls[0].headers['x-goog-api-key']).toBe('sk-test');
  });
});

describe('remote output through the final pass', () => {
  it('gets the same compliance and platform fit as offline output', async () => {
    const wordy = [`${'Charge less, drive more. '.repeat(20)}I tried it on the Autobahn.\n\n`, '#EV #Range #Tech'];
    server.script(chatCompletionStream(wordy));
    const req = request({ format: 'x_post', platform: 'x', compliance_mode: 'strict' });
    const { result } = await run(gen({ provider: 'openai', baseUrl: `${base}/v1`, openaiApi: 'chat' }), req);
    const final = finalizeForRequest(result, req);
    expect(final.caption.startsWith('#ad · AI-generated\n')).toBe(true);
    expect(final.caption).not.toMatch(/I tried/);
    expect(platformViolations(final, 'x', 'x_post')).toEqual([]);
    expect(final.requiresReview).toBe(true);
  });
});
