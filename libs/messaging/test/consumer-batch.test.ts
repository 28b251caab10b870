import type { DataSource } from 'typeorm';
import { openScratchSchema } from './scratch-schema';
import type { NatsConnection } from 'nats';
import pino from 'pino';
import { eventSubject, type DomainEvent } from '@influgentic/contracts';
import { connectNats, ensureEventsStream, EventConsumer } from '@influgentic/messaging';

const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const SCHEMA = 'consumer_batch_test';

async function waitUntil(fn: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const envelope = (id: string): DomainEvent =>
  ({ id, type: 'lead.captured', created_at: new Date().toISOString(), organization_id: 'org_t', livemode: true, data: {} }) as DomainEvent;

describe('EventConsumer batch mode (real Postgres, real NATS)', () => {
  let ds: DataSource;
  let nc: NatsConnection;

  beforeAll(async () => {
    ds = await openScratchSchema(SCHEMA);
    await ds.query(`CREATE TABLE ${SCHEMA}.handled (event_id text NOT NULL)`);
    nc = await connectNats('consumer-batch-test');
    await ensureEventsStream(nc);
  });

  afterAll(async () => {
    await nc?.close();
    await ds?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await ds?.destroy();
  });

  it('handles waiting events together, once each, and a poison event alone without holding back the rest', async () => {
    const run = Date.now().toString(36);
    const batches: string[][] = [];
    const singles: string[] = [];
    const poison = `evt_${run}_poison`;
    const record = async (events: DomainEvent[], m: import('typeorm').EntityManager) => {
      if (events.some((e) => e.id === poison)) throw new Error('downstream refused');
      await m.query(`INSERT INTO ${SCHEMA}.handled (event_id) SELECT unnest($1::text[])`, [events.map((e) => e.id)]);
    };
    const consumer = new EventConsumer(nc, ds, SCHEMA, log, {
      durable: `batch-${run}`, types: ['lead.captured'], maxDeliver: 2,
      handle: async (event, m) => { singles.push(event.id); await record([event], m); },
      batch: { size: 50, handle: async (events, m) => { batches.push(events.map((e) => e.id)); await record(events, m); } },
    });
    // Published before the consumer starts, so they are all waiting when it pulls.
    const js = nc.jetstream();
    const ids = Array.from({ length: 120 }, (_, i) => `evt_${run}_${i}`);
    await Promise.all(ids.map((id) => js.publish(eventSubject('lead.captured'), JSON.stringify(envelope(id)), { msgID: id })));
    // A second copy of one event (another message id, as after a relay crash).
    await js.publish(eventSubject('lead.captured'), JSON.stringify(envelope(ids[7])), { msgID: `${ids[7]}-again` });
    await js.publish(eventSubject('lead.captured'), JSON.stringify(envelope(poison)), { msgID: poison });
    await consumer.start();
    try {
      await waitUntil(async () => (await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.dead_letters WHERE event_id = $1`, [poison]))[0].n === 1, 20_000);
      // Other suites of this run publish lead.captured too: only this test's events are judged.
      const mine = `evt_${run}_%`;
      await waitUntil(async () => (await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.handled WHERE event_id LIKE $1`, [mine]))[0].n >= ids.length, 20_000);
      const handled: Array<{ event_id: string; n: number }> = await ds.query(
        `SELECT event_id, count(*)::int AS n FROM ${SCHEMA}.handled WHERE event_id LIKE $1 GROUP BY event_id`, [mine]);
      expect(handled.map((h) => h.event_id).sort()).toEqual([...ids].sort());
      expect(handled.every((h) => h.n === 1)).toBe(true);
      // Batched: fewer transactions than events, none larger than the batch size.
      const own = new Set(ids);
      expect(batches.filter((b) => b.some((id) => own.has(id))).length).toBeLessThan(ids.length / 2);
      expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(50);
      // The poison event's batch fell back to one by one; only the poison event failed there.
      expect(singles).toContain(poison);
      const [inbox] = await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.inbox WHERE event_id = ANY($1)`, [[...ids, poison]]);
      expect(inbox.n).toBe(ids.length);
    } finally {
      await consumer.stop();
    }
  });
});
