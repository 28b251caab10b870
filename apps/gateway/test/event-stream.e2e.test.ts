import net from 'node:net';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { JSONCodec } from 'nats';
import { eventSubject, newId } from '@influgentic/contracts';
import { connectNats } from '@influgentic/messaging';
import { apiClient, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { SseClient } from './support/sse-client';

type Call = ReturnType<typeof apiClient>;
const ROOT = path.resolve(__dirname, '../../..');
const STREAM_ENV = { EVENT_STREAM_HEARTBEAT_MS: '250', EVENT_STREAM_MAX_BUFFER_BYTES: String(64 * 1024), EVENT_STREAM_MAX_PER_ORGANIZATION: '16' };

/**
 * GET /v1/events/stream against the real platform: events produced by real API calls (campaign lifecycle) travel
 * through the campaigns outbox, JetStream and the gateway's shared live subscription to the right connections only.
 */
describe('GET /v1/events/stream', () => {
  let platform: Platform;
  let live: Call;
  let sandbox: Call;
  let other: Call;
  let orgId: string;
  let liveToken: string;
  let sandboxToken: string;
  let otherToken: string;
  const open: SseClient[] = [];

  const stream = async (token: string, query = '', headers: Record<string, string> = {}) => {
    const c = await SseClient.open(`${platform.url}/v1/events/stream${query}`, { authorization: `Bearer ${token}`, ...headers });
    open.push(c);
    return c;
  };
  const createCampaign = async (call: Call, name: string, agentId = 'agent_velo_automotive') => {
    const res = await call('POST', '/v1/campaigns', { agent_id: agentId, type: 'lead_gen', name, budget_usd: 0, product: { name: 'Test drive' } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  /** Events of the stream about one campaign. */
  const about = (c: SseClient, campaignId: string) => c.events.filter((e) => e.data.data?.id === campaignId);
  const metric = async (name: string) => {
    const text = await (await fetch(`${platform.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  beforeAll(async () => {
    // The gateway reads its stream tuning from the process environment.
    Object.assign(process.env, STREAM_ENV);
    platform = await startPlatform(['registry', 'campaigns']);
    const admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    const org = await admin('POST', '/admin/v1/organizations', { name: 'Stream org', plan: 'enterprise' });
    orgId = org.body.organization.id;
    liveToken = org.body.api_key.token;
    live = apiClient(platform.url, liveToken);
    const key = await live('POST', '/v1/api-keys', { name: 'sandbox', scopes: ['campaigns:read', 'campaigns:write', 'agents:read'], mode: 'test' });
    sandboxToken = key.body.token;
    sandbox = apiClient(platform.url, sandboxToken);
    const second = await admin('POST', '/admin/v1/organizations', { name: 'Other stream org', plan: 'enterprise' });
    otherToken = second.body.api_key.token;
    other = apiClient(platform.url, otherToken);
  });

  afterAll(async () => {
    for (const c of open) c.close();
    await platform?.close();
    for (const k of Object.keys(STREAM_ENV)) delete process.env[k];
  });

  it('streams the organization\'s events of its mode, never another organization\'s or the other mode\'s', async () => {
    const [mine, mineSandbox, theirs] = await Promise.all([stream(liveToken), stream(sandboxToken), stream(otherToken)]);
    expect(mine.status).toBe(200);
    expect(mine.headers['content-type']).toBe('text/event-stream');
    expect(mine.headers['x-request-id']).toBeTruthy();

    const liveId = await createCampaign(live, 'Live launch');
    expect((await live('POST', `/v1/campaigns/${liveId}/pause`)).status).toBe(200);
    const sandboxId = await createCampaign(sandbox, 'Sandbox launch');
    const otherId = await createCampaign(other, 'Their launch');

    await mine.until((c) => about(c, liveId).length === 3);
    await mineSandbox.until((c) => about(c, sandboxId).length === 2);
    await theirs.until((c) => about(c, otherId).length === 2);

    const got = about(mine, liveId);
    expect(got.map((e) => e.event)).toEqual(['campaign.created', 'campaign.started', 'campaign.paused']);
    for (const e of got) {
      expect(e.id).toMatch(/^\d+$/);
      expect(e.data).toMatchObject({ id: expect.stringMatching(/^evt_/), type: e.event, organization_id: orgId, livemode: true });
      expect(typeof e.data.created_at).toBe('string');
    }
    // Ids increase with the stream.
    expect(got.map((e) => Number(e.id))).toEqual([...got.map((e) => Number(e.id))].sort((a, b) => a - b));
    // Each connection saw only its own organization and mode, although all three were fanned out by one subscription.
    expect(mine.events.every((e) => e.data.organization_id === orgId && e.data.livemode === true)).toBe(true);
    expect(mineSandbox.events.every((e) => e.data.organization_id === orgId && e.data.livemode === false)).toBe(true);
    expect(about(mineSandbox, sandboxId).map((e) => e.event)).toEqual(['campaign.created', 'campaign.started']);
    expect(theirs.events.every((e) => e.data.organization_id !== orgId)).toBe(true);
    expect(about(theirs, liveId)).toEqual([]);
    expect(about(mine, otherId)).toEqual([]);
    expect(about(mine, sandboxId)).toEqual([]);
  });

  it('filters by ?types= and by X-Influgentic-Agent', async () => {
    const paused = await stream(liveToken, '?types=campaign.paused,campaign.cancelled');
    const pulse = await stream(liveToken, '', { 'x-influgentic-agent': 'agent_pulse_fitness' });
    const velo = await createCampaign(live, 'Velo only');
    const lum = await createCampaign(live, 'Pulse only', 'agent_pulse_fitness');
    await live('POST', `/v1/campaigns/${velo}/pause`);
    await live('POST', `/v1/campaigns/${lum}/cancel`);

    await paused.until((c) => about(c, lum).length === 1 && about(c, velo).length === 1);
    expect(paused.events.every((e) => e.event === 'campaign.paused' || e.event === 'campaign.cancelled')).toBe(true);
    await pulse.until((c) => about(c, lum).length === 3);
    expect(about(pulse, lum).map((e) => e.event)).toEqual(['campaign.created', 'campaign.started', 'campaign.cancelled']);
    expect(pulse.events.every((e) => e.data.data?.agent_id === undefined || e.data.data.agent_id === 'agent_pulse_fitness')).toBe(true);
    expect(about(pulse, velo)).toEqual([]);
  });

  it('refuses unknown types, a malformed Last-Event-ID and keys without a read scope with problem documents', async () => {
    const unknown = await stream(liveToken, '?types=campaign.started,campaign.exploded');
    expect(unknown.status).toBe(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const doc = JSON.parse(unknown.body);
    expect(doc.errors).toEqual([expect.objectContaining({ field: 'types' })]);
    expect(doc.errors[0].message).toContain('campaign.exploded');

    const badHeader = await stream(liveToken, '', { 'last-event-id': 'evt_not_a_position' });
    expect(badHeader.status).toBe(422);
    expect(JSON.parse(badHeader.body).errors[0].field).toBe('Last-Event-ID');
    const badQuery = await stream(liveToken, '?last_event_id=abc');
    expect(JSON.parse(badQuery.body).errors[0].field).toBe('last_event_id');

    const writeOnly = await live('POST', '/v1/api-keys', { name: 'writer', scopes: ['campaigns:write'], mode: 'live' });
    expect(writeOnly.status).toBe(201);
    const refused = await stream(writeOnly.body.token);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body).code).toBe('insufficient_scope');
    const readOnly = await live('POST', '/v1/api-keys', { name: 'reader', scopes: ['analytics:read'], mode: 'live' });
    const allowed = await stream(readOnly.body.token);
    expect(allowed.status).toBe(200);
    allowed.close();
  });

  it('resumes after Last-Event-ID with every missed event once, and continues live without a gap or duplicate', async () => {
    // A reference connection that never drops sees every event of the organization.
    const reference = await stream(liveToken);
    const first = await stream(liveToken);
    const a = await createCampaign(live, 'Resume A');
    await first.until((c) => about(c, a).length === 2);
    const lastSeen = first.events[first.events.length - 1].id!;
    first.close();

    // Missed while disconnected: pause, resume, cancel and a second campaign.
    await live('POST', `/v1/campaigns/${a}/pause`);
    await live('POST', `/v1/campaigns/${a}/resume`);
    const b = await createCampaign(live, 'Resume B');
    // More arrive while the replay runs, to cross the seam between replay and live.
    const racing = [live('POST', `/v1/campaigns/${a}/cancel`), createCampaign(live, 'Resume C')];
    const second = await stream(liveToken, '', { 'last-event-id': lastSeen });
    const c = await racing[1] as string;
    await racing[0];
    const d = await createCampaign(live, 'Resume D');
    await second.until((s) => about(s, d).length === 2);
    await reference.until((s) => about(s, d).length === 2);

    const after = (events: SseClient['events']) => events.filter((e) => Number(e.id) > Number(lastSeen)).map((e) => `${e.id} ${e.event} ${e.data.id}`);
    const resumed = after(second.events);
    expect(resumed).toEqual(after(reference.events).slice(0, resumed.length));
    expect(new Set(resumed).size).toBe(resumed.length);
    expect(second.events.every((e) => Number(e.id) > Number(lastSeen))).toBe(true);
    expect(about(second, a).map((e) => e.event)).toEqual(['campaign.paused', 'campaign.resumed', 'campaign.cancelled']);
    for (const id of [b, c, d]) expect(about(second, id).map((e) => e.event)).toEqual(['campaign.created', 'campaign.started']);

    // The same through ?last_event_id= (for clients that cannot set headers).
    const viaQuery = await stream(liveToken, `?last_event_id=${lastSeen}`);
    await viaQuery.until((s) => about(s, d).length === 2);
    expect(after(viaQuery.events).slice(0, resumed.length)).toEqual(resumed);
  });

  it('says so with a stream.gap event when the position is not one the stream reached, then goes on live', async () => {
    const s = await stream(liveToken, '', { 'last-event-id': '9999999999' });
    await s.until((c) => c.frames.some((f) => f.event === 'stream.gap'));
    const gap = JSON.parse(s.frames.find((f) => f.event === 'stream.gap')!.data!);
    expect(gap).toEqual({ requested_after: '9999999999', resumed_from: null, reason: 'unknown_position' });
    const id = await createCampaign(live, 'After the gap');
    await s.until((c) => about(c, id).length === 2);
  });

  it('sends heartbeat comments while idle, and a retry hint first', async () => {
    const s = await stream(otherToken);
    expect(await s.until((c) => c.frames[0]?.retry)).toBeGreaterThan(0);
    await s.until((c) => c.comments.filter((x) => x === 'heartbeat').length >= 2);
  });

  it('disconnects a reader that stops reading while events keep flowing, instead of buffering for it', async () => {
    // A raw socket that sends the request and then never reads: the kernel buffers fill, then the gateway's bound.
    const socket = net.connect(Number(new URL(platform.url).port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`GET /v1/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${liveToken}\r\nAccept: text/event-stream\r\n\r\n`);
    await waitFor(async () => (await metric('influgentic_event_stream_connections')) >= 1);
    socket.pause();
    let closed = false;
    socket.on('close', () => { closed = true; });
    const droppedBefore = await metric('influgentic_event_stream_slow_readers_dropped_total');

    // Events as the services publish them (the envelope on evt.<type>), large enough to fill every buffer quickly.
    const nc = await connectNats('event-stream-test-publisher');
    const js = nc.jetstream();
    const codec = JSONCodec();
    const padding = 'x'.repeat(48 * 1024);
    const total = 400;
    try {
      for (let i = 0; i < total; i++) {
        const id = newId('event');
        await js.publish(eventSubject('webhook.test'), codec.encode({
          id, type: 'webhook.test', created_at: new Date().toISOString(), organization_id: orgId, livemode: true, data: { i, padding },
        }), { msgID: id });
        if (i % 25 === 24 && await metric('influgentic_event_stream_slow_readers_dropped_total') > droppedBefore) break;
      }
    } finally {
      await nc.close();
    }
    await waitFor(async () => (await metric('influgentic_event_stream_slow_readers_dropped_total')) > droppedBefore);
    // Reading now drains only what the kernel held; the server has closed its end.
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => { received += d; });
    socket.resume();
    await waitFor(async () => closed);
    const delivered = (received.match(/^event: webhook\.test$/gm) ?? []).length;
    expect(delivered).toBeLessThan(total);
  });

  it('forgets a connection when its client goes away', async () => {
    const before = await metric('influgentic_event_stream_connections');
    const s = await stream(otherToken);
    await waitFor(async () => (await metric('influgentic_event_stream_connections')) === before + 1);
    s.close();
    await waitFor(async () => (await metric('influgentic_event_stream_connections')) === before);
  });

  it('refuses an organization more open streams than its share of a gateway with 429 and Retry-After, others unaffected', async () => {
    const admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    const crowded = await admin('POST', '/admin/v1/organizations', { name: 'Crowded stream org', plan: 'enterprise' });
    const token = crowded.body.api_key.token as string;
    const held = await Promise.all(Array.from({ length: 16 }, () => stream(token)));
    expect(held.every((c) => c.status === 200)).toBe(true);
    const refused = await stream(token);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('5');
    expect(JSON.parse(refused.body).code).toBe('rate_limited');
    expect((await stream(otherToken)).status).toBe(200);
    held[0].close();
    await waitFor(async () => (await stream(token)).status === 200);
  });

  it('is documented in /openapi.json as a text/event-stream operation with its query, valid for swagger-parser and Redocly', async () => {
    const doc = await (await fetch(`${platform.url}/openapi.json`)).json() as Record<string, any>;
    const op = doc.paths['/v1/events/stream'].get;
    expect(Object.keys(op.responses['200'].content)).toEqual(['text/event-stream']);
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['last_event_id', 'types']);
    expect(op['x-required-scope'].anyOf).toEqual(expect.arrayContaining(['campaigns:read', 'analytics:read', 'webhooks:read']));
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403', '422', '429', '503']));
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
    const run = spawnSync(process.execPath, [path.join(ROOT, 'tools/openapi/redocly-lint.mjs')], { input: JSON.stringify(doc), cwd: ROOT, encoding: 'utf8' });
    const problems = (JSON.parse(run.stdout) as Array<{ where: string; message: string }>).filter((p) => p.where.includes('events'));
    expect(problems).toEqual([]);
  }, 30_000);

  it('ends open streams cleanly when the gateway shuts down', async () => {
    const s = await stream(liveToken);
    await s.until((c) => c.frames.length >= 1);
    await platform.close();
    await s.closedByServer();
    expect(s.comments.some((c) => c.includes('shutting down'))).toBe(true);
    platform = undefined as unknown as Platform;
  });
});
