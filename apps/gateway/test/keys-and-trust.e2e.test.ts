import { NATS_NAMESPACE } from '@influgentic/contracts';
import { apiClient, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { generateToken } from '../src/auth/tokens';

type Client = ReturnType<typeof apiClient>;

describe('keys and trust (e2e over HTTP, real Postgres and NATS)', () => {
  let platform: Platform;
  let admin: Client;

  async function newOrg(plan = 'enterprise') {
    const res = await admin('POST', '/admin/v1/organizations', { name: `Keys ${Math.random().toString(36).slice(2, 8)}`, plan });
    expect(res.status).toBe(201);
    return { id: res.body.organization.id as string, keyId: res.body.api_key.id as string, token: res.body.api_key.token as string, call: apiClient(platform.url, res.body.api_key.token) };
  }

  beforeAll(async () => {
    // No service runs: everything here is the gateway's own (keys, limits, operator API) or a 503 from the bus.
    platform = await startPlatform([], { KEY_USAGE_FLUSH_MS: '200' });
    admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
  });
  afterAll(async () => {
    await platform?.close();
  });

  describe('a sandbox key sees and manages sandbox keys only', () => {
    it('lists, reads and revokes sandbox keys, while live keys are 404 to it and it cannot create one', async () => {
      const org = await newOrg();
      const made = await org.call('POST', '/v1/api-keys', { name: 'sandbox admin', scopes: ['keys:admin'], mode: 'test' });
      expect(made.status).toBe(201);
      const sandbox = apiClient(platform.url, made.body.token);

      const list = await sandbox('GET', '/v1/api-keys');
      expect(list.status).toBe(200);
      expect(list.body.data.map((k: { mode: string }) => k.mode)).toEqual(['test']);
      expect(list.body.meta.total).toBe(1);
      // The live key of its own organization does not exist for it.
      expect((await sandbox('GET', `/v1/api-keys/${org.keyId}`)).status).toBe(404);
      const del = await sandbox('DELETE', `/v1/api-keys/${org.keyId}`);
      expect(del.status).toBe(404);
      expect(del.body.code).toBe('not_found');
      expect((await org.call('GET', '/v1/api-keys')).status).toBe(200);

      const live = await sandbox('POST', '/v1/api-keys', { name: 'escalate', scopes: ['keys:admin'], mode: 'live' });
      expect(live.status).toBe(403);
      expect(live.headers.get('content-type')).toContain('application/problem+json');
      expect(live.body.errors[0].field).toBe('mode');

      // Its own sandbox keys it manages as usual; a repeated DELETE answers like the first.
      const child = await sandbox('POST', '/v1/api-keys', { name: 'child', scopes: ['keys:admin'], mode: 'test' });
      expect(child.status).toBe(201);
      expect((await sandbox('GET', `/v1/api-keys/${child.body.id}`)).body.name).toBe('child');
      const first = await sandbox('DELETE', `/v1/api-keys/${child.body.id}`);
      expect(first.status).toBe(200);
      const again = await sandbox('DELETE', `/v1/api-keys/${child.body.id}`);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect((await apiClient(platform.url, child.body.token)('GET', '/v1/api-keys')).status).toBe(401);

      // The live key sees both modes.
      const all = await org.call('GET', '/v1/api-keys');
      expect(all.body.data.map((k: { mode: string }) => k.mode).sort()).toEqual(['live', 'test']);
    });
  });

  describe('last_used_at', () => {
    it('is written in batches and shows in the list, current to the minute', async () => {
      const org = await newOrg();
      const before = await org.call('GET', `/v1/api-keys/${org.keyId}`);
      const seen = await waitFor(async () => {
        const r = await org.call('GET', `/v1/api-keys/${org.keyId}`);
        return r.body.last_used_at ? r : null;
      }, 5000, 100);
      expect(before.status).toBe(200);
      expect(Math.abs(Date.now() - Date.parse(seen.body.last_used_at))).toBeLessThan(60_000);
      const listed = await org.call('GET', '/v1/api-keys');
      expect(listed.body.data.find((k: { id: string }) => k.id === org.keyId).last_used_at).not.toBeNull();
    });
  });

  describe('rate limits', () => {
    it('limits a sandbox key\'s generate class like a live key\'s, and leaves its reads unlimited', async () => {
      const org = await newOrg('starter');
      expect((await admin('PATCH', `/admin/v1/organizations/${org.id}`, { rate_limits: { generate: 2 } })).status).toBe(200);
      const made = await org.call('POST', '/v1/api-keys', { name: 'sandbox gen', scopes: ['content:generate', 'keys:admin'], mode: 'test' });
      const sandbox = apiClient(platform.url, made.body.token);
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 3; i++) {
        last = await sandbox('POST', '/v1/agents/agent_velo_automotive/content', { type: 'post', brief: 'hello' });
        statuses.push(last.status);
      }
      // Nothing answers generation here (503) until the limit refuses the third.
      expect(statuses.slice(0, 2).every((s) => s !== 429)).toBe(true);
      expect(statuses[2]).toBe(429);
      expect(last!.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(last!.headers.get('x-ratelimit-limit')).toBe('2');
      const read = await sandbox('GET', '/v1/api-keys');
      expect(read.status).toBe(200);
      expect(read.headers.get('x-ratelimit-limit')).toBeNull();
    });

    it('applies and clears the operator\'s per-organization overrides', async () => {
      const org = await newOrg('starter');
      const patched = await admin('PATCH', `/admin/v1/organizations/${org.id}`, { rate_limits: { read: 2, write: 7 } });
      expect(patched.status).toBe(200);
      expect(patched.body.rate_limits).toEqual({ read: 2, write: 7 });
      expect((await admin('GET', `/admin/v1/organizations/${org.id}`)).body.rate_limits).toEqual({ read: 2, write: 7 });
      const a = await org.call('GET', '/v1/api-keys');
      expect(a.headers.get('x-ratelimit-limit')).toBe('2');
      await org.call('GET', '/v1/api-keys');
      expect((await org.call('GET', '/v1/api-keys')).status).toBe(429);

      // null for one class returns it to the plan's; the others stay.
      const cleared = await admin('PATCH', `/admin/v1/organizations/${org.id}`, { rate_limits: { read: null } });
      expect(cleared.body.rate_limits).toEqual({ write: 7 });
      const b = await org.call('GET', '/v1/api-keys');
      expect(b.status).toBe(200);
      expect(b.headers.get('x-ratelimit-limit')).toBe('120');
      expect((await admin('PATCH', `/admin/v1/organizations/${org.id}`, { rate_limits: null })).body.rate_limits).toBeNull();

      const bad = await admin('PATCH', `/admin/v1/organizations/${org.id}`, { rate_limits: { read: -1, search: 5 } });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['rate_limits.read', 'rate_limits.search']);
    });
  });

  describe('a 503', () => {
    it('does not name the internal subject that went unanswered', async () => {
      const org = await newOrg();
      const res = await org.call('GET', '/v1/agents');
      expect(res.status).toBe(503);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('registry.agents');
      if (NATS_NAMESPACE) expect(text).not.toContain(NATS_NAMESPACE);
    });
  });
});

describe('the bootstrap key', () => {
  it('stays revoked across restarts with the same INFLUGENTIC_BOOTSTRAP_API_KEY', async () => {
    const token = generateToken('test');
    let platform = await startPlatform([], { INFLUGENTIC_BOOTSTRAP_API_KEY: token });
    try {
      const call = apiClient(platform.url, token);
      const mine = (await call('GET', '/v1/api-keys?limit=100')).body.data.find((k: { token_hint: string }) => k.token_hint === `${token.slice(0, 8)}…${token.slice(-4)}`);
      expect(mine).toBeDefined();
      expect((await call('DELETE', `/v1/api-keys/${mine.id}`)).status).toBe(200);
      expect((await call('GET', '/v1/api-keys')).status).toBe(401);
    } finally {
      await platform.close();
    }
    platform = await startPlatform([], { INFLUGENTIC_BOOTSTRAP_API_KEY: token });
    try {
      expect((await apiClient(platform.url, token)('GET', '/v1/api-keys')).status).toBe(401);
    } finally {
      await platform.close();
    }
  });
});

describe('guessing keys', () => {
  it('limits unknown or revoked keys per client address, with Retry-After, without locking out a valid key', async () => {
    const platform = await startPlatform([], { AUTH_FAILURE_LIMIT: '3' });
    try {
      const valid = apiClient(platform.url, platform.token);
      expect((await valid('GET', '/v1/api-keys')).status).toBe(200);
      let limited;
      for (let i = 0; i < 8 && !limited; i++) {
        const r = await apiClient(platform.url, generateToken('live'))('GET', '/v1/api-keys');
        if (r.status === 429) limited = r; else expect(r.status).toBe(401);
      }
      expect(limited).toBeDefined();
      expect(limited!.body.code).toBe('rate_limited');
      expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await apiClient(platform.url, generateToken('test'))('GET', '/v1/api-keys')).status).toBe(429);
      expect((await valid('GET', '/v1/api-keys')).status).toBe(200);
    } finally {
      await platform.close();
    }
  });
});

describe('/metrics restrictions', () => {
  it('needs the token when METRICS_TOKEN is set', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const platform = await startPlatform([], { METRICS_TOKEN: token });
    try {
      const anon = await apiClient(platform.url)('GET', '/metrics');
      expect(anon.status).toBe(401);
      expect(anon.headers.get('content-type')).toContain('application/problem+json');
      const ok = await apiClient(platform.url, token)('GET', '/metrics');
      expect(ok.status).toBe(200);
      expect(String(ok.body)).toContain('influgentic_http_request_duration_seconds');
    } finally {
      await platform.close();
    }
  });

  it('is served only on its own listener when METRICS_PORT is set', async () => {
    const platform = await startPlatform([], { METRICS_PORT: '0' });
    try {
      expect((await apiClient(platform.url)('GET', '/metrics')).status).toBe(404);
      const res = await fetch(`${platform.gateway.metricsUrl}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('influgentic_http_request_duration_seconds');
    } finally {
      await platform.close();
    }
  });
});
