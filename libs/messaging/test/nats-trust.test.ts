import type { INestMicroservice } from '@nestjs/common';
import { connect, headers as natsHeaders, JSONCodec, type NatsConnection } from 'nats';
import { ContentSubjects, EVENTS_STREAM, eventSubject, HEADER, Subjects } from '@influgentic/contracts';
import {
  BusClient, connectNats, ensureEventsStream, natsAuthOptions, natsAuthorizationConfig, startServiceApp, type NatsUser, readRpcReply,
} from '@influgentic/messaging';
import { freePort, PrivateNats } from './private-nats';

const codec = JSONCodec<any>();
const password = (user: NatsUser) => `pw-${user}-0123456789`;

/** A nats-server of this test's own, with the generated per-service users and subject permissions. */
class AuthNats extends PrivateNats {
  async start(): Promise<void> {
    // Literal passwords here; the deployed file names environment variables instead.
    await this.launch(natsAuthorizationConfig((u) => JSON.stringify(password(u))), async () => { await (await this.as('gateway')).close(); });
  }
  env(user: NatsUser) { return { NATS_URL: this.url, NATS_USER: user, NATS_PASSWORD: password(user) }; }
  as(user: NatsUser): Promise<NatsConnection> {
    return connect({ servers: this.url, reconnect: false, ...natsAuthOptions(this.env(user)) });
  }
}

/** Runs `fn` with these variables in process.env (connectNats and startServiceApp read them at connect time). */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

describe('NATS as a trust boundary (a real nats-server with per-service users)', () => {
  let nats: AuthNats;
  const open: NatsConnection[] = [];
  const as = async (user: NatsUser) => { const nc = await nats.as(user); open.push(nc); return nc; };

  beforeAll(async () => {
    nats = new AuthNats(await freePort());
    await nats.start();
  });
  afterAll(async () => {
    for (const nc of open) await nc.close().catch(() => undefined);
    await nats?.stop();
  });

  it('refuses a connection without credentials or with a wrong password', async () => {
    await expect(connect({ servers: nats.url, reconnect: false })).rejects.toThrow(/authorization/i);
    await expect(connect({ servers: nats.url, reconnect: false, user: 'gateway', pass: 'wrong' })).rejects.toThrow(/authorization/i);
  });

  it('lets the gateway call a service, and the service answer, each with its own credentials', async () => {
    const registry = await as('registry');
    registry.subscribe(Subjects.registry.agentsGet, { callback: (_e, msg) => msg.respond(codec.encode({ ok: true })) });
    await registry.flush();
    const gateway = await as('gateway');
    const reply = await gateway.request(Subjects.registry.agentsGet, codec.encode({}), { timeout: 2000 });
    expect(codec.decode(reply.data)).toEqual({ ok: true });
  });

  it('refuses a publish outside a service\'s permissions, and a subscription to another service\'s requests', async () => {
    const registry = await as('registry');
    // The registry may not ask the content service to generate (only the gateway may).
    await expect(registry.request(ContentSubjects.generate, codec.encode({}), { timeout: 2000 })).rejects.toThrow(/permission/i);
    // Nor listen in on the content service's requests.
    const sub = registry.subscribe(ContentSubjects.generate);
    const ended = (async () => { for await (const _m of sub) { /* never delivered */ } })();
    await expect(ended).rejects.toThrow(/permission/i);
  });

  it('keeps replies private: a service cannot read the gateway\'s reply inbox', async () => {
    const campaigns = await as('campaigns');
    const sub = campaigns.subscribe('_INBOX_gateway.>');
    const ended = (async () => { for await (const _m of sub) { /* never delivered */ } })();
    await expect(ended).rejects.toThrow(/permission/i);
  });

  it('lets a service run the EVENTS stream, publish an event and consume it with a durable consumer', async () => {
    const registry = await as('registry');
    await ensureEventsStream(registry);
    const js = registry.jetstream();
    const ack = await js.publish(eventSubject('agent.updated'), codec.encode({ id: 'evt_trust' }), { msgID: 'evt_trust' });
    expect(ack.stream).toBe(EVENTS_STREAM);
    const jsm = await registry.jetstreamManager();
    await jsm.consumers.add(EVENTS_STREAM, { durable_name: 'trust-test', ack_policy: 'explicit' as never, filter_subject: eventSubject('agent.updated') });
    const consumer = await js.consumers.get(EVENTS_STREAM, 'trust-test');
    const msg = await consumer.next({ expires: 2000 });
    expect(msg && codec.decode(msg.data)).toEqual({ id: 'evt_trust' });
    await msg!.ackAck();
    // The gateway has no business with the stream.
    const gateway = await as('gateway');
    await expect(gateway.jetstream().publish(eventSubject('agent.updated'), codec.encode({}), { timeout: 1500 })).rejects.toThrow();
  });

  describe('a service started with credentials', () => {
    let app: INestMicroservice;
    let bus: BusClient;

    beforeAll(async () => {
      const { RegistryModule } = require('../../../apps/registry/src/app.module');
      app = await withEnv(nats.env('registry'), () => startServiceApp(RegistryModule, 'registry'));
      bus = await withEnv(nats.env('gateway'), async () => { const b = new BusClient('trust-test-gateway'); await b.connect(); return b; });
    }, 60_000);
    afterAll(async () => {
      await bus?.close();
      await app?.close();
    });

    it('answers a request that carries the organization and livemode headers', async () => {
      const health = await bus.request<{ status: string }>(Subjects.health('registry'), {}, { requestId: 'req_trust', organizationId: '', livemode: true, scopes: [] });
      expect(health.status).toBe('ok');
      const page = await bus.request<{ data: unknown[]; meta: { limit: number } }>(Subjects.registry.agentsList, { limit: 1 },
        { requestId: 'req_trust', organizationId: 'org_trust', livemode: false, scopes: ['agents:read'] });
      expect(Array.isArray(page.data)).toBe(true);
      expect(page.meta.limit).toBe(1);
    });

    it('refuses a raw request without them, never reading it as a live request', async () => {
      const nc = await withEnv(nats.env('gateway'), () => connectNats('trust-raw'));
      open.push(nc);
      const payload = codec.encode({});
      const bare = readRpcReply(await nc.request(Subjects.registry.agentsList, payload, { timeout: 3000 }));
      expect(bare.ok).toBe(false);
      expect(!bare.ok && bare.error.code).toBe('forbidden');
      // An organization alone is not enough: livemode must be stated.
      const h = natsHeaders();
      h.set(HEADER.organizationId, 'org_trust');
      const noMode = readRpcReply(await nc.request(Subjects.registry.agentsList, payload, { timeout: 3000, headers: h }));
      expect(!noMode.ok && noMode.error.code).toBe('forbidden');
    });
  });
});
