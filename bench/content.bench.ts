import { Agent, request as httpRequest } from 'node:http';
import type { ResolvedAgent } from '@influgentic/contracts';
import { buildGenerationRequest, TemplateEngine, type GenerationRequest } from '../apps/content/src/generation';
import { stats, type BenchContext, type BenchSection, type LatencyStats } from './lib';

const AGENT_ID = 'agent_velo_automotive';
const BRIEF = {
  content_type: 'product_review', format: 'instagram_caption', length: 'medium', language: 'en', include_cta: true,
  product: { name: 'EV Series X Pro', key_claims: ['800 km range', 'AI-assisted driving'], target_use: 'long-distance commuting' },
};
const CONCURRENT = 500;

interface StreamRun {
  status: number;
  /** From sending the request to the first `content_chunk` event, ms. */
  firstChunkMs: number | null;
  totalMs: number;
  chunks: number;
  completed: boolean;
  error?: string;
}

/**
 * One SSE generation over a plain keep-alive HTTP client: times the first chunk and checks the stream ends with
 * `content_complete` and `[DONE]`.
 */
function streamOnce(base: URL, token: string, agent: Agent, body: string): Promise<StreamRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const run: StreamRun = { status: 0, firstChunkMs: null, totalMs: 0, chunks: 0, completed: false };
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
          const event = JSON.parse(data) as { type: string; code?: string };
          if (event.type === 'content_chunk') {
            run.chunks++;
            if (run.firstChunkMs === null) run.firstChunkMs = performance.now() - started;
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

  return [
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
        { name: 'p99 time to first chunk (reported)', target: 'reported', measured: `${ttfc.p99} ms`, met: true },
      ],
    },
  ];
}
