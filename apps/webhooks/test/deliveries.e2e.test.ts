import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from '@influgentic/persistence';
import { generateWebhookSecret, verifyWebhook } from '@influgentic/webhook-signature';
import { apiClient, readEvents, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { EventPublisher, Receiver } from './deliveries-receivers';

type Call = ReturnType<typeof apiClient>;

const ATTEMPT_TIMEOUT_MS = 1000;
const DISABLE_AFTER_MS = 1500;

describe('webhook deliveries (e2e: real loopback receivers, Postgres and NATS, compressed schedule)', () => {
  const saved = { ...process.env };
  const receivers: Receiver[] = [];
  let platform: Platform;
  let admin: Call;
  let db: Client;
  let bus: EventPublisher;

  async function newOrg(): Promise<{ id: string; live: Call; sandbox: Call }> {
    const res = await admin('POST', '/admin/v1/organizations', { name: `Deliveries ${Math.random().toString(36).slice(2, 8)}`, plan: 'enterprise' });
    expect(res.status).toBe(201);
    const live = apiClient(platform.url, res.body.api_key.token);
    const key = await live('POST', '/v1/api-keys', { name: 'sandbox', scopes: ['webhooks:read', 'webhooks:write'], mode: 'test' });
    expect(key.status).toBe(201);
    return { id: res.body.organization.id, live, sandbox: apiClient(platform.url, key.body.token) };
  }

  async function receiver(behave?: ConstructorParameters<typeof Receiver>[0]): Promise<Receiver> {
    const r = await new Receiver(behave).listen();
    receivers.push(r);
    return r;
  }

  async function endpoint(call: Call, url: string, body: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
    const res = await call('POST', '/v1/webhooks', { url, events: ['lead.captured', 'campaign.started'], ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  const deliveriesOf = async (call: Call, endpointId: string, query = '') => (await call('GET', `/v1/webhooks/${endpointId}/deliveries${query}`)).body;
  const oneDelivery = async (call: Call, endpointId: string, deliveryId: string) => (await call('GET', `/v1/webhooks/${endpointId}/deliveries/${deliveryId}`)).body;
  /** The delivery of an event to an endpoint once it ended (succeeded or failed). */
  const settled = (call: Call, endpointId: string) => waitFor(async () => {
    const page = await deliveriesOf(call, endpointId);
    const ended = page.data?.find((d: { status: string }) => d.status !== 'pending');
    return ended ? oneDelivery(call, endpointId, ended.id) : null;
  }, 20_000);

  beforeAll(async () => {
    Object.assign(process.env, {
      WEBHOOKS_SECRET_KEY: randomBytes(32).toString('base64'),
      WEBHOOKS_RETRY_SCHEDULE_MS: '100,200,300,400,500,600,700',
      WEBHOOKS_ATTEMPT_TIMEOUT_MS: String(ATTEMPT_TIMEOUT_MS),
      WEBHOOKS_DISABLE_AFTER_MS: String(DISABLE_AFTER_MS),
      WEBHOOKS_CIRCUIT_THRESHOLD: '3',
      WEBHOOKS_ENDPOINT_CONCURRENCY: '4',
      WEBHOOKS_POLL_MS: '50',
      WEBHOOKS_ALLOW_PRIVATE: 'true',
    });
    platform = await startPlatform(['webhooks']);
    admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    db = new Client({ connectionString: databaseUrl() });
    await db.connect();
    bus = await EventPublisher.connect();
  }, 60_000);

  afterAll(async () => {
    await bus?.close();
    await db?.end();
    await platform?.close();
    for (const r of receivers) await r.close();
    process.env = saved;
  });

  it('delivers a bus event to every matching endpoint with the contract body and both signatures, and to nobody else', async () => {
    const org = await newOrg();
    const other = await newOrg();
    const hook = await receiver();
    const wildcard = await receiver();
    const unsubscribed = await receiver();
    const sandboxHook = await receiver();
    const foreign = await receiver();
    const ep = await endpoint(org.live, hook.url());
    await endpoint(org.live, wildcard.url(), { events: ['*'] });
    await endpoint(org.live, unsubscribed.url(), { events: ['content.published'] });
    await endpoint(org.sandbox, sandboxHook.url(), { events: ['*'] });
    await endpoint(other.live, foreign.url(), { events: ['*'] });

    const event = await bus.publish(org.id, 'lead.captured', { lead_id: 'lead_1', campaign_id: 'camp_1' });
    await waitFor(async () => hook.received.length === 1 && wildcard.received.length === 1);
    const got = hook.received[0];
    expect(JSON.parse(got.body)).toEqual({
      id: event.id, type: 'lead.captured', created_at: event.created_at, organization_id: org.id, livemode: true, data: { lead_id: 'lead_1', campaign_id: 'camp_1' },
    });
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['user-agent']).toBe('Influgentic-Webhooks/1');
    expect(got.headers['x-influgentic-event']).toBe('lead.captured');
    expect(got.headers['webhook-id']).toMatch(/^whd_/);
    expect(got.headers['x-influgentic-delivery']).toBe(got.headers['webhook-id']);
    expect(verifyWebhook(got.headers, got.body, ep.secret).scheme).toBe('standard');
    const { 'webhook-signature': _s, 'webhook-id': _i, 'webhook-timestamp': _t, ...stripeOnly } = got.headers;
    expect(verifyWebhook(stripeOnly, got.body, ep.secret).scheme).toBe('influgentic');
    expect(() => verifyWebhook(got.headers, got.body, generateWebhookSecret())).toThrow();

    // A sandbox event reaches the sandbox endpoint only.
    await bus.publish(org.id, 'campaign.started', { campaign_id: 'camp_2' }, false);
    await waitFor(async () => sandboxHook.received.length === 1);
    expect(JSON.parse(sandboxHook.received[0].body)).toMatchObject({ type: 'campaign.started', livemode: false });
    // Types outside the webhook list (campaign.created) are not delivered at all.
    await bus.publish(org.id, 'campaign.created', { campaign_id: 'camp_3' });
    await bus.publish(org.id, 'lead.captured', { lead_id: 'lead_2' });
    await waitFor(async () => hook.received.length === 2);
    expect(wildcard.events().map((e) => e.type)).not.toContain('campaign.created');
    expect(unsubscribed.received).toHaveLength(0);
    expect(foreign.received).toHaveLength(0);
    expect(hook.received.filter((r) => JSON.parse(r.body).livemode === false)).toHaveLength(0);

    // The delivery and its attempt, through the API.
    const delivery = await settled(org.live, ep.id);
    expect(delivery).toMatchObject({ object: 'webhook_delivery', endpoint_id: ep.id, status: 'succeeded', attempts_count: 1, last_status_code: 200, next_attempt_at: null, livemode: true });
    expect(delivery.attempts[0]).toMatchObject({ attempt: 1, status_code: 200, address: '127.0.0.1', response_snippet: 'ok', error_code: null });
    expect(delivery.attempts[0].latency_ms).toBeGreaterThanOrEqual(0);
  });

  it('retries on 5xx with the same webhook-id until it succeeds, recording each attempt', async () => {
    const org = await newOrg();
    const hook = await receiver((_req, res, nth) => {
      res.statusCode = nth <= 2 ? 500 : 200;
      res.end(nth <= 2 ? 'not yet' : 'done');
    });
    const ep = await endpoint(org.live, hook.url());
    await bus.publish(org.id, 'lead.captured', { lead_id: 'l' });
    const delivery = await settled(org.live, ep.id);
    expect(delivery.status).toBe('succeeded');
    expect(delivery.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 500, 200]);
    expect(delivery.attempts[0]).toMatchObject({ error_code: 'http_status', response_snippet: 'not yet' });
    expect(new Set(hook.ids())).toEqual(new Set([delivery.id]));
    expect(hook.received).toHaveLength(3);
    // Later attempts wait for their step of the schedule (100 ms, then 200 ms, each ±20 %).
    expect(hook.received[2].at - hook.received[0].at).toBeGreaterThanOrEqual(240);
  });

  it('410 Gone fails the delivery, disables the endpoint with a reason and announces it', async () => {
    const org = await newOrg();
    const watcher = await receiver();
    await endpoint(org.live, watcher.url(), { events: ['webhook_endpoint.disabled'] });
    const gone = await receiver((_req, res) => { res.statusCode = 410; res.end('gone'); });
    const ep = await endpoint(org.live, gone.url());
    await bus.publish(org.id, 'lead.captured', {});
    const delivery = await settled(org.live, ep.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts_count: 1, last_status_code: 410 });
    const shown = (await org.live('GET', `/v1/webhooks/${ep.id}`)).body;
    expect(shown).toMatchObject({ status: 'disabled', disabled_reason: expect.stringMatching(/410/) });
    // The operational event goes through the outbox and the bus to the endpoints that subscribed to it.
    await waitFor(async () => watcher.received.length === 1);
    expect(JSON.parse(watcher.received[0].body)).toMatchObject({ type: 'webhook_endpoint.disabled', data: { id: ep.id, disabled_reason: expect.stringMatching(/410/) } });
    expect((await readEvents('webhook_endpoint.disabled')).some((e) => (e.data as { id: string }).id === ep.id)).toBe(true);
    // Nothing more goes to a disabled endpoint.
    await bus.publish(org.id, 'lead.captured', {});
    await bus.publish(org.id, 'campaign.started', {});
    await waitFor(async () => watcher.received.length === 1 && (await deliveriesOf(org.live, ep.id)).data.length === 1);
    expect(gone.received).toHaveLength(1);
  });

  it('does not follow a redirect: the 3xx is a failure with its Location, and the target sees nothing', async () => {
    const org = await newOrg();
    const target = await receiver();
    const redirecting = await receiver((_req, res) => { res.statusCode = 302; res.setHeader('location', target.url('/elsewhere')); res.end(); });
    const ep = await endpoint(org.live, redirecting.url());
    await bus.publish(org.id, 'lead.captured', {});
    await waitFor(async () => redirecting.received.length >= 2);
    const [first] = (await deliveriesOf(org.live, ep.id)).data;
    const delivery = await oneDelivery(org.live, ep.id, first.id);
    expect(delivery.attempts[0]).toMatchObject({ status_code: 302, location: target.url('/elsewhere'), error_code: 'http_status' });
    expect(target.received).toHaveLength(0);
    await org.live('DELETE', `/v1/webhooks/${ep.id}`);
  });

  it('a receiver that does not answer in time, resets the connection or sends a huge body is recorded and retried', async () => {
    const org = await newOrg();
    const slow = await receiver((_req, res, nth) => { if (nth > 1) res.end('late but fine'); }); // the first request never gets an answer
    const reset = await receiver((req, res, nth) => { if (nth === 1) req.socket.destroy(); else res.end('ok'); });
    const huge = await receiver((_req, res) => {
      // 64 MiB, streamed: the sender must read only its snippet.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(1 << 20, 'x');
      let left = 64;
      const pump = () => { while (left > 0) { left--; if (!res.write(chunk)) return void res.once('drain', pump); } res.end(); };
      res.on('close', () => { left = 0; });
      pump();
    });
    const slowEp = await endpoint(org.live, slow.url(), { events: ['job.completed'] });
    const resetEp = await endpoint(org.live, reset.url(), { events: ['job.failed'] });
    const hugeEp = await endpoint(org.live, huge.url(), { events: ['content.published'] });
    await bus.publish(org.id, 'job.completed', {});
    await bus.publish(org.id, 'job.failed', {});
    await bus.publish(org.id, 'content.published', {});

    const timedOut = await settled(org.live, slowEp.id);
    expect(timedOut.status).toBe('succeeded');
    expect(timedOut.attempts[0]).toMatchObject({ status_code: null, error_code: 'timeout' });
    expect(timedOut.attempts[0].latency_ms).toBeGreaterThanOrEqual(ATTEMPT_TIMEOUT_MS - 50);
    expect(timedOut.attempts[1]).toMatchObject({ status_code: 200, response_snippet: 'late but fine' });

    const wasReset = await settled(org.live, resetEp.id);
    expect(wasReset.status).toBe('succeeded');
    expect(wasReset.attempts[0]).toMatchObject({ status_code: null, error_code: 'connection_reset' });

    const big = await settled(org.live, hugeEp.id);
    expect(big).toMatchObject({ status: 'succeeded', attempts_count: 1 });
    expect(big.attempts[0].response_snippet).toBe('x'.repeat(4096));
  });

  it('disables an endpoint failing continuously for the (compressed) window, ends its pending deliveries, and re-enabling resets it', async () => {
    const org = await newOrg();
    const down = await receiver((_req, res) => { res.statusCode = 500; res.end('down'); });
    const ep = await endpoint(org.live, down.url());
    await bus.publish(org.id, 'lead.captured', {});
    await bus.publish(org.id, 'campaign.started', {});
    const shown = await waitFor(async () => {
      const body = (await org.live('GET', `/v1/webhooks/${ep.id}`)).body;
      return body.status === 'disabled' ? body : null;
    }, 20_000);
    expect(shown.disabled_reason).toMatch(/failing without a success since/);
    // Not before the window: the disabling attempt came at least DISABLE_AFTER_MS after the streak began.
    const streak = (await db.query('SELECT failing_since, disabled_at FROM webhooks.endpoints WHERE id = $1', [ep.id])).rows[0];
    expect(new Date(streak.disabled_at).getTime() - new Date(streak.failing_since).getTime()).toBeGreaterThanOrEqual(DISABLE_AFTER_MS);
    expect(down.received.length).toBeGreaterThanOrEqual(3);
    const page = await waitFor(async () => {
      const p = await deliveriesOf(org.live, ep.id);
      return p.data.every((d: { status: string }) => d.status === 'failed') ? p : null;
    });
    expect(page.data).toHaveLength(2);
    const health = (await db.query('SELECT consecutive_failures, failing_since FROM webhooks.endpoints WHERE id = $1', [ep.id])).rows[0];
    expect(health.consecutive_failures).toBeGreaterThanOrEqual(3);

    // Enabled again (the endpoints API resets its health), a healthy receiver gets a manual retry.
    down.behave = (_req, res) => res.end('back');
    expect((await org.live('PATCH', `/v1/webhooks/${ep.id}`, { status: 'enabled' })).status).toBe(200);
    const healed = (await db.query('SELECT consecutive_failures, failing_since FROM webhooks.endpoints WHERE id = $1', [ep.id])).rows[0];
    expect(healed).toEqual({ consecutive_failures: 0, failing_since: null });
    const retried = await org.live('POST', `/v1/webhooks/${ep.id}/deliveries/${page.data[0].id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id: page.data[0].id, status: 'pending' });
    await waitFor(async () => (await oneDelivery(org.live, ep.id, page.data[0].id)).status === 'succeeded');
    expect(down.ids()[down.ids().length - 1]).toBe(page.data[0].id);
  });

  it('signs with both secrets during a rotation, each verifiable on its own', async () => {
    const org = await newOrg();
    const hook = await receiver();
    const before = generateWebhookSecret();
    const ep = await endpoint(org.live, hook.url(), { secret: before });
    const rotated = await org.live('POST', `/v1/webhooks/${ep.id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    const after: string = rotated.body.secret;
    await bus.publish(org.id, 'lead.captured', {});
    await waitFor(async () => hook.received.length === 1);
    const got = hook.received[0];
    expect(got.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(got.headers['x-influgentic-signature'].match(/v1=/g)).toHaveLength(2);
    expect(verifyWebhook(got.headers, got.body, after).id).toBe(got.headers['webhook-id']);
    expect(verifyWebhook(got.headers, got.body, before).id).toBe(got.headers['webhook-id']);
    const { 'webhook-signature': _s, 'webhook-id': _i, 'webhook-timestamp': _t, ...stripeOnly } = got.headers;
    expect(verifyWebhook(stripeOnly, got.body, before).scheme).toBe('influgentic');
    expect(verifyWebhook(stripeOnly, got.body, after).scheme).toBe('influgentic');
  });

  it('a dead endpoint does not delay a healthy one of the same organization', async () => {
    const org = await newOrg();
    const dead = await receiver(() => undefined); // accepts and never answers: every attempt waits for the timeout
    const healthy = await receiver();
    const deadEp = await endpoint(org.live, dead.url(), { events: ['*'] });
    await endpoint(org.live, healthy.url(), { events: ['*'] });
    const events = [];
    for (let i = 0; i < 20; i++) events.push(await bus.publish(org.id, 'content.approved', { n: i }));
    await waitFor(async () => healthy.received.length === 20);
    expect(new Set(healthy.events().map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
    // When the healthy receiver had everything, the dead one had not even been tried once for most of its deliveries:
    // it holds at most its own concurrency (4) of attempts at a time, each waits for the timeout, and once its circuit
    // opens only one probe at a time goes. The healthy one's deliveries each succeeded at their first attempt.
    const { rows } = await db.query(`SELECT count(*)::int AS tried FROM webhooks.deliveries WHERE endpoint_id = $1 AND attempts_count > 0`, [deadEp.id]);
    expect(rows[0].tried).toBeLessThan(20);
    expect(dead.received.length).toBeLessThan(20);
    expect(new Set(healthy.ids()).size).toBe(20);
    await org.live('DELETE', `/v1/webhooks/${deadEp.id}`);
  });

  it('keeps to an endpoint’s rate limit: past it, deliveries wait untried', async () => {
    const org = await newOrg();
    const hook = await receiver();
    const ep = await endpoint(org.live, hook.url(), { rate_limit_per_minute: 3 });
    for (let i = 0; i < 6; i++) await bus.publish(org.id, 'lead.captured', { n: i });
    await waitFor(async () => hook.received.length === 3 && (await deliveriesOf(org.live, ep.id)).data?.length === 6);
    // Several dispatcher polls later (every 50 ms here), still three: the other three wait for the minute to pass.
    await new Promise((r) => setTimeout(r, 1000));
    expect(hook.received).toHaveLength(3);
    const pending = (await deliveriesOf(org.live, ep.id, '?status=pending')).data;
    expect(pending).toHaveLength(3);
    expect(pending.every((d: { attempts_count: number }) => d.attempts_count === 0)).toBe(true);
    // Deleting the endpoint ends what waited for it: nothing stays pending for an endpoint that no longer exists.
    expect((await org.live('DELETE', `/v1/webhooks/${ep.id}`)).status).toBe(200);
    const { rows } = await db.query(`SELECT status, last_error FROM webhooks.deliveries WHERE endpoint_id = $1 AND attempts_count = 0`, [ep.id]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r: { status: string; last_error: string }) => r.status === 'failed' && r.last_error === 'endpoint_deleted')).toBe(true);
  });

  it('checks the address of every attempt: a host resolving to loopback is refused when private targets are not allowed', async () => {
    const org = await newOrg();
    const local = await receiver();
    const ep = await endpoint(org.live, local.url('/hooks', 'localhost'));
    process.env.WEBHOOKS_ALLOW_PRIVATE = 'false';
    try {
      const ping = await org.live('POST', `/v1/webhooks/${ep.id}/test`);
      expect(ping.status).toBe(202);
      const delivery = await waitFor(async () => {
        const d = await oneDelivery(org.live, ep.id, ping.body.id);
        return d.status !== 'pending' ? d : null;
      });
      expect(delivery).toMatchObject({ status: 'failed', event_type: 'webhook.test', attempts_count: 1 });
      expect(delivery.attempts[0]).toMatchObject({ status_code: null, error_code: 'forbidden_address' });
      expect(local.received).toHaveLength(0);
    } finally {
      process.env.WEBHOOKS_ALLOW_PRIVATE = 'true';
    }
    // Allowed again, the test ping reaches it.
    const again = await org.live('POST', `/v1/webhooks/${ep.id}/test`);
    await waitFor(async () => local.received.length === 1);
    expect(JSON.parse(local.received[0].body)).toMatchObject({ type: 'webhook.test', data: { endpoint_id: ep.id } });
    expect(local.received[0].headers['webhook-id']).toBe(again.body.id);
  });

  describe('deliveries API', () => {
    it('lists newest first with a status filter and keyset cursors; a retry of a pending delivery is 409', async () => {
      const org = await newOrg();
      const hook = await receiver();
      const ep = await endpoint(org.live, hook.url());
      for (let i = 0; i < 5; i++) await bus.publish(org.id, 'lead.captured', { n: i });
      await waitFor(async () => (await deliveriesOf(org.live, ep.id, '?status=succeeded')).meta?.total === 5);
      const first = await deliveriesOf(org.live, ep.id, '?limit=2');
      expect(first.meta).toMatchObject({ total: 5, limit: 2 });
      const second = await deliveriesOf(org.live, ep.id, `?limit=2&cursor=${first.meta.next_cursor}`);
      const third = await deliveriesOf(org.live, ep.id, `?limit=2&cursor=${second.meta.next_cursor}`);
      const ids = [...first.data, ...second.data, ...third.data].map((d: { id: string }) => d.id);
      expect(ids).toHaveLength(5);
      expect([...ids].sort().reverse()).toEqual(ids);
      expect(third.meta.next_cursor).toBeNull();
      expect((await deliveriesOf(org.live, ep.id, '?status=failed')).data).toHaveLength(0);

      const badCursor = await org.live('GET', `/v1/webhooks/${ep.id}/deliveries?status=failed&cursor=${first.meta.next_cursor}`);
      expect(badCursor.status).toBe(422);
      expect(badCursor.body.errors[0].field).toBe('cursor');
      const badStatus = await org.live('GET', `/v1/webhooks/${ep.id}/deliveries?status=done`);
      expect(badStatus.status).toBe(422);
      expect(badStatus.body.errors[0].field).toBe('status');

      // A resend of a succeeded delivery on a disabled endpoint waits (pending) until the endpoint is enabled again,
      // then goes out with the same webhook-id; asking again while it is pending is 409.
      expect((await org.live('PATCH', `/v1/webhooks/${ep.id}`, { status: 'disabled' })).status).toBe(200);
      const resend = await org.live('POST', `/v1/webhooks/${ep.id}/deliveries/${ids[4]}/retry`);
      expect(resend.status).toBe(202);
      expect(resend.body).toMatchObject({ id: ids[4], status: 'pending' });
      const twice = await org.live('POST', `/v1/webhooks/${ep.id}/deliveries/${ids[4]}/retry`);
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('invalid_state');
      expect(hook.ids().filter((id) => id === ids[4])).toHaveLength(1);
      expect((await org.live('PATCH', `/v1/webhooks/${ep.id}`, { status: 'enabled' })).status).toBe(200);
      await waitFor(async () => hook.ids().filter((id) => id === ids[4]).length === 2);
      expect((await org.live('GET', `/v1/webhooks/${ep.id}/deliveries/whd_nope`)).status).toBe(404);
    });

    it('hides another organization’s and the other mode’s endpoints and deliveries (404), and requires the scopes', async () => {
      const org = await newOrg();
      const other = await newOrg();
      const hook = await receiver();
      const ep = await endpoint(org.live, hook.url());
      const ping = await org.live('POST', `/v1/webhooks/${ep.id}/test`);
      expect(ping.status).toBe(202);
      expect(ping.body).toMatchObject({ object: 'webhook_delivery', event_type: 'webhook.test', status: 'pending', endpoint_id: ep.id, livemode: true });
      await waitFor(async () => hook.received.length === 1);
      for (const outsider of [other.live, org.sandbox]) {
        expect((await outsider('GET', `/v1/webhooks/${ep.id}/deliveries`)).status).toBe(404);
        expect((await outsider('GET', `/v1/webhooks/${ep.id}/deliveries/${ping.body.id}`)).status).toBe(404);
        expect((await outsider('POST', `/v1/webhooks/${ep.id}/deliveries/${ping.body.id}/retry`)).status).toBe(404);
        expect((await outsider('POST', `/v1/webhooks/${ep.id}/test`)).status).toBe(404);
      }
      // A sandbox endpoint's test is a sandbox delivery, invisible to the live key.
      const sandboxEp = await endpoint(org.sandbox, hook.url());
      const sandboxPing = await org.sandbox('POST', `/v1/webhooks/${sandboxEp.id}/test`);
      expect(sandboxPing.body.livemode).toBe(false);
      expect((await org.live('GET', `/v1/webhooks/${sandboxEp.id}/deliveries/${sandboxPing.body.id}`)).status).toBe(404);
      // The delivery of another endpoint is not found under this one.
      expect((await org.sandbox('GET', `/v1/webhooks/${sandboxEp.id}/deliveries/${ping.body.id}`)).status).toBe(404);

      const readOnly = await org.live('POST', '/v1/api-keys', { name: 'reader', scopes: ['webhooks:read'], mode: 'live' });
      const reader = apiClient(platform.url, readOnly.body.token);
      expect((await reader('GET', `/v1/webhooks/${ep.id}/deliveries`)).status).toBe(200);
      const refused = await reader('POST', `/v1/webhooks/${ep.id}/test`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('insufficient_scope');
    });

    it('answers a repeated keyed test ping with the first delivery, not a second one', async () => {
      const org = await newOrg();
      const hook = await receiver();
      const ep = await endpoint(org.live, hook.url());
      const key = { 'idempotency-key': `ping-${randomBytes(4).toString('hex')}` };
      const a = await org.live('POST', `/v1/webhooks/${ep.id}/test`, undefined, key);
      const b = await org.live('POST', `/v1/webhooks/${ep.id}/test`, undefined, key);
      expect(a.status).toBe(202);
      expect(b.body.id).toBe(a.body.id);
      await waitFor(async () => hook.received.length === 1);
      expect((await deliveriesOf(org.live, ep.id)).meta.total).toBe(1);
    });
  });
});
