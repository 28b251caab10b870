import { startPlatform, type Platform } from '../../../tools/testing/platform';

const PERSONA = 'VOLT is an electric-mobility reviewer who explains range, charging and safety in plain words for first-time EV buyers. Tone: calm, precise, honest.';
const good = { name: 'Hostile Target', category: 'automotive', persona_prompt: PERSONA };

interface Case { name: string; method: string; path: string; body?: unknown; raw?: string; headers?: Record<string, string>; expect?: number }

const deep = '['.repeat(5000) + ']'.repeat(5000);

/** Each must be answered with a 4xx problem document, never a 5xx, never a success. */
const CASES: Case[] = [
  { name: 'malformed JSON', method: 'POST', path: '/v1/agents', raw: '{"name": ', expect: 400 },
  { name: 'trailing garbage', method: 'POST', path: '/v1/agents', raw: '{"name":"a"} xyz', expect: 400 },
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
  { name: 'deeply nested JSON', method: 'POST', path: '/v1/agents', raw: deep },
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
  { name: 'malformed agent id', method: 'GET', path: '/v1/agents/DROP%20TABLE', expect: 422 },
  { name: 'unknown agent id', method: 'GET', path: '/v1/agents/agent_does_not_exist', expect: 404 },
  { name: 'patch unknown field', method: 'PATCH', path: '/v1/agents/agent_velo_automotive', body: { tier: 'flagship' }, expect: 422 },
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
  { name: 'unsupported method', method: 'PUT', path: '/v1/agents', body: good, expect: 404 },
  { name: 'path traversal', method: 'GET', path: '/v1/../../etc/passwd', expect: 404 },
];

describe('hostile inputs get a 4xx problem, never a 5xx', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform(['registry']);
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
    if (res.status === 422) expect(doc.errors?.length).toBeGreaterThan(0);
  });
});
