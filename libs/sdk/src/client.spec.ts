import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Influgentic } from './client';
import { InfluAbortError, InfluInvalidRequestError, InfluRateLimitError, InfluStreamError, InfluTimeoutError } from './core/errors';

interface Seen { method: string; url: string; headers: IncomingMessage['headers']; body: string }
type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen, n: number) => void;

/** A real HTTP server on 127.0.0.1 standing in for the gateway; records every request it gets. */
async function fakeGateway(handler: Handler): Promise<{ url: string; seen: Seen[]; closed: () => number; server: Server }> {
  const seen: Seen[] = [];
  let closedConnections = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(entry);
      res.on('close', () => { closedConnections++; });
      handler(req, res, entry, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, closed: () => closedConnections, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});
async function gateway(handler: Handler) {
  const g = await fakeGateway(handler);
  servers.push(g.server);
  return { ...g, client: (opts: ConstructorParameters<typeof Influgentic>[0] = {}) => new Influgentic({ apiKey: 'ig_test_key', baseUrl: g.url, ...opts }) };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', 'x-request-id': 'req_fake', ...headers });
  res.end(JSON.stringify(body));
}
const problem = (status: number, code: string, extra: object = {}) => ({ type: `https://docs.influgentic.dev/errors/${code}`, title: code, status, code, message: `${code} happened`, instance: '/v1/x', request_id: 'req_problem', ...extra });
const CAMPAIGN = { agent_id: 'agent_velo_automotive', type: 'lead_gen', name: 'Test' } as const;

describe('requests', () => {
  it('sends the key, and one generated Idempotency-Key per POST, kept across retries after a 503', async () => {
    const g = await gateway((_req, res, _seen, n) => (n === 1 ? json(res, 503, problem(503, 'service_unavailable'), { 'retry-after': '0' }) : json(res, 201, { id: 'camp_1' })));
    const campaign = await g.client().campaigns.create(CAMPAIGN);
    expect(campaign.id).toBe('camp_1');
    expect(g.seen).toHaveLength(2);
    expect(g.seen[0].headers.authorization).toBe('Bearer ig_test_key');
    const key = g.seen[0].headers['idempotency-key'];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(g.seen[1].headers['idempotency-key']).toBe(key);
    expect(JSON.parse(g.seen[1].body)).toEqual(CAMPAIGN);
    expect(campaign.lastResponse).toMatchObject({ status: 201, idempotencyKey: key, retries: 1, requestId: 'req_fake' });
    expect(JSON.stringify(campaign)).toBe('{"id":"camp_1"}');
    await g.client().campaigns.create(CAMPAIGN);
    expect(g.seen[2].headers['idempotency-key']).not.toBe(key);
  });

  it('uses the caller\'s Idempotency-Key, sends none on GET, and carries org and agent headers', async () => {
    const g = await gateway((_req, res) => json(res, 200, { id: 'x' }));
    const client = g.client({ organization: 'org_1' });
    await client.campaigns.pause('camp_1', { idempotencyKey: 'pause-camp_1', agent: 'agent_a' });
    await client.agents.retrieve('agent_b');
    expect(g.seen[0]).toMatchObject({ method: 'POST', url: '/v1/campaigns/camp_1/pause', body: '' });
    expect(g.seen[0].headers).toMatchObject({ 'idempotency-key': 'pause-camp_1', 'x-influgentic-org': 'org_1', 'x-influgentic-agent': 'agent_a' });
    expect(g.seen[1].headers['idempotency-key']).toBeUndefined();
    expect(g.seen[1].headers['x-influgentic-agent']).toBeUndefined();
  });

  it('honours Retry-After on 429, and gives up with a typed error after maxRetries', async () => {
    const g = await gateway((_req, res) => json(res, 429, problem(429, 'rate_limited'), { 'retry-after': '0.2' }));
    const started = Date.now();
    const err = await g.client({ maxRetries: 1 }).agents.retrieve('agent_1').catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    expect(g.seen).toHaveLength(2);
    expect(err).toBeInstanceOf(InfluRateLimitError);
    expect(err).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 200, requestId: 'req_problem' });
  });

  it('does not retry a refusal, and exposes the problem document\'s fields', async () => {
    const errors = [{ field: 'budget_usd', code: 'min', message: 'must be >= 0' }];
    const g = await gateway((_req, res) => json(res, 422, problem(422, 'validation_error', { errors })));
    const err = await g.client().campaigns.create({ ...CAMPAIGN, budget_usd: -1 }).catch((e: unknown) => e);
    expect(g.seen).toHaveLength(1);
    expect(err).toBeInstanceOf(InfluInvalidRequestError);
    expect(err).toMatchObject({ code: 'validation_error', status: 422, errors, requestId: 'req_problem' });
  });

  it('times out each attempt, retrying a GET, and reports a timeout', async () => {
    const g = await gateway((_req, res) => { setTimeout(() => json(res, 200, {}), 1000); });
    const err = await g.client({ timeoutMs: 100, maxRetries: 1, retry: { initialDelayMs: 10 } }).jobs.retrieve('job_1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InfluTimeoutError);
    expect(err).toMatchObject({ code: 'request_timeout', status: undefined });
    expect(g.seen).toHaveLength(2);
  });

  it('stops at once when the caller aborts, during a request or while waiting to retry', async () => {
    const slow = await gateway(() => undefined);
    const during = new AbortController();
    setTimeout(() => during.abort(), 50);
    await expect(slow.client().agents.retrieve('agent_1', { signal: during.signal })).rejects.toBeInstanceOf(InfluAbortError);

    const limited = await gateway((_req, res) => json(res, 429, problem(429, 'rate_limited'), { 'retry-after': '30' }));
    const waiting = new AbortController();
    const started = Date.now();
    setTimeout(() => waiting.abort(), 100);
    await expect(limited.client().agents.retrieve('agent_1', { signal: waiting.signal })).rejects.toMatchObject({ code: 'request_aborted' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(limited.seen).toHaveLength(1);
  });
});

describe('lists', () => {
  const pages: Record<string, { data: Array<{ id: string }>; next: string | null }> = {
    '': { data: [{ id: 'a1' }, { id: 'a2' }], next: 'c2' },
    c2: { data: [{ id: 'a3' }, { id: 'a4' }], next: 'c3' },
    c3: { data: [{ id: 'a5' }], next: null },
  };
  const handler: Handler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const page = pages[url.searchParams.get('cursor') ?? ''];
    json(res, 200, { data: page.data, meta: { total: 5, limit: 2, next_cursor: page.next } });
  };

  it('await gives the first page; for-await walks every item across pages with the same filters', async () => {
    const g = await gateway(handler);
    const client = g.client();
    const first = await client.agents.list({ category: 'automotive', limit: 2 });
    expect(first.data.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(first.hasMore).toBe(true);
    expect(first.lastResponse?.requestId).toBe('req_fake');
    const ids: string[] = [];
    for await (const agent of client.agents.list({ category: 'automotive', limit: 2 })) ids.push(agent.id);
    expect(ids).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    const urls = g.seen.slice(1).map((s) => s.url);
    expect(urls).toEqual(['/v1/agents?category=automotive&limit=2', '/v1/agents?category=automotive&limit=2&cursor=c2', '/v1/agents?category=automotive&limit=2&cursor=c3']);
  });

  it('toArray stops fetching at its limit', async () => {
    const g = await gateway(handler);
    expect((await g.client().agents.list().toArray({ limit: 3 })).map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(g.seen).toHaveLength(2);
  });
});

function sse(res: ServerResponse, frames: string[], end = true) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_sse' });
  for (const f of frames) res.write(f);
  if (end) res.end();
}
const data = (event: unknown) => `data: ${typeof event === 'string' ? event : JSON.stringify(event)}\n\n`;

describe('generation streams', () => {
  it('yields agent_start, the chunks and content_complete, asking for SSE without an Idempotency-Key', async () => {
    const g = await gateway((_req, res) => sse(res, [
      ': heartbeat\n\n', data({ type: 'agent_start', agent: 'VELO', session_id: 'sess_1', content_id: 'cnt_1' }),
      data({ type: 'content_chunk', text: 'The future ' }), data({ type: 'content_chunk', text: 'of driving' }),
      data({ type: 'content_complete', tokens: 12, latency_ms: 30, content_id: 'cnt_1' }), data('[DONE]'),
    ]));
    const stream = g.client().content.generateStream('agent_velo_automotive', { content_type: 'product_review', format: 'x_post' });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual(['agent_start', 'content_chunk', 'content_chunk', 'content_complete']);
    expect(JSON.parse(g.seen[0].body)).toMatchObject({ stream: true, content_type: 'product_review' });
    expect(g.seen[0].headers.accept).toBe('text/event-stream');
    expect(g.seen[0].headers['idempotency-key']).toBeUndefined();
    const result = await g.client().content.generateStream('agent_velo_automotive', { content_type: 'product_review', format: 'x_post' }).finalResult();
    expect(result).toEqual({ text: 'The future of driving', contentId: 'cnt_1', sessionId: 'sess_1', agent: 'VELO', tokens: 12, latencyMs: 30 });
  });

  it('throws an error event as InfluStreamError, and a refusal before the stream as a problem error', async () => {
    const g = await gateway((_req, res, _s, n) => (n === 1
      ? sse(res, [data({ type: 'agent_start', agent: 'VELO', session_id: 's', content_id: 'c' }), data({ type: 'error', code: 'budget_exhausted', message: 'no budget left' }), data('[DONE]')])
      : json(res, 422, problem(422, 'validation_error'))));
    const events: string[] = [];
    const failure = await (async () => { for await (const e of g.client().campaigns.stream('camp_1')) events.push(e.type); })().catch((e: unknown) => e);
    expect(events).toEqual(['agent_start']);
    expect(failure).toBeInstanceOf(InfluStreamError);
    expect(failure).toMatchObject({ code: 'budget_exhausted', message: 'no budget left' });
    await expect(g.client().campaigns.stream('camp_1').finalResult()).rejects.toBeInstanceOf(InfluInvalidRequestError);
  });

  it('closes the connection when the loop is left early, so the generation stops', async () => {
    const g = await gateway((_req, res) => sse(res, [data({ type: 'agent_start', agent: 'VELO', session_id: 's', content_id: 'c' }), data({ type: 'content_chunk', text: 'x' })], false));
    for await (const event of g.client().content.generateStream('agent_1', { content_type: 'trivia', format: 'question' })) {
      if (event.type === 'agent_start') break;
    }
    const deadline = Date.now() + 2000;
    while (g.closed() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(g.closed()).toBe(1);
  });
});

describe('the event stream', () => {
  const envelope = (n: number) => ({ id: `evt_${n}`, type: 'campaign.started', created_at: '2025-01-01T00:00:00Z', organization_id: 'org_1', livemode: true, data: { n } });
  const frame = (n: number) => `id: ${n}\nevent: campaign.started\ndata: ${JSON.stringify(envelope(n))}\n\n`;

  it('reconnects with Last-Event-ID after the server closes, and reports gaps', async () => {
    const g = await gateway((req, res, _s, n) => {
      if (n === 1) return sse(res, ['retry: 20\n: stream open\n\n', frame(1), frame(2)]);
      sse(res, ['retry: 20\n\n', 'event: stream.gap\ndata: {"requested_after":"2","resumed_from":"5","reason":"retention"}\n\n', frame(5)], false);
    });
    const gaps: unknown[] = [];
    const stream = g.client().events.stream({ lastEventId: '0', types: ['campaign.started', 'campaign.paused'], onGap: (gap) => gaps.push(gap) });
    const got: string[] = [];
    for await (const event of stream) {
      got.push(event.id);
      if (got.length === 3) break;
    }
    expect(got).toEqual(['evt_1', 'evt_2', 'evt_5']);
    expect(stream.lastEventId).toBe('5');
    expect(gaps).toEqual([{ requested_after: '2', resumed_from: '5', reason: 'retention' }]);
    expect(g.seen[0].headers['last-event-id']).toBe('0');
    expect(g.seen[0].url).toBe('/v1/events/stream?types=campaign.started%2Ccampaign.paused');
    expect(g.seen[1].headers['last-event-id']).toBe('2');
  });

  it('throws a refusal instead of reconnecting', async () => {
    const g = await gateway((_req, res) => json(res, 401, problem(401, 'unauthorized')));
    const run = async () => { for await (const _ of g.client().events.stream()) { /* nothing arrives */ } };
    await expect(run()).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(g.seen).toHaveLength(1);
  });
});
