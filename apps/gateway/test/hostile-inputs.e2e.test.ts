import { connect, type Socket } from 'node:net';
import { startPlatform, type Platform } from '../../../tools/testing/platform';

const PERSONA = 'VOLT is an electric-mobility reviewer who explains range, charging and safety in plain words for first-time EV buyers. Tone: calm, precise, honest.';
const good = { name: 'Hostile Target', category: 'automotive', persona_prompt: PERSONA };

interface Case {
  name: string; method: string; path: string; body?: unknown; raw?: string; headers?: Record<string, string>; expect?: number;
  /** Part of the hostile input that must not come back in the answer. */
  secret?: string;
}

const deep = '['.repeat(5000) + ']'.repeat(5000);
const deepObject = (n: number) => `{"name":"x","category":"tech","persona_prompt":"${PERSONA}","expertise_domains":${'['.repeat(n)}${']'.repeat(n)}}`;
const campaign = { agent_id: 'agent_velo_automotive', type: 'product_launch', name: 'Hostile budget' };
const manyUnknown = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`unknown_${i}`, i]));

/** Each must be answered with a 4xx problem document, never a 5xx, never a success. */
const CASES: Case[] = [
  { name: 'malformed JSON', method: 'POST', path: '/v1/agents', raw: '{"name": ', expect: 400 },
  { name: 'trailing garbage', method: 'POST', path: '/v1/agents', raw: '{"name":"a"} xyzzy-secret', expect: 400, secret: 'xyzzy-secret' },
  { name: 'JSON array body', method: 'POST', path: '/v1/agents', body: [good], expect: 422 },
  { name: 'JSON string body', method: 'POST', path: '/v1/agents', body: 'just a string', expect: 422 },
  { name: 'JSON null body', method: 'POST', path: '/v1/agents', raw: 'null', expect: 422 },
  { name: 'JSON number body', method: 'POST', path: '/v1/agents', raw: '42', expect: 422 },
  { name: 'empty object', method: 'POST', path: '/v1/agents', body: {}, expect: 422 },
  { name: 'unknown field', method: 'POST', path: '/v1/agents', body: { ...good, admin: true }, expect: 422 },
  { name: 'name wrong type', method: 'POST', path: '/v1/agents', body: { ...good, name: 42 }, expect: 422 },
  { name: 'name empty', method: 'POST', path: '/v1/agents', body: { ...good, name: '' }, expect: 422 },
  { name: 'name only spaces', method: 'POST', path: '/v1/agents', body: { ...good, name: '    ' }, expect: 422 },
  { name: 'name too long', method: 'POST', path: '/v1/agents', body: { ...good, name: 'x'.repeat(81) }, expect: 422 },
  { name: 'bad category enum', method: 'POST', path: '/v1/agents', body: { ...good, category: 'cars' }, expect: 422 },
  { name: 'persona over 20000 chars', method: 'POST', path: '/v1/agents', body: { ...good, persona_prompt: 'a '.repeat(10001) }, expect: 422 },
  { name: 'persona as object', method: 'POST', path: '/v1/agents', body: { ...good, persona_prompt: { text: 'x' } }, expect: 422 },
  { name: 'languages not ISO 639-1', method: 'POST', path: '/v1/agents', body: { ...good, languages: ['english'] }, expect: 422 },
  { name: 'languages not an array', method: 'POST', path: '/v1/agents', body: { ...good, languages: 'en' }, expect: 422 },
  { name: 'languages duplicated', method: 'POST', path: '/v1/agents', body: { ...good, languages: ['en', 'en'] }, expect: 422 },
  { name: 'bad visibility', method: 'POST', path: '/v1/agents', body: { ...good, visibility: 'secret' }, expect: 422 },
  { name: 'bad use case', method: 'POST', path: '/v1/agents', body: { ...good, use_cases: ['spam'] }, expect: 422 },
  { name: 'too many expertise domains', method: 'POST', path: '/v1/agents', body: { ...good, expertise_domains: Array.from({ length: 21 }, (_, i) => `d${i}`) }, expect: 422 },
  { name: 'NUL character', method: 'POST', path: '/v1/agents', body: { ...good, name: 'a\u0000b' }, expect: 422 },
  { name: '__proto__ pollution', method: 'POST', path: '/v1/agents', raw: `{"name":"x","category":"tech","persona_prompt":"${PERSONA}","__proto__":{"admin":true}}`, expect: 400 },
  { name: 'constructor.prototype pollution', method: 'POST', path: '/v1/agents', raw: `{"constructor":{"prototype":{"admin":true}}}`, expect: 400 },
  { name: 'deeply nested JSON', method: 'POST', path: '/v1/agents', raw: deep, expect: 400 },
  { name: 'JSON nested 2,000 levels inside a field', method: 'POST', path: '/v1/agents', raw: deepObject(2000), expect: 400 },
  { name: 'JSON nested 65 levels', method: 'POST', path: '/v1/agents', raw: deepObject(64), expect: 400 },
  { name: 'lone high surrogate in a body string', method: 'POST', path: '/v1/agents', raw: `{"name":"a\\ud800b","category":"tech","persona_prompt":"${PERSONA}"}`, expect: 422 },
  { name: 'lone low surrogate in a nested array', method: 'POST', path: '/v1/agents', raw: `{"name":"x","category":"tech","persona_prompt":"${PERSONA}","expertise_domains":["\\udc00"]}`, expect: 422 },
  { name: 'lone surrogate in a field name', method: 'POST', path: '/v1/agents', raw: `{"name":"x","category":"tech","persona_prompt":"${PERSONA}","\\ud800":1}`, expect: 422 },
  { name: 'lone surrogate in a campaign product (jsonb)', method: 'POST', path: '/v1/campaigns', raw: JSON.stringify({ ...campaign, product: { name: 'P' } }).replace('"P"', '"P\\ud83d"'), expect: 422 },
  // Percent-encoded surrogate halves are not UTF-8: they never decode to a lone surrogate, and the search is harmless.
  { name: 'encoded surrogate half in the query', method: 'GET', path: '/v1/agents?q=%ED%A0%80', expect: 200 },
  { name: 'lone surrogate in a path id', method: 'GET', path: '/v1/agents/agent_%ED%A0%80', expect: 400 },
  { name: 'budget_usd 1e-7', method: 'POST', path: '/v1/campaigns', raw: JSON.stringify(campaign).replace('}', ',"budget_usd":1e-7}'), expect: 422 },
  { name: 'budget_usd 5e-324', method: 'POST', path: '/v1/campaigns', raw: JSON.stringify(campaign).replace('}', ',"budget_usd":5e-324}'), expect: 422 },
  { name: 'budget_usd three decimals', method: 'POST', path: '/v1/campaigns', body: { ...campaign, budget_usd: 10.005 }, expect: 422 },
  { name: 'budget_usd 1e400', method: 'POST', path: '/v1/campaigns', raw: JSON.stringify(campaign).replace('}', ',"budget_usd":1e400}'), expect: 422 },
  { name: 'duration beyond int4', method: 'POST', path: '/v1/campaigns', body: { ...campaign, config: { duration_days: 2 ** 40 } }, expect: 422 },
  { name: 'min_reach beyond bigint', method: 'GET', path: '/v1/agents?min_reach=9223372036854775807', expect: 422 },
  { name: 'min_reach beyond 2^53', method: 'GET', path: '/v1/agents?min_reach=9007199254740993', expect: 422 },
  { name: '200 unknown fields (errors[] capped)', method: 'POST', path: '/v1/agents', body: { ...good, ...manyUnknown }, expect: 422 },
  { name: 'bad percent-encoding in the path', method: 'GET', path: '/v1/agents/%E0%A4%A', expect: 400, secret: '%E0%A4%A' },
  { name: 'path id over 255 characters', method: 'GET', path: `/v1/agents/agent_${'z'.repeat(300)}`, expect: 414, secret: 'z'.repeat(300) },
  { name: 'path id of 200 characters', method: 'GET', path: `/v1/agents/agent_${'y'.repeat(194)}`, expect: 404 },
  { name: 'path id in upper case', method: 'GET', path: '/v1/agents/agent_01ABCDEFGHJKMNPQRSTVWXYZ00', expect: 404 },
  { name: 'campaign id of another shape', method: 'GET', path: '/v1/campaigns/CAMP-123', expect: 404 },
  { name: 'key id of another shape', method: 'DELETE', path: '/v1/api-keys/KEY.NOT.HERE', expect: 404 },
  { name: 'path id with NUL', method: 'GET', path: '/v1/agents/agent_%00x', expect: 404 },
  { name: 'headers too large', method: 'GET', path: '/v1/agents', headers: { 'x-big': 'h'.repeat(20_000) }, expect: 431, secret: 'h'.repeat(100) },
  { name: 'oversize body', method: 'POST', path: '/v1/agents', body: { ...good, persona_prompt: 'x'.repeat(1_100_000) }, expect: 413 },
  { name: 'text/plain body', method: 'POST', path: '/v1/agents', raw: 'name=x', headers: { 'content-type': 'text/plain' }, expect: 415 },
  { name: 'form body', method: 'POST', path: '/v1/agents', raw: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, expect: 415 },
  { name: 'limit=0', method: 'GET', path: '/v1/agents?limit=0', expect: 422 },
  { name: 'limit=101', method: 'GET', path: '/v1/agents?limit=101', expect: 422 },
  { name: 'limit=abc', method: 'GET', path: '/v1/agents?limit=abc', expect: 422 },
  { name: 'limit huge number', method: 'GET', path: '/v1/agents?limit=1e309', expect: 422 },
  { name: 'min_reach negative', method: 'GET', path: '/v1/agents?min_reach=-1', expect: 422 },
  { name: 'bad sort', method: 'GET', path: '/v1/agents?sort=followers', expect: 422 },
  { name: 'garbage cursor', method: 'GET', path: '/v1/agents?cursor=not-a-cursor', expect: 422 },
  { name: 'unknown query parameter', method: 'GET', path: '/v1/agents?color=red', expect: 422 },
  { name: 'bad category filter', method: 'GET', path: '/v1/agents?category=NOPE', expect: 422 },
  { name: 'bad language filter', method: 'GET', path: '/v1/agents?language=xx', expect: 422 },
  { name: 'q too long', method: 'GET', path: `/v1/agents?q=${'a'.repeat(201)}`, expect: 422 },
  { name: 'q with NUL', method: 'GET', path: '/v1/agents?q=%00', expect: 422 },
  { name: 'q full of tsquery operators', method: 'GET', path: `/v1/agents?q=${encodeURIComponent("!!&&|| ' :* ( ) <->")}` , expect: 200 },
  { name: 'repeated query parameter', method: 'GET', path: '/v1/agents?category=tech&category=food', expect: 422 },
  { name: 'malformed agent id', method: 'GET', path: '/v1/agents/DROP%20TABLE', expect: 404 },
  { name: 'unknown agent id', method: 'GET', path: '/v1/agents/agent_does_not_exist', expect: 404 },
  { name: 'patch unknown field', method: 'PATCH', path: '/v1/agents/agent_velo_automotive', body: { admin: true }, expect: 422 },
  { name: 'patch catalog agent', method: 'PATCH', path: '/v1/agents/agent_velo_automotive', body: { name: 'Mine now' }, expect: 403 },
  { name: 'delete catalog agent', method: 'DELETE', path: '/v1/agents/agent_velo_automotive', expect: 403 },
  { name: 'malformed org header', method: 'GET', path: '/v1/agents', headers: { 'x-influgentic-org': 'not an org' }, expect: 400 },
  { name: 'malformed agent header', method: 'GET', path: '/v1/agents', headers: { 'x-influgentic-agent': '../../etc' }, expect: 400 },
  { name: 'idempotency key too long', method: 'POST', path: '/v1/agents', body: good, headers: { 'idempotency-key': 'k'.repeat(300) }, expect: 400 },
  { name: 'key with unknown scope', method: 'POST', path: '/v1/api-keys', body: { name: 'k', scopes: ['everything'], mode: 'live' }, expect: 422 },
  { name: 'key with bad mode', method: 'POST', path: '/v1/api-keys', body: { name: 'k', scopes: ['agents:read'], mode: 'prod' }, expect: 422 },
  { name: 'key expiring in 0 days', method: 'POST', path: '/v1/api-keys', body: { name: 'k', scopes: ['agents:read'], mode: 'live', expires_in_days: 0 }, expect: 422 },
  { name: 'revoke unknown key', method: 'DELETE', path: '/v1/api-keys/key_nope', expect: 404 },
  { name: 'unknown route', method: 'GET', path: '/v1/unknown', expect: 404 },
  { name: 'unsupported method', method: 'PUT', path: '/v1/agents', body: good, expect: 405 },
  { name: 'DELETE on a collection', method: 'DELETE', path: '/v1/agents', expect: 405 },
  { name: 'path traversal', method: 'GET', path: '/v1/../../etc/passwd', expect: 404 },
];

describe('hostile inputs get a 4xx problem, never a 5xx', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform(['registry', 'campaigns']);
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('$name', async (c) => {
    const res = await fetch(`${platform.url}${c.path}`, {
      method: c.method,
      headers: {
        authorization: `Bearer ${platform.token}`,
        ...(c.raw !== undefined || c.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...c.headers,
      },
      body: c.raw ?? (c.body !== undefined ? JSON.stringify(c.body) : undefined),
    });
    const text = await res.text();
    if (c.expect === 200) {
      expect(res.status).toBe(200);
      return;
    }
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    if (c.expect) expect(res.status).toBe(c.expect);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const doc = JSON.parse(text);
    expect(doc.status).toBe(res.status);
    expect(typeof doc.code).toBe('string');
    expect(doc.request_id).toBe(res.headers.get('x-request-id'));
    expect(text).not.toMatch(/at \S+ \(.*:\d+:\d+\)/); // no stack trace
    expect(res.headers.get('x-region')).toBeTruthy();
    expect(res.headers.get('x-response-time')).toMatch(/^\d+ms$/);
    if (c.secret) expect(text).not.toContain(c.secret);
    if (res.status === 422) expect(doc.errors?.length).toBeGreaterThan(0);
    expect(doc.errors?.length ?? 0).toBeLessThanOrEqual(50);
    if (res.status === 405) expect(res.headers.get('allow')).toMatch(/GET/);
  });

  it('names the field of a lone surrogate, a budget with too many decimals and an integer beyond the column', async () => {
    const fields = async (path: string, init: RequestInit) => {
      const res = await fetch(`${platform.url}${path}`, { ...init, headers: { authorization: `Bearer ${platform.token}`, 'content-type': 'application/json' } });
      const doc = (await res.json()) as { errors?: { field: string }[] };
      return (doc.errors ?? []).map((e) => e.field);
    };
    expect(await fields('/v1/agents', { method: 'POST', body: `{"name":"a\\ud800","category":"tech","persona_prompt":"${PERSONA}"}` })).toContain('name');
    expect(await fields('/v1/campaigns', { method: 'POST', body: JSON.stringify(campaign).replace('}', ',"budget_usd":5e-324}') })).toEqual(['budget_usd']);
    expect(await fields('/v1/agents?min_reach=9223372036854775807', { method: 'GET' })).toEqual(['min_reach']);
  });

  it('answers OPTIONS on a known path with Allow, and 405 carries Allow', async () => {
    const options = await fetch(`${platform.url}/v1/agents/agent_velo_automotive`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, PATCH, DELETE, OPTIONS');
    expect(options.headers.get('x-request-id')).toBeTruthy();
    const put = await fetch(`${platform.url}/v1/agents/agent_velo_automotive`, { method: 'PUT', headers: { authorization: `Bearer ${platform.token}` } });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, PATCH, DELETE, OPTIONS');
    expect(((await put.json()) as { code: string }).code).toBe('method_not_allowed');
  });

  describe('cursors', () => {
    const get = async (path: string) => {
      const res = await fetch(`${platform.url}${path}`, { headers: { authorization: `Bearer ${platform.token}` } });
      return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
    };
    const edit = (cursor: string, change: (values: unknown[]) => unknown[]) =>
      Buffer.from(JSON.stringify(change(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))))).toString('base64url');

    it.each([
      ['the sort value as text', (v: unknown[]) => [v[0], 'abc', v[2], v[3]]],
      ['the sort value beyond bigint', (v: unknown[]) => [v[0], 9223372036854775807, v[2], v[3]]],
      ['the id as an object', (v: unknown[]) => [v[0], v[1], { id: 1 }, v[3]]],
      ['the id with a lone surrogate', (v: unknown[]) => [v[0], v[1], 'agent_\ud800', v[3]]],
      ['the total as text', (v: unknown[]) => [v[0], v[1], v[2], 'many']],
      ['a value missing', (v: unknown[]) => v.slice(0, 3)],
    ])('refuses a cursor with %s: 422 on cursor', async (_name, change) => {
      const first = await get('/v1/agents?limit=1');
      expect(first.body.meta.next_cursor).toEqual(expect.any(String));
      const res = await get(`/v1/agents?limit=1&cursor=${encodeURIComponent(edit(first.body.meta.next_cursor, change))}`);
      expect(res.status).toBe(422);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors[0].field).toBe('cursor');
    });

    it('pages with a long non-ASCII q, and refuses the cursor under another filter', async () => {
      const q = `${'ü'.repeat(65)} ${'é'.repeat(65)}`;
      expect(q.length).toBe(131);
      // Every word optional: websearch syntax with OR matches catalog agents whatever the long words are.
      const filter = `q=${encodeURIComponent(`automotive or fashion or ${q}`)}&limit=1`;
      const first = await get(`/v1/agents?${filter}`);
      expect(first.status).toBe(200);
      expect(first.body.meta.next_cursor.length).toBeLessThanOrEqual(512);
      const second = await get(`/v1/agents?${filter}&cursor=${encodeURIComponent(first.body.meta.next_cursor)}`);
      expect(second.status).toBe(200);
      expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
      const other = await get(`/v1/agents?q=automotive&limit=1&cursor=${encodeURIComponent(first.body.meta.next_cursor)}`);
      expect(other.status).toBe(422);
      expect(other.body.errors[0].field).toBe('cursor');
    });
  });
});

/** Reads from a raw socket until the server closes it; resolves with what it sent and when it closed. */
function untilClosed(socket: Socket): Promise<{ data: string; closedAt: number }> {
  return new Promise((resolve) => {
    let data = '';
    socket.on('data', (chunk) => { data += chunk.toString(); });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ data, closedAt: Date.now() }));
  });
}

describe('CORS with configured origins', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform([], { CORS_ORIGINS: 'https://app.example.com' });
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('answers a preflight from an allowed origin and gives no grant to another', async () => {
    const preflight = (origin: string) => fetch(`${platform.url}/v1/agents`, {
      method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    const allowed = await preflight('https://app.example.com');
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const other = await preflight('https://evil.example.net');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('slow clients cannot hold a socket', () => {
  let platform: Platform;
  const HEADERS_MS = 400;
  const REQUEST_MS = 800;

  beforeAll(async () => {
    platform = await startPlatform([], { HEADERS_TIMEOUT_MS: String(HEADERS_MS), REQUEST_TIMEOUT_MS: String(REQUEST_MS), KEEP_ALIVE_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    await platform?.close();
  });

  const open = async () => {
    const { port } = new URL(platform.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    return socket;
  };

  it('answers 408 and closes when headers trickle in one byte at a time', async () => {
    const socket = await open();
    const started = Date.now();
    const closed = untilClosed(socket);
    const head = 'GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(200);
    let i = 0;
    const timer = setInterval(() => { if (!socket.destroyed && i < head.length) socket.write(head[i++]); }, 100);
    const { data, closedAt } = await closed;
    clearInterval(timer);
    // The bound plus Node's check interval; far below "forever".
    expect(closedAt - started).toBeLessThan(REQUEST_MS + 1500);
    expect(data).toMatch(/^HTTP\/1\.1 408 /);
    expect(data).toContain('application/problem+json');
    expect(data).toMatch(/X-Request-ID: req_/i);
    expect(data).not.toContain('X-Slow');
  });

  it('answers 408 when the body never finishes', async () => {
    const socket = await open();
    const started = Date.now();
    const closed = untilClosed(socket);
    socket.write('POST /v1/agents HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":');
    const { data, closedAt } = await closed;
    expect(closedAt - started).toBeLessThan(REQUEST_MS + 1500);
    expect(data).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes an idle keep-alive connection', async () => {
    const socket = await open();
    const closed = untilClosed(socket);
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    const { data, closedAt } = await closed;
    expect(data).toMatch(/^HTTP\/1\.1 200 /);
    expect(closedAt).toBeGreaterThan(0);
  });
});
