import { execFile } from 'node:child_process';
import { openScratchSchema } from './scratch-schema';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { NatsConnection } from 'nats';
import pino from 'pino';
import { EVENTS_STREAM, eventSubject, type DomainEvent } from '@influgentic/contracts';
import { databaseUrl } from '@influgentic/persistence';
import { createMetrics } from '@influgentic/observability';
import {
  connectNats, ensureEventsStream, EventConsumer, listParked, outboxCounts, OutboxRelay,
  OutboxWriter, type OutboxRelayOptions,
} from '@influgentic/messaging';
import { freePort, PrivateNats } from './private-nats';

const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const SCHEMA = 'messaging_test';

/** A private NATS server this test can stop and start, with its JetStream store kept between runs. */
class OwnNats extends PrivateNats {
  /** `maxPayload` raises the server's message size limit (default 1 MB). */
  async start(maxPayload?: number): Promise<void> {
    await this.launch(maxPayload ? `max_payload: ${maxPayload}` : '', async () => { await (await connectNats('probe', this.url)).close(); });
  }
}

describe('transactional outbox and inbox (real Postgres, real NATS)', () => {
  let ds: DataSource;
  let nats: OwnNats;

  beforeAll(async () => {
    ds = await openScratchSchema(SCHEMA);
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
    const relay = new OutboxRelay(ds, nc, SCHEMA, log, { pollMs: 200, maxAttempts: 1 });
    await relay.start();
    const writer = new OutboxWriter(SCHEMA);
    try {
      await nats.stop();
      const event = await ds.transaction((m) => writer.enqueue(m, { type: 'campaign.started', organizationId: 'org_t', livemode: true, data: { campaign_id: 'camp_1', agent_id: 'agent_x' } }));
      // Wait for a failed pass (one counted failure would park the row at maxAttempts 1).
      await waitUntil(async () => (await ds.query(`SELECT last_error FROM ${SCHEMA}.outbox WHERE id = $1`, [event.id]))[0].last_error !== null, 20_000);
      const [pending] = await ds.query(`SELECT published_at, attempts FROM ${SCHEMA}.outbox WHERE id = $1`, [event.id]);
      expect(pending.published_at).toBeNull();

      await nats.start();
      await waitUntil(async () => (await ds.query(`SELECT published_at FROM ${SCHEMA}.outbox WHERE id = $1`, [event.id]))[0].published_at !== null, 20_000);
      // Every pass during the outage failed, yet none counted against the row: an outage is not the event's fault.
      const [after] = await ds.query(`SELECT attempts, parked_at, last_error FROM ${SCHEMA}.outbox WHERE id = $1`, [event.id]);
      expect(after.attempts).toBe(0);
      expect(after.parked_at).toBeNull();

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

  describe('relay: failures, order, replicas, retention', () => {
    const ROOT = join(__dirname, '..', '..', '..');
    const fast: OutboxRelayOptions = { pollMs: 200, maxAttempts: 3, retryBaseMs: 20, retryMaxMs: 40 };
    const writer = new OutboxWriter(SCHEMA);
    /** Larger than the server accepts now (a test below raises the limit). */
    const oversized = () => 'x'.repeat((nc.info?.max_payload ?? 1024 * 1024) + 1000);
    let nc: NatsConnection;
    let tap: WireTap;

    const write = (aggregate: string, extra: Record<string, unknown> = {}) =>
      ds.transaction((m) => writer.enqueue(m, { type: 'agent.updated', organizationId: 'org_t', livemode: true, data: { agent_id: aggregate, ...extra } }));
    const row = async (id: string) => (await ds.query(`SELECT * FROM ${SCHEMA}.outbox WHERE id = $1`, [id]))[0];
    /** Drains until `done` holds, letting failed rows' backoff pass between passes. */
    const drainUntil = async (relay: OutboxRelay, done: () => Promise<boolean>) => {
      for (let i = 0; i < 50 && !(await done()); i++) {
        await relay.drainAll();
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await done()).toBe(true);
    };

    beforeEach(async () => {
      await ds.query(`DELETE FROM ${SCHEMA}.outbox`);
      nc = await connectNats('relay-cases', nats.url);
      await ensureEventsStream(nc);
      tap = await WireTap.open(nats.url);
    });

    afterEach(async () => {
      await tap.close();
      await nc.close();
    });

    it('parks an oversized event after N attempts, publishes the others once, holds its aggregate, and redrives it once the cause is gone', async () => {
      const metrics = createMetrics('messaging-test');
      const relay = new OutboxRelay(ds, nc, SCHEMA, log, { ...fast, metrics });
      const a1 = await write('agent_a');
      const big = await write('agent_b', { blob: oversized() });
      const b2 = await write('agent_b');
      const c1 = await write('agent_c');
      const a2 = await write('agent_a');

      await drainUntil(relay, async () => (await row(big.id)).parked_at !== null);
      await relay.drainAll();
      await tap.settle();
      for (const e of [a1, a2, c1]) expect(tap.count(e.id)).toBe(1);
      expect(tap.order('agent_a')).toEqual([a1.id, a2.id]);
      // The poison row is parked with its error; the row behind it in its aggregate waits, unpublished and unparked.
      const parked = await row(big.id);
      expect(parked.attempts).toBe(3);
      expect(parked.last_error).toMatch(/MAX_PAYLOAD/);
      const waiting = await row(b2.id);
      expect(waiting.published_at).toBeNull();
      expect(waiting.parked_at).toBeNull();
      expect(tap.count(big.id) + tap.count(b2.id)).toBe(0);
      expect(await outboxCounts(ds, SCHEMA)).toMatchObject({ parked: 1, pending: 1 });
      expect(await listParked(ds, SCHEMA)).toEqual([expect.objectContaining({ id: big.id, aggregate_id: 'agent_b', attempts: 3, waiting: 1 })]);
      // Visible to whoever scrapes the service's metrics.
      const scraped = await metrics.registry.metrics();
      expect(scraped).toMatch(/influgentic_outbox_unpublished\{state="parked",service="messaging-test"\} 1/);
      expect(scraped).toMatch(/influgentic_outbox_publish_failures_total\{kind="row",service="messaging-test"\} 3/);

      // The cause goes away (the server accepts 4 MB), then an operator redrives it with the CLI.
      await nats.stop();
      await nats.start(4 * 1024 * 1024);
      await waitUntil(async () => (nc.info?.max_payload ?? 0) >= 4 * 1024 * 1024, 20_000);
      await tap.reopen(nats.url);
      const cli = await promisify(execFile)(process.execPath, ['scripts/run-ts.js', 'tools/outbox-cli.ts', 'redrive', '--schema', SCHEMA, '--id', big.id], { cwd: ROOT, env: process.env });
      expect(cli.stdout).toContain(big.id);
      expect((await row(big.id)).parked_at).toBeNull();

      await drainUntil(relay, async () => (await row(b2.id)).published_at !== null);
      await tap.settle();
      expect(tap.order('agent_b')).toEqual([big.id, b2.id]);
      expect(await outboxCounts(ds, SCHEMA)).toMatchObject({ parked: 0, pending: 0 });
    }, 60_000);

    it('never republishes rows already published when a later row of the batch fails', async () => {
      const relay = new OutboxRelay(ds, nc, SCHEMA, log, { ...fast, maxAttempts: 10 });
      const d1 = await write('agent_d');
      const e1 = await write('agent_e');
      const bad = await write('agent_f', { blob: oversized() });
      const g1 = await write('agent_g');

      await relay.drainAll();
      const first = await row(d1.id);
      expect(first.published_at).not.toBeNull();
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 60));
        await relay.drainAll();
      }
      await tap.settle();
      for (const e of [d1, e1, g1]) expect(tap.count(e.id)).toBe(1);
      expect((await row(d1.id)).published_at).toEqual(first.published_at);
      expect(relay.published).toBe(3);
      const failed = await row(bad.id);
      expect(failed.attempts).toBe(4);
      expect(failed.published_at).toBeNull();
      expect(failed.parked_at).toBeNull();
    });

    it('two relays on one schema publish every row once, each aggregate in order', async () => {
      const nc2 = await connectNats('relay-two', nats.url);
      const one = new OutboxRelay(ds, nc, SCHEMA, log, { ...fast, batchSize: 7 });
      const two = new OutboxRelay(ds, nc2, SCHEMA, log, { ...fast, batchSize: 7 });
      try {
        const written: Array<{ id: string; aggregate: string }> = [];
        for (let i = 0; i < 120; i++) {
          const aggregate = `agent_r${i % 12}`;
          written.push({ id: (await write(aggregate)).id, aggregate });
        }
        await drainUntilAll(async () => { await Promise.all([one.drainAll(), two.drainAll()]); },
          async () => (await outboxCounts(ds, SCHEMA)).pending === 0);
        await tap.settle();
        for (const w of written) expect(tap.count(w.id)).toBe(1);
        for (let k = 0; k < 12; k++) {
          const aggregate = `agent_r${k}`;
          expect(tap.order(aggregate)).toEqual(written.filter((w) => w.aggregate === aggregate).map((w) => w.id));
        }
        expect(one.published + two.published).toBe(120);
        expect(one.published).toBeGreaterThan(0);
        expect(two.published).toBeGreaterThan(0);
      } finally {
        await nc2.close();
      }
    });

    it("leaves a live lease alone and takes over a crashed relay's rows when its lease expires", async () => {
      const relay = new OutboxRelay(ds, nc, SCHEMA, log, fast);
      const h1 = await write('agent_h');
      const h2 = await write('agent_h');
      // A relay claimed h1 and died before publishing it.
      await ds.query(`UPDATE ${SCHEMA}.outbox SET claimed_by = 'crashed', claimed_until = now() + interval '1500 milliseconds' WHERE id = $1`, [h1.id]);
      expect(await relay.drainAll()).toBe(0);
      await tap.settle();
      expect(tap.count(h1.id) + tap.count(h2.id)).toBe(0);

      await new Promise((r) => setTimeout(r, 1600));
      expect(await relay.drainAll()).toBe(2);
      await tap.settle();
      expect(tap.order('agent_h')).toEqual([h1.id, h2.id]);
    });

    it('prunes published outbox rows and inbox entries past retention, one replica at a time', async () => {
      const relay = new OutboxRelay(ds, nc, SCHEMA, log, { outboxRetentionMs: 7 * 86_400_000, inboxRetentionMs: 14 * 86_400_000 });
      const insert = (id: string, published: string | null, parked: string | null) => ds.query(
        `INSERT INTO ${SCHEMA}.outbox (id, type, payload, created_at, published_at, parked_at)
         VALUES ($1, 'agent.updated', '{}', now() - interval '30 days', now() - $2::interval, now() - $3::interval)`, [id, published, parked]);
      await insert('evt_prune_old', '8 days', null);
      await insert('evt_prune_recent', '6 days', null);
      await insert('evt_prune_unpublished', null, null);
      await insert('evt_prune_parked', null, '20 days');
      await ds.query(`DELETE FROM ${SCHEMA}.inbox WHERE consumer = 'prune-test'`);
      await ds.query(`INSERT INTO ${SCHEMA}.inbox (consumer, event_id, processed_at) VALUES
        ('prune-test', 'evt_in_old', now() - interval '15 days'), ('prune-test', 'evt_in_recent', now() - interval '8 days')`);

      // Another replica is pruning: this one does nothing.
      const other = new Client({ connectionString: databaseUrl() });
      await other.connect();
      try {
        await other.query(`SELECT pg_advisory_lock(hashtext($1))`, [`influgentic.prune.${SCHEMA}`]);
        expect(await relay.prune()).toBeNull();
        expect((await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox`))[0].n).toBe(4);
        await other.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`influgentic.prune.${SCHEMA}`]);
      } finally {
        await other.end();
      }

      expect(await relay.prune()).toEqual({ outbox: 1, inbox: 1 });
      const left = await ds.query(`SELECT id FROM ${SCHEMA}.outbox ORDER BY id`);
      expect(left.map((r: { id: string }) => r.id)).toEqual(['evt_prune_parked', 'evt_prune_recent', 'evt_prune_unpublished']);
      const inbox = await ds.query(`SELECT event_id FROM ${SCHEMA}.inbox WHERE consumer = 'prune-test'`);
      expect(inbox).toEqual([{ event_id: 'evt_in_recent' }]);
    });
  });

  it('redelivers an event whose dead letter cannot be written, and dead-letters it exactly once when it can', async () => {
    const nc = await connectNats('dlq-write-fails', nats.url);
    const durable = `dlq-store-${Date.now()}`;
    let attempts = 0;
    const consumer = new EventConsumer(nc, ds, SCHEMA, log, {
      durable, types: ['content.rejected'], maxDeliver: 2,
      handle: async () => { attempts++; throw new Error('downstream refused'); },
    });
    // The dead-letter table refuses every row, for real.
    await ds.query(`ALTER TABLE ${SCHEMA}.dead_letters ADD CONSTRAINT refuse_all CHECK (false) NOT VALID`);
    let restored = false;
    const restore = async () => {
      if (!restored) await ds.query(`ALTER TABLE ${SCHEMA}.dead_letters DROP CONSTRAINT refuse_all`);
      restored = true;
    };
    await consumer.start();
    try {
      const event: DomainEvent = { id: 'evt_dlq_store_1', type: 'content.rejected', created_at: new Date().toISOString(), organization_id: 'org_t', livemode: true, data: {} };
      await nc.jetstream().publish(eventSubject('content.rejected'), JSON.stringify(event), { msgID: 'dlq-store-1' });
      const jsm = await nc.jetstreamManager();
      // Delivered past maxDeliver: the failed dead-letter write nak'ed it instead of terminating it.
      await waitUntil(async () => (await jsm.consumers.info(EVENTS_STREAM, durable)).delivered.consumer_seq >= 3, 20_000);
      const dlCount = async () => (await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.dead_letters WHERE event_id = 'evt_dlq_store_1'`))[0].n;
      expect(await dlCount()).toBe(0);
      expect((await jsm.consumers.info(EVENTS_STREAM, durable)).num_ack_pending).toBe(1);

      await restore();
      await waitUntil(async () => (await dlCount()) === 1, 40_000);
      await waitUntil(async () => (await jsm.consumers.info(EVENTS_STREAM, durable)).num_ack_pending === 0, 10_000);
      await new Promise((r) => setTimeout(r, 500));
      expect(await dlCount()).toBe(1);
      // Its attempts were used up before the store failed: the handler was not run again.
      expect(attempts).toBe(2);
    } finally {
      await restore();
      await consumer.stop();
      await nc.close();
    }
  }, 60_000);
});

/** Every message published on the event subjects, as seen on the wire (before JetStream drops duplicates). */
class WireTap {
  private readonly seen: Array<{ id: string; aggregate: string | null }> = [];
  private constructor(private nc: NatsConnection) {}

  static async open(url: string): Promise<WireTap> {
    const tap = new WireTap(await connectNats('wire-tap', url));
    await tap.subscribe();
    return tap;
  }

  private async subscribe(): Promise<void> {
    const sub = this.nc.subscribe(eventSubject('>'));
    void (async () => {
      for await (const m of sub) {
        const id = m.headers?.get('Nats-Msg-Id') ?? '';
        let aggregate: string | null = null;
        try { aggregate = (JSON.parse(m.string()) as DomainEvent<{ agent_id?: string }>).data.agent_id ?? null; } catch { /* not ours */ }
        this.seen.push({ id, aggregate });
      }
    })();
    await this.nc.flush();
  }

  /** Reconnects to a restarted server (a fresh connection learns its new limits at once). */
  async reopen(url: string): Promise<void> {
    await this.nc.close();
    this.nc = await connectNats('wire-tap', url);
    await this.subscribe();
  }

  async settle(): Promise<void> {
    await this.nc.flush();
    await new Promise((r) => setTimeout(r, 100));
  }

  count(id: string): number {
    return this.seen.filter((s) => s.id === id).length;
  }

  order(aggregate: string): string[] {
    return this.seen.filter((s) => s.aggregate === aggregate).map((s) => s.id);
  }

  async close(): Promise<void> {
    await this.nc.close();
  }
}

async function drainUntilAll(pass: () => Promise<void>, done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await done()); i++) await pass();
  if (!(await done())) throw new Error('outbox not drained');
}

async function waitUntil(fn: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
