import { Agent, request as httpRequest, type ServerResponse } from 'node:http';
import { Client } from 'pg';
import type { ResolvedAgent } from '@influgentic/contracts';
import { buildGenerationRequest, TemplateEngine, type GenerationRequest } from '../apps/content/src/generation';
import { FakeLlmServer } from '../apps/content/src/generation/testing/fake-llm-server';
import { stats, type BenchContext, type BenchSection, type LatencyStats } from './lib';

const AGENT_ID = 'agent_velo_automotive';
const BRIEF = {
  content_type: 'product_review', format: 'instagram_caption', length: 'medium', language: 'en', include_cta: true,
  product: { name: 'EV Series X Pro', key_claims: ['800 km range', 'AI-assisted driving'], target_use: 'long-distance commuting' },
};
const CONCURRENT = 1000;
/** The loopback model's delay before its first token, and the word that token carries. */
const MODEL_DELAY_MS = 50;
const MARKER = 'Quixotrail';

interface StreamRun {
  status: number;
  /** When the request was sent (performance.now()). */
  sentAt: number;
  /** From sending the request to the first `content_chunk` event, ms. */
  firstChunkMs: number | null;
  /** From sending the request to the first chunk holding `marker` (the model's first token), ms. */
  markerMs: number | null;
  totalMs: number;
  chunks: number;
  completed: boolean;
  error?: string;
}

/**
 * One SSE generation over a plain keep-alive HTTP client: times the first chunk and checks the stream ends with
 * `content_complete` and `[DONE]`.
 */
function streamOnce(base: URL, token: string, agent: Agent, body: string, marker?: string): Promise<StreamRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const run: StreamRun = { status: 0, sentAt: started, firstChunkMs: null, markerMs: null, totalMs: 0, chunks: 0, completed: false };
    let buffer = '';
    let sawComplete = false;
    const req = httpRequest({
      host: base.hostname, port: base.port, method: 'POST', path: `/v1/agents/${AGENT_ID}/content`, agent,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'text/event-stream', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      run.status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        buffer += text;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!line.startsWith('data: ')) continue;
          const data = line.slice(6);
          if (data === '[DONE]') { run.completed = sawComplete; continue; }
          const event = JSON.parse(data) as { type: string; code?: string; text?: string };
          if (event.type === 'content_chunk') {
            run.chunks++;
            if (run.firstChunkMs === null) run.firstChunkMs = performance.now() - started;
            if (marker && run.markerMs === null && data.includes(marker)) run.markerMs = performance.now() - started;
          } else if (event.type === 'content_complete') sawComplete = true;
          else if (event.type === 'error') run.error = event.code;
        }
      });
      res.on('end', () => { run.totalMs = performance.now() - started; resolve(run); });
      res.on('error', (err) => { run.error = String(err); resolve(run); });
    });
    req.on('error', (err) => { run.error = String(err); run.totalMs = performance.now() - started; resolve(run); });
    req.end(body);
  });
}

/** The same piece written by the engine in this process: the time to its first chunk. */
async function inProcessFirstChunk(engine: TemplateEngine, request: GenerationRequest): Promise<number> {
  const started = performance.now();
  const stream = engine.stream(request);
  const it = stream[Symbol.asyncIterator]();
  await it.next();
  const ms = performance.now() - started;
  for (let step = await it.next(); !step.done; step = await it.next()) { /* drain */ }
  return ms;
}

const fmt = (s: LatencyStats) => ({ 'p50 ms': s.p50, 'p95 ms': s.p95, 'p99 ms': s.p99, 'max ms': s.max });

/**
 * Content streaming: (1) time to first chunk through gateway → NATS → content service → NATS → gateway → SSE versus
 * the TemplateEngine called in this process, one request at a time; (2) CONCURRENT simultaneous SSE streams on one
 * gateway with the sandbox key, every one of which must end with `content_complete` and `[DONE]`.
 */
export async function runContentBench(ctx: BenchContext): Promise<BenchSection[]> {
  const base = new URL(ctx.gatewayUrl);
  const body = JSON.stringify({ ...BRIEF, stream: true });
  const sequential = ctx.quick ? 100 : 400;

  // The in-process baseline writes for the same persona the service resolves.
  const res = await fetch(`${ctx.gatewayUrl}/v1/agents/${AGENT_ID}`, { headers: { authorization: `Bearer ${ctx.sandboxToken}` } });
  if (res.status !== 200) throw new Error(`content bench: cannot read ${AGENT_ID} (${res.status})`);
  const agent = (await res.json()) as ResolvedAgent;
  const engine = new TemplateEngine();
  const request = buildGenerationRequest({
    body: { ...BRIEF, content_type: 'product_review', format: 'instagram_caption', length: 'medium' }, agent: { ...agent, persona_prompt: null }, seed: 'bench',
  });

  const keepAlive = new Agent({ keepAlive: true, maxSockets: 8 });
  ctx.log(`content: warming up`);
  for (let i = 0; i < 30; i++) {
    await streamOnce(base, ctx.sandboxToken, keepAlive, body);
    await inProcessFirstChunk(engine, { ...request, seed: i });
  }

  ctx.log(`content: ${sequential} sequential streams vs the engine in process`);
  const viaGateway: number[] = [];
  const inProcess: number[] = [];
  let sequentialFailures = 0;
  for (let i = 0; i < sequential; i++) {
    const run = await streamOnce(base, ctx.sandboxToken, keepAlive, body);
    if (run.firstChunkMs === null || !run.completed) sequentialFailures++;
    else viaGateway.push(run.firstChunkMs);
    inProcess.push(await inProcessFirstChunk(engine, { ...request, seed: `seq${i}` }));
  }
  // Reference: one plain request/reply through the same gateway (authentication, one NATS hop, one indexed read).
  const plain: number[] = [];
  for (let i = 0; i < Math.min(sequential, 200); i++) {
    const t = performance.now();
    const r = await fetch(`${ctx.gatewayUrl}/v1/agents/${AGENT_ID}`, { headers: { authorization: `Bearer ${ctx.sandboxToken}` } });
    await r.arrayBuffer();
    plain.push(performance.now() - t);
  }
  keepAlive.destroy();
  const gw = stats(viaGateway);
  const local = stats(inProcess);
  const overhead = { p50: Math.round((gw.p50 - local.p50) * 100) / 100, p99: Math.round((gw.p99 - local.p99) * 100) / 100 };

  ctx.log(`content: ${CONCURRENT} concurrent streams`);
  const wide = new Agent({ keepAlive: true, maxSockets: CONCURRENT });
  const started = performance.now();
  const runs = await Promise.all(Array.from({ length: CONCURRENT }, () => streamOnce(base, ctx.sandboxToken, wide, body)));
  const wallMs = performance.now() - started;
  wide.destroy();
  const complete = runs.filter((r) => r.status === 200 && r.completed);
  const failed = runs.filter((r) => !(r.status === 200 && r.completed));
  const ttfc = stats(complete.map((r) => r.firstChunkMs ?? 0));
  const total = stats(complete.map((r) => r.totalMs));
  const reasons = [...new Set(failed.map((r) => (r.status !== 200 ? `HTTP ${r.status}` : r.error ?? 'no [DONE]')))];

  const model = await modelDelaySection(ctx, body);

  return [
    model,
    {
      title: 'Content — time to first chunk: gateway + NATS vs the engine in process',
      rows: [
        { path: `SSE through the gateway (${viaGateway.length} sequential streams)`, ...fmt(gw) },
        { path: 'TemplateEngine.stream() in the bench process', ...fmt(local) },
        { path: 'overhead (gateway − in process)', 'p50 ms': overhead.p50, 'p95 ms': null, 'p99 ms': overhead.p99, 'max ms': null },
        { path: `reference: GET /v1/agents/${AGENT_ID} through the gateway (${plain.length} sequential)`, ...fmt(stats(plain)) },
      ],
      notes: [
        'First chunk = the first `content_chunk` event on the client; the gateway path includes authentication, validation, the agent '
          + 'lookup in the registry, the `generating` row in Postgres and two NATS hops.',
        `Brief: ${BRIEF.content_type} / ${BRIEF.format} / ${BRIEF.length} / ${BRIEF.language} for ${AGENT_ID}; sandbox key; ${sequentialFailures} incomplete streams.`,
      ],
      targets: [{ name: 'time-to-first-chunk overhead at p50 ≤ 5 ms', target: '≤ 5 ms', measured: `${overhead.p50} ms`, met: overhead.p50 <= 5 }],
    },
    {
      title: `Content — ${CONCURRENT} concurrent SSE streams on one gateway`,
      rows: [
        { metric: 'streams completed (content_complete + [DONE])', value: `${complete.length} / ${CONCURRENT}` },
        { metric: 'time to first chunk p50 / p95 / p99 ms', value: `${ttfc.p50} / ${ttfc.p95} / ${ttfc.p99}` },
        { metric: 'stream duration p50 / p99 ms', value: `${total.p50} / ${total.p99}` },
        { metric: 'wall time for all streams ms', value: Math.round(wallMs) },
        { metric: 'content_chunk events per stream (median)', value: stats(complete.map((r) => r.chunks)).p50 },
      ],
      notes: failed.length ? [`failures: ${reasons.join(', ')}`] : ['every stream completed'],
      targets: [
        { name: `all ${CONCURRENT} streams complete`, target: `${CONCURRENT}`, measured: String(complete.length), met: complete.length === CONCURRENT },
      ],
    },
  ];
}

/** When a loopback model received each request and wrote its first token (performance.now() of this process). */
interface ModelTimes { requestAt: number[]; firstTokenAt: number[] }

/**
 * An OpenAI-compatible model on loopback: headers at once, the first token (carrying MARKER) MODEL_DELAY_MS after the
 * request arrived, then the rest without pause — a provider with a fixed time to first token.
 */
function delayedModel(times: ModelTimes) {
  const base = { id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'bench-model' };
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
    `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const rest = ['range that ', 'changes commuting. ', 'It offers 800 km ', 'of range. ', 'See the specs today.'];
  return (_call: unknown, res: ServerResponse) => {
    times.requestAt.push(performance.now());
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(chunk({ role: 'assistant', content: '' }));
    setTimeout(() => {
      res.write(chunk({ content: `${MARKER} ` }));
      times.firstTokenAt.push(performance.now());
      for (const content of rest) res.write(chunk({ content }));
      res.write(chunk({}, 'stop'));
      res.write(`data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: 300, completion_tokens: 40, total_tokens: 340 } })}\n\n`);
      res.end('data: [DONE]\n\n');
    }, MODEL_DELAY_MS);
  };
}

/**
 * Time to the first generated token through the whole path (live key, limiter on), against a model whose own time to
 * first token is fixed: what the platform adds is the client's time to that token minus the model's delay, split into
 * the way in (request sent → model has it) and the way out (model wrote the token → client read it).
 */
async function modelDelaySection(ctx: BenchContext, body: string): Promise<BenchSection> {
  const runsWanted = ctx.quick ? 60 : 300;
  const times: ModelTimes = { requestAt: [], firstTokenAt: [] };
  const model = new FakeLlmServer();
  const modelUrl = await model.script(delayedModel(times)).start();
  const admin = { authorization: `Bearer ${ctx.adminToken}`, 'content-type': 'application/json' };
  const created = await fetch(`${ctx.gatewayUrl}/admin/v1/organizations`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'Bench model org', plan: 'enterprise' }) })
    .then((r) => r.json() as Promise<{ organization: { id: string }; api_key: { token: string } }>);
  const orgId = created.organization.id;
  await fetch(`${ctx.gatewayUrl}/admin/v1/organizations/${orgId}`, { method: 'PATCH', headers: admin, body: JSON.stringify({ rate_limits: { generate: 1_000_000, read: 1_000_000 } }) });
  const db = new Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  await db.query(`INSERT INTO content.generation_settings (organization_id, livemode, agent_id, llm) VALUES ($1, true, '', $2)`,
    [orgId, JSON.stringify({ provider: 'openai_compatible', baseUrl: `${modelUrl}/v1`, model: 'bench-model', name: 'bench' })]);
  await db.end();

  const base = new URL(ctx.gatewayUrl);
  const keepAlive = new Agent({ keepAlive: true, maxSockets: 4 });
  ctx.log(`content: ${runsWanted} sequential streams against a model with a ${MODEL_DELAY_MS} ms first token`);
  for (let i = 0; i < 20; i++) await streamOnce(base, created.api_key.token, keepAlive, body, MARKER);
  times.requestAt.length = 0;
  times.firstTokenAt.length = 0;
  const over: number[] = [];
  const wayIn: number[] = [];
  const wayOut: number[] = [];
  let failures = 0;
  for (let i = 0; i < runsWanted; i++) {
    const before = times.requestAt.length;
    const run = await streamOnce(base, created.api_key.token, keepAlive, body, MARKER);
    if (run.markerMs === null || !run.completed || times.firstTokenAt.length !== before + 1) { failures++; continue; }
    over.push(run.markerMs - MODEL_DELAY_MS);
    wayIn.push(times.requestAt[before] - run.sentAt);
    wayOut.push(run.sentAt + run.markerMs - times.firstTokenAt[before]);
  }
  keepAlive.destroy();
  await model.stop();
  const o = stats(over);
  return {
    title: `Content — time to the first generated token, loopback model answering after ${MODEL_DELAY_MS} ms (live key, limiter on)`,
    rows: [
      { path: 'platform overhead over the model\'s delay (client first token − delay)', ...fmt(o) },
      { path: 'way in: request sent → model has the request', ...fmt(stats(wayIn)) },
      { path: 'way out: model wrote its first token → client read it', ...fmt(stats(wayOut)) },
    ],
    notes: [
      `${over.length} sequential streams measured, ${failures} failed or incomplete; the first token carries a marker word, so chunks the service writes before the model answers are not counted.`,
      'The way in includes authentication, the rate limiter, validation, the agent lookup in the registry, the content row in Postgres and a NATS hop; the way out the AI SDK\'s parsing, the content rules, NATS and the SSE write.',
    ],
    targets: [
      { name: 'overhead over the model\'s delay p50 ≤ 5 ms', target: '≤ 5 ms', measured: `${o.p50} ms`, met: over.length > 0 && o.p50 <= 5 },
      { name: 'overhead over the model\'s delay p99 ≤ 15 ms', target: '≤ 15 ms', measured: `${o.p99} ms`, met: over.length > 0 && o.p99 <= 15 },
      { name: 'no failed streams', target: '0', measured: String(failures), met: failures === 0 },
    ],
  };
}
