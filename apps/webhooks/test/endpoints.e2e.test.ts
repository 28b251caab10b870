import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from '@influgentic/persistence';
import { isWebhookSecret, signWebhook, verifyWebhook } from '@influgentic/webhook-signature';
import { signingSecrets } from '../src/endpoints/signing-secrets';
import { parseKeyRing, SecretBox } from '../src/secrets/secret-box';
import { apiClient, startPlatform, TEST_ADMIN_TOKEN, type Platform } from '../../../tools/testing/platform';

type Call = ReturnType<typeof apiClient>;

const SEALING_KEY = randomBytes(32).toString('base64');
const MAX_ENDPOINTS = 4;
const OVERLAP_MS = 6 * 3_600_000;
/** A receiver on loopback: allowed here because `npm test` runs with WEBHOOKS_ALLOW_PRIVATE=true. */
const RECEIVER = 'http://127.0.0.1:1/hooks';

describe('webhook endpoints (e2e over HTTP, real Postgres and NATS)', () => {
  const saved = { ...process.env };
  let platform: Platform;
  let admin: Call;
  let db: Client;
  const box = new SecretBox(parseKeyRing(SEALING_KEY));

  async function newOrg(): Promise<{ id: string; live: Call; sandbox: Call }> {
    const res = await admin('POST', '/admin/v1/organizations', { name: `Hooks ${Math.random().toString(36).slice(2, 8)}`, plan: 'enterprise' });
    expect(res.status).toBe(201);
    const live = apiClient(platform.url, res.body.api_key.token);
    const key = await live('POST', '/v1/api-keys', { name: 'sandbox', scopes: ['webhooks:read', 'webhooks:write'], mode: 'test' });
    expect(key.status).toBe(201);
    return { id: res.body.organization.id, live, sandbox: apiClient(platform.url, key.body.token) };
  }

  async function create(call: Call, body: Record<string, unknown> = {}) {
    const res = await call('POST', '/v1/webhooks', { url: RECEIVER, events: ['campaign.started', 'lead.captured'], ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  const stored = async (id: string) => (await db.query('SELECT * FROM webhooks.endpoints WHERE id = $1', [id])).rows[0];
  const countOf = async (orgId: string) => (await db.query('SELECT count(*)::int AS n FROM webhooks.endpoints WHERE organization_id = $1', [orgId])).rows[0].n as number;
  const fields = (body: { errors?: Array<{ field: string; code: string }> }) => (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

  beforeAll(async () => {
    Object.assign(process.env, { WEBHOOKS_SECRET_KEY: SEALING_KEY, WEBHOOKS_MAX_ENDPOINTS: String(MAX_ENDPOINTS), WEBHOOKS_ROTATION_OVERLAP_MS: String(OVERLAP_MS) });
    platform = await startPlatform(['webhooks']);
    admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    db = new Client({ connectionString: databaseUrl() });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await platform?.close();
    process.env = saved;
  });

  describe('create, read, list', () => {
    it('creates an enabled endpoint and shows its generated secret once; GET and list never show it', async () => {
      const org = await newOrg();
      const res = await org.live('POST', '/v1/webhooks', { url: RECEIVER, events: ['*'], description: ' Orders ', rate_limit_per_minute: 120 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        object: 'webhook_endpoint', url: RECEIVER, events: ['*'], description: 'Orders', status: 'enabled', disabled_reason: null,
        rate_limit_per_minute: 120, livemode: true, previous_secret_expires_at: null,
      });
      expect(res.body.id).toMatch(/^wh_[0-9a-z]{26}$/);
      expect(res.body.secret).toMatch(/^igsec_/);
      expect(isWebhookSecret(res.body.secret)).toBe(true);

      const got = await org.live('GET', `/v1/webhooks/${res.body.id}`);
      expect(got.status).toBe(200);
      expect(got.body).not.toHaveProperty('secret');
      const { secret: _secret, ...withoutSecret } = res.body;
      expect(got.body).toEqual(withoutSecret);
      const listed = await org.live('GET', '/v1/webhooks');
      expect(listed.status).toBe(200);
      expect(listed.body.data).toEqual([withoutSecret]);
      expect(JSON.stringify(listed.body)).not.toContain(res.body.secret);
    });

    it('keeps the secret only sealed: the clear secret is nowhere in the row, and the configured key opens it', async () => {
      const org = await newOrg();
      const body = await create(org.live);
      const row = await stored(body.id);
      const raw = JSON.stringify(row);
      expect(raw).not.toContain(body.secret);
      expect(raw).not.toContain(body.secret.slice('igsec_'.length));
      expect(row.secret_ciphertext).toMatch(/^v1\./);
      expect(box.open(row.secret_ciphertext)).toBe(body.secret);
      expect(signingSecrets(row, box)).toEqual([body.secret]);
    });

    it('takes a caller-supplied whsec_ secret, and signatures made with it verify for the receiver', async () => {
      const org = await newOrg();
      const secret = `whsec_${randomBytes(24).toString('base64')}`;
      const body = await create(org.live, { secret });
      expect(body.secret).toBe(secret);
      const row = await stored(body.id);
      const payload = JSON.stringify({ id: 'evt_1', type: 'lead.captured' });
      const headers = signWebhook({ id: 'whd_1', timestamp: Math.floor(Date.now() / 1000), body: payload, secrets: signingSecrets(row, box) });
      expect(verifyWebhook(headers, payload, secret).id).toBe('whd_1');
    });

    it('pages the list newest first with cursors, filters by status, and refuses a cursor of another filter', async () => {
      const org = await newOrg();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await create(org.live, { description: `n${i}` })).id);
      const disabled = await org.live('PATCH', `/v1/webhooks/${ids[0]}`, { status: 'disabled' });
      expect(disabled.status).toBe(200);

      const first = await org.live('GET', '/v1/webhooks?limit=2');
      expect(first.status).toBe(200);
      expect(first.body.data.map((e: { id: string }) => e.id)).toEqual([ids[2], ids[1]]);
      expect(first.body.meta).toMatchObject({ total: 3, limit: 2 });
      const second = await org.live('GET', `/v1/webhooks?limit=2&cursor=${first.body.meta.next_cursor}`);
      expect(second.body.data.map((e: { id: string }) => e.id)).toEqual([ids[0]]);
      expect(second.body.meta.next_cursor).toBeNull();

      const onlyDisabled = await org.live('GET', '/v1/webhooks?status=disabled');
      expect(onlyDisabled.body.data.map((e: { id: string }) => e.id)).toEqual([ids[0]]);
      const wrong = await org.live('GET', `/v1/webhooks?status=enabled&cursor=${first.body.meta.next_cursor}`);
      expect(wrong.status).toBe(422);
      expect(fields(wrong.body)).toEqual(['cursor:invalid']);
      const badStatus = await org.live('GET', '/v1/webhooks?status=paused');
      expect(badStatus.status).toBe(422);
      expect(fields(badStatus.body)).toEqual(['status:enum']);
    });
  });

  describe('refusals name the field and write nothing', () => {
    it.each([
      ['no url', { events: ['*'] }, 'url:required'],
      ['an empty events list', { url: RECEIVER, events: [] }, 'events:min_items'],
      ['no events', { url: RECEIVER }, 'events:required'],
      ['a duplicated event', { url: RECEIVER, events: ['lead.captured', 'lead.captured'] }, 'events:unique'],
      ['an unknown event type', { url: RECEIVER, events: ['lead.captured', 'lead.lost'] }, 'events:enum'],
      ['an event that is not subscribable', { url: RECEIVER, events: ['webhook.test'] }, 'events:enum'],
      ["'*' beside other types", { url: RECEIVER, events: ['*', 'lead.captured'] }, 'events:wildcard_alone'],
      ['another scheme', { url: 'ftp://127.0.0.1/in', events: ['*'] }, 'url:scheme'],
      ['a javascript: url', { url: 'javascript:alert(1)', events: ['*'] }, 'url:scheme'],
      ['not a URL', { url: 'hooks.example.com/in', events: ['*'] }, 'url:format'],
      ['credentials in the URL', { url: 'https://user:pw@127.0.0.1/in', events: ['*'] }, 'url:credentials'],
      ['a host that does not resolve', { url: 'https://nowhere.invalid/in', events: ['*'] }, 'url:unresolvable_host'],
      ['a secret in another format', { url: RECEIVER, events: ['*'], secret: 'hunter2' }, 'secret:format'],
      ['a secret too short', { url: RECEIVER, events: ['*'], secret: `igsec_${randomBytes(16).toString('base64')}` }, 'secret:format'],
      ['a rate limit of 0', { url: RECEIVER, events: ['*'], rate_limit_per_minute: 0 }, 'rate_limit_per_minute:min'],
      ['an unknown field', { url: RECEIVER, events: ['*'], enabled: true }, 'enabled:unknown_field'],
    ])('refuses %s with 422', async (_what, body, field) => {
      const org = await newOrg();
      const res = await org.live('POST', '/v1/webhooks', body);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('validation_error');
      expect(fields(res.body)).toContain(field);
      expect(await countOf(org.id)).toBe(0);
    });

    it(`keeps at most ${MAX_ENDPOINTS} endpoints per organization and mode`, async () => {
      const org = await newOrg();
      for (let i = 0; i < MAX_ENDPOINTS; i++) await create(org.live);
      const over = await org.live('POST', '/v1/webhooks', { url: RECEIVER, events: ['*'] });
      expect(over.status).toBe(409);
      expect(over.body.code).toBe('conflict');
      expect(await countOf(org.id)).toBe(MAX_ENDPOINTS);
      // The sandbox counts on its own, and a deleted endpoint frees its place.
      await create(org.sandbox);
      const listed = await org.live('GET', '/v1/webhooks');
      expect((await org.live('DELETE', `/v1/webhooks/${listed.body.data[0].id}`)).status).toBe(200);
      await create(org.live);
    });

    it('holds the limit under concurrent creates', async () => {
      const org = await newOrg();
      const answers = await Promise.all(Array.from({ length: MAX_ENDPOINTS * 2 }, () => org.live('POST', '/v1/webhooks', { url: RECEIVER, events: ['*'] })));
      expect(answers.map((a) => a.status).sort()).toEqual([...Array(MAX_ENDPOINTS).fill(201), ...Array(MAX_ENDPOINTS).fill(409)]);
      expect(await countOf(org.id)).toBe(MAX_ENDPOINTS);
    });
  });

  describe('private targets refused when the operator does not allow them', () => {
    beforeEach(() => { process.env.WEBHOOKS_ALLOW_PRIVATE = 'false'; });
    afterEach(() => { process.env.WEBHOOKS_ALLOW_PRIVATE = saved.WEBHOOKS_ALLOW_PRIVATE; });

    it.each([
      ['https://127.0.0.1/in', 'url:forbidden_address'],
      ['https://localhost:8443/in', 'url:forbidden_address'],
      ['https://[::1]/in', 'url:forbidden_address'],
      ['https://10.0.0.7/in', 'url:forbidden_address'],
      ['https://192.168.1.20/in', 'url:forbidden_address'],
      ['https://169.254.169.254/latest/meta-data/', 'url:forbidden_address'],
      ['https://[fd00:ec2::254]/', 'url:forbidden_address'],
      ['https://100.64.1.1/in', 'url:forbidden_address'],
      ['https://[::ffff:127.0.0.1]/in', 'url:forbidden_address'],
      ['https://0x7f000001/in', 'url:forbidden_address'],
      ['http://93.184.216.34/in', 'url:scheme'],
    ])('refuses %s', async (url, field) => {
      const org = await newOrg();
      const res = await org.live('POST', '/v1/webhooks', { url, events: ['*'] });
      expect(res.status).toBe(422);
      expect(fields(res.body)).toEqual([field]);
      expect(await countOf(org.id)).toBe(0);
    });

    it('accepts https to a public address, and re-judges a URL changed by PATCH', async () => {
      const org = await newOrg();
      const res = await org.live('POST', '/v1/webhooks', { url: 'https://93.184.216.34/in', events: ['*'] });
      expect(res.status).toBe(201);
      const moved = await org.live('PATCH', `/v1/webhooks/${res.body.id}`, { url: 'https://169.254.169.254/latest' });
      expect(moved.status).toBe(422);
      expect(fields(moved.body)).toEqual(['url:forbidden_address']);
      expect((await stored(res.body.id)).url).toBe('https://93.184.216.34/in');
    });
  });

  describe('PATCH', () => {
    it('changes url, events, description and rate limit, and accepts what GET returned as a no-op', async () => {
      const org = await newOrg();
      const body = await create(org.live);
      const res = await org.live('PATCH', `/v1/webhooks/${body.id}`, {
        url: 'http://127.0.0.1:2/other', events: ['job.failed'], description: 'Jobs', rate_limit_per_minute: 30,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ url: 'http://127.0.0.1:2/other', events: ['job.failed'], description: 'Jobs', rate_limit_per_minute: 30 });
      expect(new Date(res.body.updated_at).getTime()).toBeGreaterThanOrEqual(new Date(body.updated_at).getTime());

      const echoed = await org.live('PATCH', `/v1/webhooks/${body.id}`, res.body);
      expect(echoed.status).toBe(200);
      expect(echoed.body).toEqual(res.body);
      const cleared = await org.live('PATCH', `/v1/webhooks/${body.id}`, { description: null, rate_limit_per_minute: null });
      expect(cleared.body).toMatchObject({ description: null, rate_limit_per_minute: null });
    });

    it('refuses another id, a null url, bad events and an unresolvable host, changing nothing', async () => {
      const org = await newOrg();
      const body = await create(org.live);
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ id: 'wh_other' }, 'id:read_only'],
        [{ livemode: false }, 'livemode:read_only'],
        [{ url: null }, 'url:required'],
        [{ events: [] }, 'events:min_items'],
        [{ events: ['lead.lost'] }, 'events:enum'],
        [{ url: 'https://nowhere.invalid/x' }, 'url:unresolvable_host'],
        [{ status: 'paused' }, 'status:enum'],
        [{ secret: 'igsec_x' }, 'secret:unknown_field'],
      ];
      for (const [patch, field] of cases) {
        const res = await org.live('PATCH', `/v1/webhooks/${body.id}`, patch);
        expect(res.status).toBe(422);
        expect(fields(res.body)).toEqual([field]);
      }
      const got = await org.live('GET', `/v1/webhooks/${body.id}`);
      expect(got.body.updated_at).toBe(body.updated_at);
    });

    it('disables with a reason, and enabling clears it and the delivery failure streak', async () => {
      const org = await newOrg();
      const body = await create(org.live);
      const off = await org.live('PATCH', `/v1/webhooks/${body.id}`, { status: 'disabled' });
      expect(off.status).toBe(200);
      expect(off.body.status).toBe('disabled');
      expect(off.body.disabled_reason).toEqual(expect.any(String));
      expect(off.body.disabled_at).toEqual(expect.any(String));
      // As the delivery side leaves an endpoint it disabled for failing.
      await db.query(
        `UPDATE webhooks.endpoints SET disabled_reason = 'failing for 5 days', consecutive_failures = 40, failing_since = now() - interval '5 days',
                circuit_open_until = now() + interval '1 hour' WHERE id = $1`, [body.id]);
      const on = await org.live('PATCH', `/v1/webhooks/${body.id}`, { status: 'enabled' });
      expect(on.status).toBe(200);
      expect(on.body).toMatchObject({ status: 'enabled', disabled_reason: null, disabled_at: null });
      const row = await stored(body.id);
      expect(row).toMatchObject({ status: 'enabled', disabled_reason: null, disabled_at: null, consecutive_failures: 0, failing_since: null, circuit_open_until: null });
    });
  });

  describe('rotate-secret', () => {
    it('answers a new secret once; the previous one keeps signing until the overlap ends', async () => {
      const org = await newOrg();
      const body = await create(org.live);
      const before = Date.now();
      const res = await org.live('POST', `/v1/webhooks/${body.id}/rotate-secret`);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(body.id);
      expect(isWebhookSecret(res.body.secret)).toBe(true);
      expect(res.body.secret).not.toBe(body.secret);
      const expires = new Date(res.body.previous_secret_expires_at).getTime();
      expect(expires).toBeGreaterThanOrEqual(before + OVERLAP_MS - 1000);
      expect(expires).toBeLessThanOrEqual(Date.now() + OVERLAP_MS + 1000);

      const got = await org.live('GET', `/v1/webhooks/${body.id}`);
      expect(got.body).not.toHaveProperty('secret');
      expect(got.body.previous_secret_expires_at).toBe(res.body.previous_secret_expires_at);
      const row = await stored(body.id);
      expect(JSON.stringify(row)).not.toContain(res.body.secret);
      expect(signingSecrets(row, box)).toEqual([res.body.secret, body.secret]);
      expect(signingSecrets(row, box, new Date(expires + 1))).toEqual([res.body.secret]);

      // A receiver still on the old secret verifies a delivery signed during the overlap.
      const payload = '{"id":"evt_2"}';
      const headers = signWebhook({ id: 'whd_2', timestamp: Math.floor(Date.now() / 1000), body: payload, secrets: signingSecrets(row, box) });
      expect(verifyWebhook(headers, payload, body.secret).scheme).toBe('standard');
      expect(verifyWebhook(headers, payload, res.body.secret).scheme).toBe('standard');
    });

    it('a second rotation keeps only the newest previous secret; a given secret is used as is; a bad one is refused', async () => {
      const org = await newOrg();
      const body = await create(org.live);
      const first = await org.live('POST', `/v1/webhooks/${body.id}/rotate-secret`, {});
      const chosen = `whsec_${randomBytes(32).toString('base64')}`;
      const second = await org.live('POST', `/v1/webhooks/${body.id}/rotate-secret`, { secret: chosen });
      expect(second.status).toBe(200);
      expect(second.body.secret).toBe(chosen);
      expect(signingSecrets(await stored(body.id), box)).toEqual([chosen, first.body.secret]);

      const bad = await org.live('POST', `/v1/webhooks/${body.id}/rotate-secret`, { secret: 'whsec_short' });
      expect(bad.status).toBe(422);
      expect(fields(bad.body)).toEqual(['secret:format']);
      expect(signingSecrets(await stored(body.id), box)).toEqual([chosen, first.body.secret]);
    });
  });

  describe('DELETE', () => {
    it('soft-deletes; a repeat answers like the first; afterwards the endpoint is not found anywhere', async () => {
      const org = await newOrg();
      const body = await create(org.live);
      const first = await org.live('DELETE', `/v1/webhooks/${body.id}`);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ id: body.id, deleted: true });
      const again = await org.live('DELETE', `/v1/webhooks/${body.id}`);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect((await org.live('GET', `/v1/webhooks/${body.id}`)).status).toBe(404);
      expect((await org.live('PATCH', `/v1/webhooks/${body.id}`, { description: 'x' })).status).toBe(404);
      expect((await org.live('POST', `/v1/webhooks/${body.id}/rotate-secret`)).status).toBe(404);
      expect((await org.live('GET', '/v1/webhooks')).body.data).toEqual([]);
      expect((await stored(body.id)).deleted_at).toBeInstanceOf(Date);
      expect((await org.live('DELETE', '/v1/webhooks/wh_01NOTHINGHERE')).status).toBe(404);
    });
  });

  describe('tenancy and sandbox separation', () => {
    it("answers 404 for another organization's endpoint, for every operation, and changes nothing", async () => {
      const a = await newOrg();
      const b = await newOrg();
      const body = await create(a.live);
      for (const [method, path, payload] of [
        ['GET', `/v1/webhooks/${body.id}`, undefined], ['PATCH', `/v1/webhooks/${body.id}`, { status: 'disabled' }],
        ['POST', `/v1/webhooks/${body.id}/rotate-secret`, undefined], ['DELETE', `/v1/webhooks/${body.id}`, undefined],
      ] as const) {
        const res = await b.live(method, path, payload);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('not_found');
      }
      expect((await b.live('GET', '/v1/webhooks')).body.data).toEqual([]);
      const row = await stored(body.id);
      expect(row).toMatchObject({ status: 'enabled', deleted_at: null, previous_secret_ciphertext: null });
    });

    it('keeps sandbox and live endpoints apart', async () => {
      const org = await newOrg();
      const live = await create(org.live);
      const test = await create(org.sandbox);
      expect(live.livemode).toBe(true);
      expect(test.livemode).toBe(false);
      expect((await org.live('GET', `/v1/webhooks/${test.id}`)).status).toBe(404);
      expect((await org.sandbox('GET', `/v1/webhooks/${live.id}`)).status).toBe(404);
      expect((await org.sandbox('DELETE', `/v1/webhooks/${live.id}`)).status).toBe(404);
      expect((await org.live('GET', '/v1/webhooks')).body.data.map((e: { id: string }) => e.id)).toEqual([live.id]);
      expect((await org.sandbox('GET', '/v1/webhooks')).body.data.map((e: { id: string }) => e.id)).toEqual([test.id]);
      expect((await stored(test.id)).livemode).toBe(false);
    });

    it('needs webhooks:write to change endpoints and webhooks:read to see them', async () => {
      const org = await newOrg();
      const body = await create(org.live);
      const reader = await org.live('POST', '/v1/api-keys', { name: 'reader', scopes: ['webhooks:read'], mode: 'live' });
      const other = await org.live('POST', '/v1/api-keys', { name: 'other', scopes: ['agents:read'], mode: 'live' });
      const read = apiClient(platform.url, reader.body.token);
      const none = apiClient(platform.url, other.body.token);
      expect((await read('GET', `/v1/webhooks/${body.id}`)).status).toBe(200);
      const refused = await read('POST', '/v1/webhooks', { url: RECEIVER, events: ['*'] });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('insufficient_scope');
      expect((await read('POST', `/v1/webhooks/${body.id}/rotate-secret`)).status).toBe(403);
      expect((await none('GET', '/v1/webhooks')).status).toBe(403);
    });
  });

  describe('Idempotency-Key on create', () => {
    it('a retried create answers the same endpoint and makes no second one; the record keeps no clear secret', async () => {
      const org = await newOrg();
      const key = `create-${randomBytes(6).toString('hex')}`;
      const body = { url: RECEIVER, events: ['lead.captured'] };
      const first = await org.live('POST', '/v1/webhooks', body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(isWebhookSecret(first.body.secret)).toBe(true);
      const retry = await org.live('POST', '/v1/webhooks', body, { 'idempotency-key': key });
      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(first.body.id);
      expect(retry.body.secret).toBeNull();
      expect(await countOf(org.id)).toBe(1);

      const conflict = await org.live('POST', '/v1/webhooks', { ...body, events: ['job.failed'] }, { 'idempotency-key': key });
      expect(conflict.status).toBe(409);
      expect(conflict.body.code).toBe('idempotency_conflict');
      expect(await countOf(org.id)).toBe(1);

      const records = await db.query('SELECT response FROM webhooks.idempotency WHERE organization_id = $1', [org.id]);
      expect(records.rows).toHaveLength(1);
      expect(records.rows[0].response).toMatchObject({ id: first.body.id, secret: null });
      expect(JSON.stringify(records.rows)).not.toContain(first.body.secret.slice('igsec_'.length));
    });
  });
});
