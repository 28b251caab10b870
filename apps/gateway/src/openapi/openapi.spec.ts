import { spawnSync } from 'node:child_process';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { documentedRoutes } from '../routes/api-routes';
import { buildOpenApi, IDEMPOTENCY_KEY_PATTERN, MAX_FIELD_ERRORS, UNDOCUMENTED } from './openapi';

type Json = Record<string, any>;

const ROOT = path.resolve(__dirname, '../../../..');
// The handlers are never called here: only the rows and their classes matter.
const routes = documentedRoutes();
const doc = buildOpenApi(routes, '/') as Json;
const operations = Object.entries(doc.paths as Json).flatMap(([p, ops]) => Object.entries(ops as Json).map(([method, op]) => ({ path: p, method, op: op as Json })));

function deref(node: Json): Json {
  return typeof node.$ref === 'string' ? deref(node.$ref.split('/').slice(1).reduce((n: Json, k: string) => n[k], doc)) : node;
}

describe('the OpenAPI document', () => {
  it('is valid for swagger-parser (every $ref resolves)', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it("passes Redocly's recommended rules with no errors and no warnings", () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'tools/openapi/redocly-lint.mjs')], { input: JSON.stringify(doc), cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const problems = JSON.parse(run.stdout) as Array<{ rule: string; severity: string; where: string; message: string }>;
    expect(problems.map((p) => `${p.severity} ${p.rule} ${p.where}: ${p.message}`)).toEqual([]);
  }, 30_000);

  it('exposes only public shapes: no internal bus payloads among the schemas', () => {
    const names = Object.keys(doc.components.schemas);
    for (const internal of ['ResolveAgentBody', 'StreamSessionFields', 'CampaignContextBody', 'ReserveSpendBody', 'SettleSpendBody', 'ReleaseSpendBody', 'Object']) {
      expect(names).not.toContain(internal);
    }
    expect(names).toEqual(expect.arrayContaining(['UpdateAgentBody', 'CreateCampaignBody', 'GenerateContentBody', 'Problem']));
  });

  it('refuses unknown fields in every request body, nested objects included', () => {
    const bodies = operations.filter((o) => o.op.requestBody).map((o) => deref(o.op.requestBody.content['application/json'].schema));
    expect(bodies.length).toBeGreaterThan(5);
    const seen = new Set<Json>();
    const check = (schema: Json) => {
      if (seen.has(schema)) return;
      seen.add(schema);
      expect(schema.additionalProperties).toBe(false);
      for (const p of Object.values(schema.properties as Json) as Json[]) {
        for (const alt of [p, ...((p.anyOf as Json[] | undefined) ?? [])]) if (alt.$ref) check(deref(alt));
      }
    };
    bodies.forEach(check);
  });

  it('states precision and range for money, and null where the validator lets it through', () => {
    const campaign = doc.components.schemas.CreateCampaignBody;
    expect(campaign.properties.budget_usd).toMatchObject({ type: ['number', 'null'], minimum: 0, maximum: 100_000_000, multipleOf: 0.01 });
    expect(campaign.properties.config).toEqual({ anyOf: [{ $ref: '#/components/schemas/CampaignConfigBody' }, { type: 'null' }] });
    expect(doc.components.schemas.CreateCampaignBody.required).toEqual(expect.arrayContaining(['agent_id', 'type', 'name']));
    expect(doc.components.schemas.CampaignProductBody.properties.url).toMatchObject({ type: ['string', 'null'], format: 'uri' });
  });

  it("documents an agent's time zone: an IANA name (or null) when written, string or null when read", () => {
    for (const body of ['CreateAgentBody', 'UpdateAgentBody']) {
      expect(doc.components.schemas[body].properties.timezone).toMatchObject({ type: ['string', 'null'], maxLength: 64, pattern: expect.any(String) });
    }
    expect(doc.components.schemas.Agent.properties.timezone).toMatchObject({ type: ['string', 'null'] });
    expect(doc.components.schemas.Agent.required).toContain('timezone');
  });

  it('documents the Idempotency-Key header with its pattern on every keyed POST that can be replayed', () => {
    // Public operations (a review link's decisions) have no organization to keep a key for.
    const posts = operations.filter((o) => o.method === 'post' && !o.path.startsWith('/admin') && !o.path.endsWith('/stream') && !(Array.isArray(o.op.security) && o.op.security.length === 0));
    expect(posts.length).toBeGreaterThan(3);
    for (const { op } of posts) {
      expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', schema: expect.objectContaining({ pattern: IDEMPOTENCY_KEY_PATTERN }) }));
    }
    const pattern = new RegExp(IDEMPOTENCY_KEY_PATTERN);
    expect(pattern.test('order-42:retry')).toBe(true);
    expect(pattern.test('with space')).toBe(false);
    expect(pattern.test('k'.repeat(256))).toBe(false);
  });

  it('documents the refusals of every operation as problem documents, errors[] capped', () => {
    expect(doc.components.schemas.Problem.properties.errors.maxItems).toBe(MAX_FIELD_ERRORS);
    for (const { path: p, method, op } of operations) {
      const statuses = Object.keys(op.responses);
      expect(statuses.some((s) => /^4\d\d$/.test(s))).toBe(true);
      for (const s of statuses.filter((x) => /^[45]/.test(x) && !(p === '/ready' && x === '503'))) {
        // An HTML page (a review link's) also answers a browser's refusals as a page.
        const html = op.responses['200']?.content?.['text/html'] && s !== '431' ? ['text/html'] : [];
        expect([p, method, s, Object.keys(deref(op.responses[s]).content)]).toEqual([p, method, s, ['application/problem+json', ...html]]);
      }
    }
    const create = doc.paths['/v1/campaigns'].post.responses;
    expect(Object.keys(create)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '413', '415', '422', '429', '503']));
    expect(Object.keys(doc.paths['/v1/agents/{id}'].get.responses)).toEqual(expect.arrayContaining(['404', '414', '422']));
  });

  it('describes every success response: JSON shapes, /metrics as text/plain, streams as text/event-stream', () => {
    for (const { path: p, method, op } of operations) {
      const success = Object.entries(op.responses as Json).find(([s]) => /^2/.test(s))![1] as Json;
      const json = success.content['application/json'];
      if (json) expect([method, p, json.schema[UNDOCUMENTED] ?? false]).toEqual([method, p, false]);
    }
    expect(Object.keys(doc.paths['/metrics'].get.responses['200'].content)).toEqual(['text/plain']);
    expect(Object.keys(doc.paths['/v1/campaigns/{id}/stream'].post.responses['200'].content)).toEqual(['text/event-stream']);
    expect(Object.keys(doc.paths['/v1/agents/{agent_id}/content'].post.responses['201'].content)).toEqual(['application/json', 'text/event-stream']);
  });
});
