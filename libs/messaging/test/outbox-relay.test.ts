import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import pino from 'pino';
import { EVENTS_STREAM, eventSubject, type DomainEvent } from '@influgentic/contracts';
import { databaseUrl } from '@influgentic/persistence';
import { connectNats, ensureEventsStream, EventConsumer, messagingTablesSql, OutboxRelay, OutboxWriter } from '@influgentic/messaging';

const log = pino({ level: 'silent' });
const SCHEMA = 'messaging_test';

function natsBinary(): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/local/bin'])) {
    const candidate = join(dir, 'nats-server');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('nats-server binary not found (npm test installs or finds it; see scripts/infra.js)');
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A private NATS server this test can stop and start, with its JetStream store kept between runs. */
class OwnNats {
  private proc?: ChildProcess;
  readonly storeDir = mkdtempSync(join(tmpdir(), 'influgentic-nats-'));
  constructor(readonly port: number) {}
  get url() { return `nats://127.0.0.1:${this.port}`; }
  async start(): Promise<void> {
    this.proc = spawn(natsBinary(), ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        const nc = await connectNats('probe', this.url).then((c) => c);
        await nc.close();
        return;
      } catch {
        if (Date.now() > deadline) throw new Error('nats-server did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  async stop(): Promise<void> {
    const p = this.proc;
    if (!p) return;
    await new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill('SIGTERM'); });
    this.proc = undefined;
  }
}

describe('transactional outbox and inbox (real Postgres, real NATS)', () => {
  let ds: DataSource;
  let nats: OwnNats;

  beforeAll(async () => {
    ds = new DataSource({ type: 'postgres', url: databaseUrl(), extra: { max: 4 } });
    await ds.initialize();
    await ds.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await ds.query(`CREATE SCHEMA ${SCHEMA}`);
    for (const sql of messagingTablesSql(SCHEMA)) await ds.query(sql);
    nats = new OwnNats(await freePort());
    await nats.start();
  });

  afterAll(async () => {
    await nats?.stop();
    await ds?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await ds?.destroy();
  });

  it('publishes an event written while NATS is down once NATS is back, exactly once', async () => {
    const nc = await connectNats('relay-test', nats.url);
    await ensureEventsStream(nc);
    const relay = new OutboxRelay(ds, nc, SCHEMA, log, 100, 200);
    await relay.start();
    const writer = new OutboxWriter(SCHEMA);
    try {
      await nats.stop();
      const event = await ds.transaction((m) => writer.enqueue(m, { type: 'campaign.started', organizationId: 'org_t', livemode: true, data: { campaign_id: 'camp_1', agent_id: 'agent_x' } }));
      await new Promise((r) => setTimeout(r, 1500));
      const [pending] = await ds.query(`SELECT published_at, attempts FROM ${SCHEMA}.outbox WHERE id = $1`, [event.id]);
      expect(pending.published_at).toBeNull();

      await nats.start();
      await waitUntil(async () => (await ds.query(`SELECT published_at FROM ${SCHEMA}.outbox WHERE id = $1`, [event.id]))[0].published_at !== null, 20_000);

      // Force a second publish attempt of the same row: JetStream dedupes by Nats-Msg-Id.
      await ds.query(`UPDATE ${SCHEMA}.outbox SET published_at = NULL WHERE id = $1`, [event.id]);
      await relay.drainAll();

      const jsm = await nc.jetstreamManager();
      const info = await jsm.streams.info(EVENTS_STREAM, { subjects_filter: eventSubject('campaign.started') } as never);
      const stored = await jsm.streams.getMessage(EVENTS_STREAM, { last_by_subj: eventSubject('campaign.started') });
      expect(info.state.messages).toBe(1);
      expect(stored.header.get('Nats-Msg-Id')).toBe(event.id);
      expect(JSON.parse(stored.string())).toEqual(event);
    } finally {
      await relay.stop();
      await nc.close();
    }
  });

  it('runs a consumer handler once per event id even when the event is delivered twice', async () => {
    const nc = await connectNats('consumer-test', nats.url);
    await ensureEventsStream(nc);
    const handled: string[] = [];
    const consumer = new EventConsumer(nc, ds, SCHEMA, log, {
      durable: `dedupe-${Date.now()}`,
      types: ['lead.captured'],
      handle: async (event: DomainEvent, m) => {
        handled.push(event.id);
        await m.query(`SELECT 1`);
      },
    });
    await consumer.start();
    try {
      const event: DomainEvent = { id: 'evt_dupe_1', type: 'lead.captured', created_at: new Date().toISOString(), organization_id: 'org_t', livemode: true, data: {} };
      const js = nc.jetstream();
      // Two copies with different message ids (as after a relay crash outside the dedupe window).
      await js.publish(eventSubject('lead.captured'), JSON.stringify(event), { msgID: 'copy-1' });
      await js.publish(eventSubject('lead.captured'), JSON.stringify(event), { msgID: 'copy-2' });
      await waitUntil(async () => consumer.processed >= 2, 10_000);
      expect(handled).toEqual(['evt_dupe_1']);
      const rows = await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.inbox WHERE event_id = 'evt_dupe_1'`);
      expect(rows[0].n).toBe(1);
    } finally {
      await consumer.stop();
      await nc.close();
    }
  });

  it('retries a failing handler and parks the event in dead_letters after max deliveries', async () => {
    const nc = await connectNats('dlq-test', nats.url);
    let attempts = 0;
    const consumer = new EventConsumer(nc, ds, SCHEMA, log, {
      durable: `dlq-${Date.now()}`,
      types: ['job.failed'],
      maxDeliver: 3,
      handle: async () => {
        attempts++;
        throw new Error('downstream refused');
      },
    });
    await consumer.start();
    try {
      const event: DomainEvent = { id: 'evt_poison_1', type: 'job.failed', created_at: new Date().toISOString(), organization_id: 'org_t', livemode: true, data: {} };
      await nc.jetstream().publish(eventSubject('job.failed'), JSON.stringify(event), { msgID: 'poison-1' });
      await waitUntil(async () => (await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.dead_letters WHERE event_id = 'evt_poison_1'`))[0].n === 1, 20_000);
      expect(attempts).toBe(3);
      // The failed attempts left no inbox row (their transactions rolled back).
      const inbox = await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.inbox WHERE event_id = 'evt_poison_1'`);
      expect(inbox[0].n).toBe(0);
    } finally {
      await consumer.stop();
      await nc.close();
    }
  });
});

async function waitUntil(fn: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
