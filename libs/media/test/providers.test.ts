import { AsyncVideoProvider, MediaProviderError, OpenAiCompatibleImageProvider } from '../src/providers';
import { FakeHttpServer, RecordedRequest, sendJson, startFakeHttpServer } from '../src/testing/fake-http-server';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(20), Buffer.from('moov fake video')]);

const servers: FakeHttpServer[] = [];
async function serve(handler: Parameters<typeof startFakeHttpServer>[0]): Promise<FakeHttpServer> {
  const server = await startFakeHttpServer(handler);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const bodyOf = (req: RecordedRequest) => JSON.parse(req.body.toString('utf8'));

function imageProvider(baseUrl: string, timeoutMs = 5000) {
  return new OpenAiCompatibleImageProvider({ baseUrl: `${baseUrl}/v1`, apiKey: 'sk-test', model: 'dall-e-3', timeoutMs });
}

describe('OpenAiCompatibleImageProvider', () => {
  it('asks for one b64 image of the ratio size and returns the PNG', async () => {
    const api = await serve((req, res) => sendJson(res, 200, { created: 1, model: 'dall-e-3-2025', data: [{ b64_json: PNG.toString('base64') }] }));
    const result = await imageProvider(api.url).generate({ prompt: 'a red car at dawn', aspectRatio: '9:16' });
    expect(result.png.equals(PNG)).toBe(true);
    expect(result.model).toBe('dall-e-3-2025');
    const [request] = api.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v1/images/generations');
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect(bodyOf(request)).toEqual({ model: 'dall-e-3', prompt: 'a red car at dawn', n: 1, size: '1024x1792', response_format: 'b64_json' });
  });

  it('downloads a url answer, without sending the key to another host', async () => {
    const files = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(PNG);
    });
    const api = await serve((req, res) => sendJson(res, 200, { data: [{ url: `${files.url}/img/1.png` }] }));
    const result = await imageProvider(api.url).generate({ prompt: 'p', aspectRatio: '16:9' });
    expect(result.png.equals(PNG)).toBe(true);
    expect(result.model).toBe('dall-e-3');
    expect(bodyOf(api.requests[0]).size).toBe('1792x1024');
    expect(files.requests.map((r) => r.url)).toEqual(['/img/1.png']);
    expect(files.requests[0].headers.authorization).toBeUndefined();
  });

  it("carries the provider's own error message and status", async () => {
    const api = await serve((req, res) => sendJson(res, 400, { error: { message: 'Your request was rejected as a result of our safety system.', type: 'invalid_request_error' } }));
    const err = await imageProvider(api.url).generate({ prompt: 'p', aspectRatio: '1:1' }).catch((e) => e);
    expect(err).toBeInstanceOf(MediaProviderError);
    expect(err.provider).toBe('openai-compatible');
    expect(err.status).toBe(400);
    expect(err.failure).toBe('http');
    expect(err.message).toContain('Your request was rejected as a result of our safety system.');
  });

  it('refuses an image that is not a PNG', async () => {
    const api = await serve((req, res) => sendJson(res, 200, { data: [{ b64_json: JPEG.toString('base64') }] }));
    await expect(imageProvider(api.url).generate({ prompt: 'p', aspectRatio: '1:1' })).rejects.toMatchObject({ failure: 'invalid_response', message: expect.stringMatching(/not a PNG/) });
  });

  it('says the server could not be reached, not a bare "fetch failed"', async () => {
    const gone = await startFakeHttpServer(() => undefined);
    await gone.close();
    const err = await imageProvider(gone.url).generate({ prompt: 'p', aspectRatio: '1:1' }).catch((e) => e);
    expect(err).toBeInstanceOf(MediaProviderError);
    expect(err.failure).toBe('network');
    expect(err.message).toMatch(/could not reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/);
  });

  it('says when it timed out', async () => {
    const api = await serve(() => new Promise<void>(() => undefined));
    const started = Date.now();
    const err = await imageProvider(api.url, 300).generate({ prompt: 'p', aspectRatio: '1:1' }).catch((e) => e);
    expect(err).toBeInstanceOf(MediaProviderError);
    expect(err.failure).toBe('timeout');
    expect(err.message).toMatch(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

/** Output URLs in the steps name `FILES`, replaced by the address of the server that serves the file. */
function withHost(output: unknown, host: string): unknown {
  if (typeof output === 'string') return output.replace('FILES', host);
  return Array.isArray(output) ? output.map((o) => withHost(o, host)) : output;
}

/** A fake prediction API: each poll walks one step through `steps`; cancel marks the prediction canceled. */
async function fakePredictions(steps: Array<Record<string, unknown>>, files?: FakeHttpServer) {
  let polls = 0;
  let canceled = false;
  const api = await serve((req, res) => {
    const base = { id: 'pred_1', urls: { get: `${api.url}/v1/predictions/pred_1`, cancel: `${api.url}/v1/predictions/pred_1/cancel` } };
    if (req.method === 'POST' && req.url === '/v1/predictions') return sendJson(res, 201, { ...base, status: 'starting' });
    if (req.method === 'POST' && req.url === '/v1/predictions/pred_1/cancel') {
      canceled = true;
      return sendJson(res, 200, { ...base, status: 'canceled' });
    }
    if (req.method === 'GET' && req.url === '/v1/predictions/pred_1') {
      const step = steps[Math.min(polls++, steps.length - 1)];
      return sendJson(res, 200, { ...base, ...step, output: withHost(step.output, files?.url ?? api.url) });
    }
    if (req.method === 'GET' && req.url === '/files/out.mp4') {
      res.writeHead(200, { 'content-type': 'video/mp4' });
      return void res.end(MP4);
    }
    sendJson(res, 404, { detail: 'Not found.' });
  });
  return { api, wasCanceled: () => canceled };
}

function videoProvider(baseUrl: string, options: Partial<ConstructorParameters<typeof AsyncVideoProvider>[0]> = {}) {
  return new AsyncVideoProvider({ baseUrl: `${baseUrl}/v1`, apiKey: 'r8_test', model: 'acme/video-model', pollIntervalMs: 20, timeoutMs: 5000, ...options });
}

describe('AsyncVideoProvider', () => {
  it('creates a prediction, polls it with progress, then downloads and checks the MP4', async () => {
    const files = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'video/mp4' });
      res.end(MP4);
    });
    const { api } = await fakePredictions([
      { status: 'processing', logs: 'warming up' },
      { status: 'processing', logs: ' 30%|███       | 15/50' },
      { status: 'processing', progress: 0.8 },
      { status: 'succeeded', output: ['FILES/out.mp4'] },
    ], files);
    const progress: number[] = [];
    const result = await videoProvider(api.url).generate({ prompt: 'city at night', durationSeconds: 6, aspectRatio: '9:16', onProgress: (f) => progress.push(f) });

    expect(result.mp4.equals(MP4)).toBe(true);
    expect(result.model).toBe('acme/video-model');
    const create = api.requests[0];
    expect(create.headers.authorization).toBe('Bearer r8_test');
    expect(bodyOf(create)).toEqual({ model: 'acme/video-model', input: { prompt: 'city at night', duration: 6, aspect_ratio: '9:16' } });
    expect(api.requests.filter((r) => r.method === 'GET').every((r) => r.headers.authorization === 'Bearer r8_test')).toBe(true);
    expect(files.requests[0].headers.authorization).toBeUndefined();
    expect(progress).toContain(0.3);
    expect(progress).toContain(0.8);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('follows the prediction an earlier attempt started instead of paying for a new one, and reports a new one at once', async () => {
    const { api } = await fakePredictions([{ status: 'processing' }, { status: 'succeeded', output: 'FILES/files/out.mp4' }]);
    const resumed = await videoProvider(api.url).generate({ prompt: 'p', durationSeconds: 5, aspectRatio: '1:1', resumeId: 'pred_1' });
    expect(resumed.mp4.equals(MP4)).toBe(true);
    expect(api.requests.filter((r) => r.method === 'POST')).toEqual([]);

    // Unknown to the provider (404): a new prediction, whose id is handed over before any waiting.
    const started: string[] = [];
    const fresh = await fakePredictions([{ status: 'succeeded', output: 'FILES/files/out.mp4' }]);
    await videoProvider(fresh.api.url).generate({ prompt: 'p', durationSeconds: 5, aspectRatio: '1:1', resumeId: 'pred_gone', onStarted: (id) => { started.push(id); } });
    expect(fresh.api.requests.map((r) => `${r.method} ${r.url}`).slice(0, 2)).toEqual(['GET /v1/predictions/pred_gone', 'POST /v1/predictions']);
    expect(started).toEqual(['pred_1']);
  });

  it('starts anew when the earlier prediction failed or was cancelled', async () => {
    const { api } = await fakePredictions([{ status: 'canceled' }, { status: 'succeeded', output: 'FILES/files/out.mp4' }]);
    await videoProvider(api.url).generate({ prompt: 'p', durationSeconds: 5, aspectRatio: '1:1', resumeId: 'pred_1' });
    expect(api.requests.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual(['/v1/predictions']);
  });

  it('sends a version id as version and takes a single string output from its own origin', async () => {
    const { api } = await fakePredictions([{ status: 'succeeded', output: 'FILES/files/out.mp4' }]);
    const version = 'acme/video-model:' + 'ab'.repeat(32);
    const result = await videoProvider(api.url, { model: version }).generate({ prompt: 'p', durationSeconds: 4, aspectRatio: '1:1' });
    expect(result.mp4.equals(MP4)).toBe(true);
    expect(result.model).toBe(version);
    expect(bodyOf(api.requests[0])).toMatchObject({ version });
    expect(bodyOf(api.requests[0]).model).toBeUndefined();
  });

  it("carries the provider's message when the prediction fails", async () => {
    const { api } = await fakePredictions([{ status: 'processing' }, { status: 'failed', error: 'CUDA out of memory: try a shorter duration' }]);
    const err = await videoProvider(api.url).generate({ prompt: 'p', durationSeconds: 10, aspectRatio: '16:9' }).catch((e) => e);
    expect(err).toBeInstanceOf(MediaProviderError);
    expect(err.failure).toBe('failed');
    expect(err.message).toContain('CUDA out of memory: try a shorter duration');
  });

  it("carries the provider's message when creation is refused", async () => {
    const api = await serve((req, res) => sendJson(res, 422, { detail: 'The specified version does not exist (or perhaps you do not have permission to use it?)', status: 422 }));
    const err = await videoProvider(api.url).generate({ prompt: 'p', durationSeconds: 5, aspectRatio: '1:1' }).catch((e) => e);
    expect(err.status).toBe(422);
    expect(err.message).toContain('The specified version does not exist');
  });

  it('cancels the prediction when the caller aborts, then throws', async () => {
    const { api, wasCanceled } = await fakePredictions([{ status: 'processing' }]);
    const controller = new AbortController();
    const err = await videoProvider(api.url).generate({
      prompt: 'p', durationSeconds: 5, aspectRatio: '1:1', signal: controller.signal,
      onProgress: () => setTimeout(() => controller.abort(), 50),
    }).catch((e) => e);
    expect(err).toBeInstanceOf(MediaProviderError);
    expect(err.failure).toBe('aborted');
    expect(wasCanceled()).toBe(true);
    const cancel = api.requests.find((r) => r.url === '/v1/predictions/pred_1/cancel');
    expect(cancel?.method).toBe('POST');
    expect(cancel?.headers.authorization).toBe('Bearer r8_test');
  });

  it('says when it timed out, and cancels the prediction so it stops costing', async () => {
    const { api, wasCanceled } = await fakePredictions([{ status: 'processing' }]);
    const err = await videoProvider(api.url, { timeoutMs: 250 }).generate({ prompt: 'p', durationSeconds: 5, aspectRatio: '1:1' }).catch((e) => e);
    expect(err.failure).toBe('timeout');
    expect(err.message).toMatch(/timed out after 250 ms/);
    expect(wasCanceled()).toBe(true);
  });

  it('refuses an output that is not an MP4', async () => {
    const files = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(PNG);
    });
    const { api } = await fakePredictions([{ status: 'succeeded', output: 'FILES/still.png' }], files);
    await expect(videoProvider(api.url).generate({ prompt: 'p', durationSeconds: 5, aspectRatio: '1:1' })).rejects.toMatchObject({ failure: 'invalid_response', message: expect.stringMatching(/image\/png, not an MP4/) });
  });
});
