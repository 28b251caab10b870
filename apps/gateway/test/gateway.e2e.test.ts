import { apiClient, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';

const PERSONA = 'NOVA is a forward-thinking AI influencer specializing in sustainable fashion, circular economy and eco-conscious lifestyle brands. Expert in certifications (GOTS, OEKO-TEX) and supply chain transparency. Tone: knowledgeable, inspiring, never preachy.';

describe('gateway cross-cutting behaviour (e2e over HTTP, real Postgres and NATS)', () => {
  let platform: Platform;
  let admin: ReturnType<typeof apiClient>;
  let root: ReturnType<typeof apiClient>;

  async function newOrg(plan = 'enterprise') {
    const res = await admin('POST', '/admin/v1/organizations', { name: `Org ${Math.random().toString(36).slice(2, 8)}`, plan });
    expect(res.status).toBe(201);
    return { id: res.body.organization.id as string, token: res.body.api_key.token as string, call: apiClient(platform.url, res.body.api_key.token) };
  }

  beforeAll(async () => {
    platform = await startPlatform(['registry']);
    admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    root = apiClient(platform.url, platform.token);
  });
  afterAll(async () => {
    await platform?.close();
  });

  describe('operations', () => {
    it('answers /health without credentials and carries the standard headers', async () => {
      const res = await apiClient(platform.url)('GET', '/health', undefined, { 'x-request-id': 'my-trace-123' });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('my-trace-123');
      expect(res.headers.get('x-region')).toBe('local');
      expect(res.headers.get('x-response-time')).toMatch(/^\d+ms$/);
    });

    it('generates a request id when none is sent', async () => {
      const res = await apiClient(platform.url)('GET', '/health');
      expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-z]{26}$/);
    });

    it('serves an OpenAPI 3.1 document generated from the routes, tagged by service', async () => {
      const res = await apiClient(platform.url)('GET', '/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toBe('3.1.0');
      expect(res.body.paths['/v1/agents'].get.tags).toEqual(['registry']);
      expect(res.body.paths['/v1/agents'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/CreateAgentBody');
      expect(res.body.components.schemas.CreateAgentBody.properties.category.enum).toContain('automotive');
      // A merge patch may be sent without a body; the campaign stream only speaks SSE.
      expect(res.body.paths['/v1/agents/{id}'].patch.requestBody.required).toBe(false);
      expect(res.body.paths['/v1/agents'].post.requestBody.required).toBe(true);
      expect(Object.keys(res.body.paths['/v1/campaigns/{id}/stream'].post.responses['200'].content)).toEqual(['text/event-stream']);
    });

    it('serves Swagger UI at /docs', async () => {
      const res = await fetch(`${platform.url}/docs/`, { redirect: 'follow' });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('swagger');
    });

    it('exposes Prometheus metrics', async () => {
      await root('GET', '/v1/agents?limit=1');
      const res = await apiClient(platform.url)('GET', '/metrics');
      expect(res.status).toBe(200);
      expect(String(res.body)).toContain('influgentic_http_request_duration_seconds');
      // The registry's handler timings arrive through the gateway too.
      expect(String(res.body)).toMatch(/influgentic_rpc_duration_seconds_count\{[^}]*service="registry"/);
    });

    it('reports readiness per service and 503 while some are missing', async () => {
      const res = await apiClient(platform.url)('GET', '/ready');
      expect(res.body.services.registry).toBe('ok');
      expect(res.body.database).toBe('ok');
      // Only the registry runs in this suite.
      expect(res.status).toBe(503);
      expect(res.body.services.webhooks).toBe('unavailable');
    });
  });

  describe('authentication and scopes', () => {
    it('refuses a missing, malformed, unknown key with 401 problem documents', async () => {
      const anon = apiClient(platform.url);
      for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Bearer ig_live_AAAAAAAAAAAAAAAAAAAAAAAA' }] as Record<string, string>[]) {
        const res = await anon('GET', '/v1/agents', undefined, headers);
        expect(res.status).toBe(401);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.body.code).toBe('unauthorized');
        expect(res.body.request_id).toBe(res.headers.get('x-request-id'));
      }
    });

    it('accepts X-API-Key as well as Bearer', async () => {
      const res = await apiClient(platform.url)('GET', '/v1/agents?limit=1', undefined, { 'x-api-key': platform.token });
      expect(res.status).toBe(200);
    });

    it('enforces scopes with 403 insufficient_scope', async () => {
      const created = await root('POST', '/v1/api-keys', { name: 'read only', scopes: ['agents:read'], mode: 'live' });
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^ig_live_/);
      const readOnly = apiClient(platform.url, created.body.token);
      expect((await readOnly('GET', '/v1/agents?limit=1')).status).toBe(200);
      const denied = await readOnly('POST', '/v1/agents', { name: 'X', category: 'tech', persona_prompt: PERSONA });
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('insufficient_scope');
    });

    it('lists keys without tokens and revokes at once', async () => {
      const created = await root('POST', '/v1/api-keys', { name: 'temp', scopes: ['agents:read'], mode: 'live' });
      const temp = apiClient(platform.url, created.body.token);
      expect((await temp('GET', '/v1/agents?limit=1')).status).toBe(200);
      const list = await root('GET', '/v1/api-keys?limit=100');
      expect(list.status).toBe(200);
      expect(list.body.data.some((k: { id: string }) => k.id === created.body.id)).toBe(true);
      expect(JSON.stringify(list.body)).not.toContain(created.body.token);
      const revoked = await root('DELETE', `/v1/api-keys/${created.body.id}`);
      expect(revoked.status).toBe(200);
      expect((await temp('GET', '/v1/agents?limit=1')).status).toBe(401);
    });

    it('refuses a key that tries to grant scopes it does not hold', async () => {
      const created = await root('POST', '/v1/api-keys', { name: 'limited admin', scopes: ['keys:admin'], mode: 'live' });
      const limited = apiClient(platform.url, created.body.token);
      const res = await limited('POST', '/v1/api-keys', { name: 'escalate', scopes: ['agents:write'], mode: 'live' });
      expect(res.status).toBe(403);
    });

    it('rejects a mismatched X-Influgentic-Org with 403', async () => {
      const res = await root('GET', '/v1/agents?limit=1', undefined, { 'x-influgentic-org': 'org_someone_else' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
      const ok = await root('GET', '/v1/agents?limit=1', undefined, { 'x-influgentic-org': 'org_default' });
      expect(ok.status).toBe(200);
    });

    it('keeps the operator API apart from organization keys', async () => {
      expect((await root('GET', '/admin/v1/organizations')).status).toBe(401);
      const list = await admin('GET', '/admin/v1/organizations?limit=100');
      expect(list.status).toBe(200);
      expect(list.body.data.length).toBeGreaterThan(0);
      expect((await admin('GET', '/admin/v1/organizations/org_default')).body.id).toBe('org_default');
    });
  });

  describe('tenancy and sandbox', () => {
    it('hides another organization\'s private agent (404) and sandbox objects from live keys', async () => {
      const a = await newOrg();
      const b = await newOrg();
      const built = await a.call('POST', '/v1/agents', { name: 'Private Nova', category: 'sustainable_fashion', persona_prompt: PERSONA });
      expect(built.status).toBe(202);
      expect((await a.call('GET', `/v1/agents/${built.body.id}`)).status).toBe(200);
      const cross = await b.call('GET', `/v1/agents/${built.body.id}`);
      expect(cross.status).toBe(404);
      expect(cross.body.code).toBe('not_found');
      const sandboxKey = await a.call('POST', '/v1/api-keys', { name: 'sandbox', scopes: ['agents:read', 'agents:write'], mode: 'test' });
      expect(sandboxKey.body.token).toMatch(/^ig_test_/);
      const sandbox = apiClient(platform.url, sandboxKey.body.token);
      // Live object invisible to the sandbox key of the same organization, and vice versa.
      expect((await sandbox('GET', `/v1/agents/${built.body.id}`)).status).toBe(404);
      const sbAgent = await sandbox('POST', '/v1/agents', { name: 'Sandbox Nova', category: 'sustainable_fashion', persona_prompt: PERSONA });
      expect(sbAgent.status).toBe(202);
      expect((await a.call('GET', `/v1/agents/${sbAgent.body.id}`)).status).toBe(404);
      const detail = await waitFor(async () => {
        const r = await sandbox('GET', `/v1/agents/${sbAgent.body.id}`);
        return r.body.status === 'ready' ? r : null;
      });
      expect(detail.body.livemode).toBe(false);
      // Sandbox calls are not rate limited.
      expect(detail.headers.get('x-ratelimit-limit')).toBeNull();
    });
  });

  describe('rate limits', () => {
    it('returns 429 with headers past the plan limit, with one budget shared by two gateway replicas', async () => {
      const org = await newOrg('starter');
      const second = await startPlatform([], {});
      try {
        const calls = [org.call, apiClient(second.url, org.token)];
        let last = await calls[0]('GET', '/v1/api-keys?limit=1');
        expect(last.headers.get('x-ratelimit-limit')).toBe('120');
        expect(last.headers.get('ratelimit-policy')).toBe('"read";q=120;w=60');
        let i = 1;
        while (last.status === 200 && i < 200) {
          last = await calls[i % 2]('GET', '/v1/api-keys?limit=1');
          i++;
        }
        expect(last.status).toBe(429);
        // Both replicas counted into one budget: the 121st request overall is refused.
        expect(i).toBeGreaterThanOrEqual(121);
        expect(i).toBeLessThanOrEqual(122);
        expect(last.body.code).toBe('rate_limited');
        expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(last.headers.get('x-ratelimit-remaining')).toBe('0');
        expect(last.headers.get('ratelimit')).toMatch(/^"read";r=0;t=\d+$/);
        // Another endpoint class keeps its own budget.
        const write = await org.call('POST', '/v1/api-keys', { name: 'still ok', scopes: ['agents:read'], mode: 'live' });
        expect(write.status).toBe(201);
      } finally {
        await second.close();
      }
    });

    it('applies a plan change to the next request', async () => {
      const org = await newOrg('starter');
      const before = await org.call('GET', '/v1/api-keys?limit=1');
      expect(before.headers.get('x-ratelimit-limit')).toBe('120');
      const patched = await admin('PATCH', `/admin/v1/organizations/${org.id}`, { plan: 'growth' });
      expect(patched.status).toBe(200);
      const after = await org.call('GET', '/v1/api-keys?limit=1');
      expect(after.headers.get('x-ratelimit-limit')).toBe('1200');
    });
  });

  describe('idempotency', () => {
    it('replays the first response for the same key and body, and refuses a different body', async () => {
      const org = await newOrg();
      const body = { name: 'Idem Agent', category: 'tech', persona_prompt: PERSONA };
      const first = await org.call('POST', '/v1/agents', body, { 'idempotency-key': 'create-idem-1' });
      expect(first.status).toBe(202);
      const again = await org.call('POST', '/v1/agents', body, { 'idempotency-key': 'create-idem-1' });
      expect(again.status).toBe(202);
      expect(again.body.id).toBe(first.body.id);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const conflict = await org.call('POST', '/v1/agents', { ...body, name: 'Other' }, { 'idempotency-key': 'create-idem-1' });
      expect(conflict.status).toBe(409);
      expect(conflict.body.code).toBe('idempotency_conflict');
      const list = await org.call('GET', '/v1/agents?visibility=private&limit=100');
      expect(list.body.data.filter((a: { name: string }) => a.name === 'Idem Agent')).toHaveLength(1);
    });
  });

  describe('a backing service that does not answer', () => {
    it('gives a 503 problem quickly instead of hanging', async () => {
      const started = Date.now();
      // The campaigns service is not running in this suite: nobody answers its subjects.
      await platform.stopService('registry');
      try {
        const res = await root('GET', '/v1/agents');
        expect(res.status).toBe(503);
        expect(res.body.code).toBe('service_unavailable');
        expect(Date.now() - started).toBeLessThan(4000);
      } finally {
        await platform.startService('registry');
      }
    });
  });
});
