import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { documentedRoutes } from '../src/routes/api-routes';
import { buildOpenApi } from '../src/openapi/openapi';
import { LAUNCH_CAMPAIGN } from '../../../tools/testing/fixtures';
import { apiClient, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { deref, hostileString, mutatedValue, nestedJson, validValue, wrongType, type Json } from './support/openapi-arbitraries';

/**
 * Property-based fuzzing of every operation in /openapi.json: valid and hostile path ids, query strings, headers and
 * bodies generated from the documented schemas. Whatever comes in, the answer is never a 5xx; every refusal is a
 * problem document; every success matches the documented schema. FUZZ_SEED reproduces a run, FUZZ_RUNS sizes it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const REQUEST_TIMEOUT_MS = 20_000;

// The operations, known before the platform starts so each gets its own test; the served document must list the same.
const localDoc = buildOpenApi(documentedRoutes(), '/') as Json;
/** Reads first, then creations and edits, then what ends objects (cancel, delete), so fixtures live long enough. */
const rank = (method: string, path: string) => (method === 'get' ? 0 : method === 'delete' || path.endsWith('/cancel') ? 3 : method === 'post' && !path.includes('{') ? 1 : 2);
const OPERATIONS = Object.entries(localDoc.paths as Json)
  .flatMap(([path, ops]) => Object.keys(ops as Json).map((method) => ({ path, method })))
  .sort((a, b) => rank(a.method, a.path) - rank(b.method, b.path));

interface FuzzRequest {
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: string;
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as the bytes a careless client sends. */
const encode = (s: string) => {
  try { return encodeURIComponent(s); } catch { return s.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80').replace(/[^A-Za-z0-9%_.~-]/g, (c) => encodeURIComponent(c)); }
};

const PERSONA = 'FUZZ is a careful reviewer of electric cars who explains range, charging and safety plainly. Tone: calm, precise.';

describe(`fuzzing every operation of /openapi.json (seed ${SEED}, ${RUNS} runs each)`, () => {
  let platform: Platform;
  let doc: Json;
  let ajv: Ajv2020;
  const fixtures: Record<string, string[]> = { agents: [], campaigns: [], content: [], 'api-keys': [], organizations: [] };
  const cursors: string[] = [];
  const validators = new Map<string, ValidateFunction>();

  beforeAll(async () => {
    platform = await startPlatform(['registry', 'campaigns', 'content', 'analytics', 'webhooks']);
    const call = apiClient(platform.url, platform.token);
    const admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    doc = (await apiClient(platform.url)('GET', '/openapi.json')).body;

    // Real objects, so generated path ids sometimes name something and reach the services' deeper code.
    const agent = await call('POST', '/v1/agents', { name: 'Fuzz Target', category: 'automotive', persona_prompt: PERSONA, languages: ['en', 'de'] });
    expect(agent.status).toBe(202);
    await waitFor(async () => (await call('GET', `/v1/agents/${agent.body.id}`)).body.status === 'ready');
    fixtures.agents.push(agent.body.id, 'agent_velo_automotive');
    for (let i = 0; i < 3; i++) {
      const campaign = await call('POST', '/v1/campaigns', { ...LAUNCH_CAMPAIGN, name: `Fuzz campaign ${i}` });
      expect(campaign.status).toBe(201);
      fixtures.campaigns.push(campaign.body.id);
    }
    const content = await call('POST', '/v1/agents/agent_velo_automotive/content', {
      content_type: 'product_review', format: 'instagram_caption', product: { name: 'Fuzz Pro', key_claims: ['fast'], target_use: 'testing' },
    });
    expect(content.status).toBe(201);
    fixtures.content.push(content.body.id);
    // A small week plan (7 items), so job ids name something; the fuzzed generate-week bodies name no agent of ours.
    const monday = new Date(Date.now() + 14 * 86_400_000);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    const week = await call('POST', '/v1/content/generate-week', { agent_id: 'agent_velo_automotive', week: monday.toISOString().slice(0, 10), posts_per_day: 1, platforms: ['x'] });
    expect(week.status).toBe(202);
    fixtures.jobs = [week.body.job.id];
    // A spare key to revoke: the bootstrap key must survive the run.
    const key = await call('POST', '/v1/api-keys', { name: 'fuzz spare', scopes: ['agents:read'], mode: 'live' });
    expect(key.status).toBe(201);
    fixtures['api-keys'].push(key.body.id);
    // Two webhook endpoints, so ids name something and the list pages (a closed loopback port: deliveries fail at once).
    fixtures.webhooks = [];
    for (const n of [1, 2]) {
      const webhook = await call('POST', '/v1/webhooks', { url: `http://127.0.0.1:1/fuzz/${n}`, events: ['lead.captured'] });
      expect(webhook.status).toBe(201);
      fixtures.webhooks.push(webhook.body.id);
    }
    const org = await admin('POST', '/admin/v1/organizations', { name: 'Fuzz Org', plan: 'growth' });
    expect(org.status).toBe(201);
    fixtures.organizations.push(org.body.organization.id);
    await admin('POST', '/admin/v1/organizations', { name: 'Fuzz Org 2', plan: 'starter' });

    // Real cursors, and the same cursors edited, for every list.
    for (const [client, path] of [[call, '/v1/agents?limit=1'], [call, '/v1/campaigns?limit=1'], [call, '/v1/api-keys?limit=1'], [call, '/v1/webhooks?limit=1'], [admin, '/admin/v1/organizations?limit=1']] as const) {
      const next = (await client('GET', path)).body?.meta?.next_cursor;
      if (typeof next !== 'string') continue;
      cursors.push(next);
      const values = JSON.parse(Buffer.from(next, 'base64url').toString('utf8')) as unknown[];
      for (const edit of [1e308, '1', -1, null, 'x'.repeat(300), 9223372036854775807, [], {}, '\uD800']) {
        for (let i = 1; i < values.length; i++) {
          const changed = [...values];
          changed[i] = edit;
          cursors.push(Buffer.from(JSON.stringify(changed)).toString('base64url'));
        }
      }
    }

    ajv = new Ajv2020({ strict: false, allErrors: true, multipleOfPrecision: 6 });
    addFormats(ajv);
    ajv.addSchema({ $id: 'urn:influgentic:openapi', components: doc.components });
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
  });

  it('fuzzes the document the gateway serves', () => {
    const served = Object.entries(doc.paths as Json).flatMap(([p, ops]) => Object.keys(ops as Json).map((m) => `${m} ${p}`)).sort();
    expect(served).toEqual(OPERATIONS.map((o) => `${o.method} ${o.path}`).sort());
  });

  function validatorFor(ref: string): ValidateFunction {
    let v = validators.get(ref);
    if (!v) validators.set(ref, (v = ajv.compile({ $ref: `urn:influgentic:openapi${ref}` })));
    return v;
  }

  /** A path id: a real object (as is, or in upper case), a valid-looking id that names nothing, or something hostile. */
  function pathValue(path: string, name: string, schema: Json): fc.Arbitrary<string> {
    const collection = path.split('/').slice(0, path.split('/').indexOf(`{${name}}`)).filter(Boolean).pop() ?? '';
    const real = fixtures[collection] ?? [];
    const options: Array<fc.WeightedArbitrary<string>> = [
      { weight: 2, arbitrary: validValue(doc, schema).map((v) => encode(String(v))) },
      { weight: 2, arbitrary: hostileString.map(encode) },
      { weight: 1, arbitrary: fc.constantFrom('%ZZ', '%ED%A0%80', '%C0%AF', 'a'.repeat(101), 'b'.repeat(300), '%2e%2e', '..') },
    ];
    if (real.length) {
      options.push({ weight: 6, arbitrary: fc.constantFrom(...real) });
      options.push({ weight: 1, arbitrary: fc.constantFrom(...real.map((id) => id.toUpperCase())) });
    }
    return fc.oneof(...options);
  }

  function queryValue(name: string, schema: Json): fc.Arbitrary<string> {
    const options: Array<fc.WeightedArbitrary<string>> = [
      { weight: 4, arbitrary: validValue(doc, schema).map((v) => encode(String(v))) },
      { weight: 2, arbitrary: fc.oneof(hostileString, wrongType.map((v) => JSON.stringify(v) ?? '')).map(encode) },
      { weight: 1, arbitrary: fc.constantFrom('%ED%A0%80', '%ZZ', '1e309', '9223372036854775807', '-9223372036854775809', '0x10', '%00', '') },
    ];
    if (name === 'cursor' && cursors.length) options.push({ weight: 4, arbitrary: fc.constantFrom(...cursors).map(encode) });
    return fc.oneof(...options);
  }

  function requestFor(path: string, method: string, op: Json): fc.Arbitrary<FuzzRequest> {
    const params = (op.parameters ?? []) as Json[];
    const pathParts = params.filter((p) => p.in === 'path').map((p) => pathValue(path, p.name, p.schema).map((v) => [p.name, v] as const));
    const queryParts = params.filter((p) => p.in === 'query').map((p) => fc.option(queryValue(p.name, p.schema).map((v) => `${p.name}=${v}`), { nil: undefined, freq: 2 }));
    const extraQuery = fc.option(fc.constantFrom('unknown=1', 'limit=1&limit=2', 'q[]=x', '__proto__=x', 'a=%ZZ'), { nil: undefined, freq: 8 });
    const schemaRef = op.requestBody?.content?.['application/json']?.schema;
    const body: fc.Arbitrary<string | undefined> = schemaRef
      ? fc.oneof(
        { weight: 4, arbitrary: validValue(doc, schemaRef).map((v) => JSON.stringify(v)) },
        { weight: 5, arbitrary: mutatedValue(doc, schemaRef).map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: fc.constantFrom(nestedJson(3000, 'array'), nestedJson(2000, 'object'), nestedJson(65, 'array'), '{"a":', '[]', 'null', '"text"', '{"__proto__":{"x":1}}', '{"name":"\\ud800"}', '{"budget_usd":1e-7}', '{"budget_usd":5e-324}', '{"limit":1e400}') },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
      // A GET cannot carry a body (fetch refuses to send one).
      : method === 'get' ? fc.constant(undefined) : fc.option(fc.constantFrom('{}', '{"unexpected":true}', '[1]'), { nil: undefined, freq: 6 });
    const isAdmin = path.startsWith('/admin/');
    const token = isAdmin ? TEST_ADMIN_TOKEN : platform.token;
    const auth = fc.oneof(
      { weight: 12, arbitrary: fc.constant<Record<string, string>>({ authorization: `Bearer ${token}` }) },
      { weight: 1, arbitrary: fc.constantFrom<Record<string, string>>({}, { authorization: 'Bearer ig_live_not_a_real_key' }, { 'x-api-key': token.slice(0, -1) }, { authorization: 'Basic Zm9vOmJhcg==' }) },
    );
    const extraHeaders = fc.record({
      'idempotency-key': fc.option(fc.oneof(fc.stringMatching(/^[!-~]{1,40}$/), fc.constantFrom('has space', 'k'.repeat(300))), { nil: undefined, freq: 3 }),
      'x-influgentic-agent': fc.option(fc.constantFrom('agent_velo_automotive', 'agent_nobody', 'not an agent', 'AGENT_VELO_AUTOMOTIVE'), { nil: undefined, freq: 8 }),
      'x-influgentic-org': fc.option(fc.constantFrom('org_default', 'org_other', 'bad'), { nil: undefined, freq: 10 }),
      accept: fc.option(fc.constantFrom('text/event-stream', 'application/json', '*/*', 'text/html'), { nil: undefined, freq: 4 }),
    }, { requiredKeys: [] });
    return fc.record({ pathParts: fc.tuple(...pathParts), queryParts: fc.tuple(...queryParts), extraQuery, body, auth, extraHeaders }).map((r) => {
      let concrete = path;
      for (const [name, value] of r.pathParts) concrete = concrete.replace(`{${name}}`, value);
      const query = [...r.queryParts, r.extraQuery].filter((q): q is string => q !== undefined).join('&');
      const headers: Record<string, string> = { ...r.auth };
      for (const [k, v] of Object.entries(r.extraHeaders)) if (v !== undefined) headers[k] = v;
      if (r.body !== undefined) headers['content-type'] = 'application/json';
      return { path: concrete, query, headers, body: r.body };
    });
  }

  async function send(method: string, req: FuzzRequest) {
    const res = await fetch(`${platform.url}${req.path}${req.query ? `?${req.query}` : ''}`, {
      method: method.toUpperCase(), headers: req.headers, body: req.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const type = res.headers.get('content-type') ?? '';
    // An event stream is judged by its status and type; the live event feed never ends by itself, so it is not read.
    if (type.startsWith('text/event-stream')) {
      await res.body?.cancel();
      return { status: res.status, type, requestId: res.headers.get('x-request-id'), text: '' };
    }
    return { status: res.status, type, requestId: res.headers.get('x-request-id'), text: await res.text() };
  }

  /** Everything the contract promises about one answer; returns what broke, or null. */
  function judge(op: Json, res: Awaited<ReturnType<typeof send>>): string | null {
    if (res.status >= 500) return `answered ${res.status}`;
    if (!res.requestId) return 'no X-Request-ID';
    // HTML pages (a review link's) answer browsers with pages, refusals included, where the operation says so.
    if (res.type.startsWith('text/html')) {
      const documented = (op.responses as Json)[String(res.status)] as Json | undefined;
      return documented && deref(doc, documented).content?.['text/html'] ? null : `answered ${res.status} as text/html, which the operation does not document`;
    }
    if (res.status >= 400) {
      if (!res.type.startsWith('application/problem+json')) return `${res.status} is ${res.type || 'untyped'}, not a problem document`;
      let p: Json;
      try { p = JSON.parse(res.text); } catch { return `${res.status} problem is not JSON`; }
      if (p.status !== res.status || typeof p.code !== 'string' || typeof p.request_id !== 'string') return `${res.status} problem lacks status/code/request_id`;
      if (p.errors !== undefined && (!Array.isArray(p.errors) || p.errors.length > 50)) return `errors[] has ${p.errors?.length} entries`;
      const check = validatorFor('#/components/schemas/Problem');
      if (!check(p)) return `problem does not match the Problem schema: ${ajv.errorsText(check.errors)}`;
      return null;
    }
    const documented = Object.entries(op.responses as Json).find(([s]) => Number(s) === res.status);
    if (res.type.startsWith('text/event-stream')) {
      const streams = Object.values(op.responses as Json).some((r) => (r as Json).content?.['text/event-stream']);
      return streams ? null : `answered an event stream the operation does not document`;
    }
    if (!documented) return `answered ${res.status}, which the operation does not document`;
    const media = deref(doc, documented[1] as Json).content ?? {};
    if (res.type.startsWith('text/plain')) return media['text/plain'] ? null : 'answered text/plain, which is not documented';
    const schema = media['application/json']?.schema as Json | undefined;
    if (!schema) return `answered ${res.type}, which is not documented`;
    let body: unknown;
    try { body = JSON.parse(res.text); } catch { return 'success body is not JSON'; }
    if (!schema.$ref) return null;
    const check = validatorFor(schema.$ref);
    return check(body) ? null : `success body does not match ${schema.$ref}: ${ajv.errorsText(check.errors)}`;
  }

  it.each(OPERATIONS)('$method $path', async ({ path, method }) => {
    const op = doc.paths[path][method] as Json;
    const seed = SEED + OPERATIONS.findIndex((o) => o.path === path && o.method === method);
    try {
      await fc.assert(fc.asyncProperty(requestFor(path, method, op), async (req) => {
        const res = await send(method, req);
        // A path id of dot segments (`..`, `%2e%2e`) is resolved away by the client's URL parser before it is sent, so
        // the request reaches another route (the console at `/`, say): only what every answer owes is checked then.
        const resolvedAway = new URL(req.path, 'http://fuzz.invalid').pathname !== req.path;
        const broken = resolvedAway ? (res.status >= 500 ? `answered ${res.status}` : res.requestId ? null : 'no X-Request-ID') : judge(op, res);
        if (broken) throw new Error(`${method.toUpperCase()} ${req.path}${req.query ? `?${req.query}` : ''} ${broken}\n  body: ${res.text.slice(0, 400)}`);
      }), { numRuns: RUNS, seed, endOnFailure: true, includeErrorInReport: true });
    } catch (err) {
      throw new Error(`Reproduce with FUZZ_SEED=${SEED}: ${(err as Error).message}`);
    }
  }, 120_000);
});
