import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Influgentic, InfluInvalidRequestError, InfluNotFoundError, verifyWebhook, type FetchFunction, type InfluEvent,
} from '@influgentic/sdk';
import { startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';

const STREAM_ENV = {
  WEBHOOKS_SECRET_KEY: randomBytes(32).toString('base64'), WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_POLL_MS: '50',
  EVENT_STREAM_HEARTBEAT_MS: '500',
};
const LAUNCH = (name: string) => ({ agent_id: 'agent_velo_automotive', type: 'lead_gen' as const, name, budget_usd: 100, product: { name: 'Test drive' } });

/** The SDK against the real platform (gateway + services, Postgres, NATS), each suite run in an organization of its own. */
describe('@influgentic/sdk against the platform', () => {
  let platform: Platform;
  let client: Influgentic;
  let token: string;
  const servers: Server[] = [];
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, STREAM_ENV);
    platform = await startPlatform(['registry', 'campaigns', 'content', 'webhooks']);
    const operator = new Influgentic({ apiKey: TEST_ADMIN_TOKEN, baseUrl: platform.url });
    const created = await operator.admin.organizations.create({ name: `SDK ${randomBytes(3).toString('hex')}`, plan: 'enterprise' });
    token = created.api_key.token;
    client = new Influgentic({ apiKey: token, baseUrl: platform.url });
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
    await platform?.close();
    process.env = saved;
  });

  async function listen(server: Server): Promise<string> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('walks the agent catalog across pages with the async iterator', async () => {
    const pages: string[][] = [];
    for await (const page of client.agents.list({ category: 'automotive', limit: 5 }).pages()) {
      pages.push(page.data.map((a) => a.id));
      if (pages.length === 3) break;
    }
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5]);
    const walked: string[] = [];
    for await (const agent of client.agents.list({ category: 'automotive', limit: 5 })) {
      expect(agent.category).toBe('automotive');
      walked.push(agent.id);
      if (walked.length === 15) break;
    }
    expect(walked).toEqual(pages.flat());
    expect(new Set(walked).size).toBe(15);
  });

  it('retrieves one agent with the exchange behind it', async () => {
    const velo = await client.agents.retrieve('agent_velo_automotive');
    expect(velo).toMatchObject({ id: 'agent_velo_automotive', name: 'VELO', category: 'automotive' });
    expect(velo.lastResponse.status).toBe(200);
    expect(velo.lastResponse.requestId).toMatch(/^req_/);
  });

  it('creates a campaign with an automatic Idempotency-Key; the same key again answers the same campaign', async () => {
    const first = await client.campaigns.create(LAUNCH('Keyed launch'));
    const key = first.lastResponse.idempotencyKey as string;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.lastResponse.replayed).toBe(false);
    const again = await client.campaigns.create(LAUNCH('Keyed launch'), { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.replayed).toBe(true);
    const mine = await client.campaigns.list({ agent_id: 'agent_velo_automotive', limit: 100 }).toArray({ limit: 1000 });
    expect(mine.filter((c) => c.name === 'Keyed launch')).toHaveLength(1);
  });

  it('retries a create whose answer was lost (a 503 from a proxy) with the same key: one campaign', async () => {
    // A proxy that forwards to the gateway but swaps the first create's answer for a 503, as a failing hop would.
    const target = new URL(platform.url);
    let swapped = 0;
    const proxyUrl = await listen(createServer((req, res) => {
      const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        if (req.method === 'POST' && req.url === '/v1/campaigns' && swapped++ === 0) {
          answer.resume();
          answer.on('end', () => {
            res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '0' });
            res.end(JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503, code: 'service_unavailable', message: 'try again', instance: '/v1/campaigns', request_id: 'req_proxy' }));
          });
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    }));
    const viaProxy = new Influgentic({ apiKey: token, baseUrl: proxyUrl });
    const campaign = await viaProxy.campaigns.create(LAUNCH('Retried launch'));
    expect(swapped).toBe(2);
    expect(campaign.lastResponse.retries).toBe(1);
    expect(campaign.lastResponse.replayed).toBe(true);
    const mine = await client.campaigns.list({ agent_id: 'agent_velo_automotive', limit: 100 }).toArray({ limit: 1000 });
    expect(mine.filter((c) => c.name === 'Retried launch').map((c) => c.id)).toEqual([campaign.id]);
  });

  it('throws problem documents as typed errors with code, status, errors[] and requestId', async () => {
    const invalid = await client.campaigns.create({ ...LAUNCH('Bad'), type: 'not_a_type' as never }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(InfluInvalidRequestError);
    const err = invalid as InfluInvalidRequestError;
    expect(err).toMatchObject({ code: 'validation_error', status: 422 });
    expect(err.errors.map((e) => e.field)).toContain('type');
    expect(err.requestId).toMatch(/^req_/);
    expect(err.requestId).toBe(err.headers?.get('x-request-id'));
    await expect(client.campaigns.retrieve('camp_does_not_exist')).rejects.toBeInstanceOf(InfluNotFoundError);
  });

  it('streams a generation: agent_start, chunks, then content_complete naming a stored item', async () => {
    const types: string[] = [];
    let text = '';
    let contentId = '';
    for await (const event of client.content.generateStream('agent_velo_automotive', { content_type: 'product_review', format: 'x_post', product: { name: 'EV Series X Pro', key_claims: ['800km range'], target_use: 'daily commuting' } })) {
      types.push(event.type);
      if (event.type === 'content_chunk') text += event.text;
      if (event.type === 'content_complete') contentId = event.content_id;
    }
    expect(types[0]).toBe('agent_start');
    expect(types.at(-1)).toBe('content_complete');
    expect(types.filter((t) => t === 'content_chunk').length).toBeGreaterThan(0);
    expect(text.length).toBeGreaterThan(0);
    const item = await client.content.retrieve(contentId);
    expect(item).toMatchObject({ id: contentId, agent_id: 'agent_velo_automotive', format: 'x_post' });
  });

  it('receives an event it caused on events.stream, and resumes after it with lastEventId', async () => {
    let opened!: () => void;
    const connected = new Promise<void>((r) => { opened = r; });
    const watching: FetchFunction = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input instanceof Request ? input.url : input).includes('/v1/events/stream')) opened();
      return res;
    };
    const watcher = new Influgentic({ apiKey: token, baseUrl: platform.url, fetch: watching });
    const stream = watcher.events.stream();
    const about = (id: string) => (e: InfluEvent) => (e.data as { id?: string }).id === id;
    const iterator = stream[Symbol.asyncIterator]();
    const next = iterator.next();
    await connected;
    const first = await client.campaigns.create(LAUNCH('Streamed launch'));
    let event = (await next).value as InfluEvent;
    while (!about(first.id)(event)) event = (await iterator.next()).value as InfluEvent;
    expect(event.organization_id).toBeTruthy();
    const position = stream.lastEventId as string;
    expect(position).toMatch(/^\d+$/);
    await iterator.return?.();

    const second = await client.campaigns.create(LAUNCH('Missed launch'));
    const resumed = client.events.stream({ lastEventId: position });
    const seen: InfluEvent[] = [];
    for await (const e of resumed) {
      seen.push(e);
      if (about(second.id)(e)) break;
    }
    // The event at the position does not come again (later events about the first campaign may); the one created
    // while disconnected does.
    expect(seen.some((e) => e.id === event.id)).toBe(false);
    expect(seen.some(about(second.id))).toBe(true);
  }, 30_000);

  it('verifies a real webhook delivery in both signature schemes', async () => {
    const received: Array<{ headers: Record<string, string>; body: string }> = [];
    const receiverUrl = await listen(createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
        res.end('ok');
      });
    }));
    const endpoint = await client.webhooks.create({ url: `${receiverUrl}/hooks`, events: ['*'] });
    const secret = endpoint.secret as string;
    await client.webhooks.test(endpoint.id);
    const delivery = await waitFor(async () => received.find((r) => r.body.includes('webhook.test')), 20_000);
    const standard = await verifyWebhook(delivery.body, delivery.headers, secret);
    expect(standard.type).toBe('webhook.test');
    const influgentic = await client.webhooks.verify(delivery.body, delivery.headers, secret, { scheme: 'influgentic' });
    expect(influgentic.id).toBe(standard.id);
    await expect(verifyWebhook(`${delivery.body} `, delivery.headers, secret)).rejects.toMatchObject({ code: 'no_matching_signature' });
  }, 30_000);
});
