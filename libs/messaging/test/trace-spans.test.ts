import { randomBytes } from 'node:crypto';
import { openScratchSchema } from './scratch-schema';
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { NatsConnection } from 'nats';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { type DomainEvent } from '@influgentic/contracts';
import {
  connectNats, ensureEventsStream, EventConsumer, OutboxRelay, OutboxWriter, PeriodicTask,
} from '@influgentic/messaging';
import { withSpan } from '@influgentic/observability';
import { apiClient, startPlatform, waitFor, type Platform } from '../../../tools/testing/platform';
import { parentOf, spanId, startTestTracing, stopTestTracing, traceOf } from './trace-support';

const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const SCHEMA = 'trace_relay';

/** The SQL text of a pg span, under either semantic-conventions attribute name. */
const statementOf = (s: ReadableSpan) => String(s.attributes['db.query.text'] ?? s.attributes['db.statement'] ?? '');

describe('spans that show where time goes (real NATS, real Postgres, spans kept in memory)', () => {
  const exporter = startTestTracing('trace-spans-test');
  let platform: Platform;
  const spans = () => exporter.getFinishedSpans();
  const find = (pred: (s: ReadableSpan) => boolean) => waitFor(async () => spans().find(pred));

  beforeAll(async () => {
    platform = await startPlatform(['registry']);
  });

  afterAll(async () => {
    await platform?.close();
    await stopTestTracing();
  });

  beforeEach(() => exporter.reset());

  it('names the gateway\'s server span by route, and the NATS hop is a CLIENT span whose child is the service\'s SERVER span', async () => {
    const api = apiClient(platform.url, platform.token);
    const list = await api('GET', '/v1/agents?limit=1');
    expect(list.status).toBe(200);
    const id: string = list.body.data[0].id;
    exporter.reset();

    const got = await api('GET', `/v1/agents/${id}`);
    expect(got.status).toBe(200);

    const http = await find((s) => s.kind === SpanKind.SERVER && s.attributes['http.route'] === '/v1/agents/{id}');
    expect(http.name).toBe('GET /v1/agents/{id}');
    const client = await find((s) => s.name === 'registry.agents.get.v1 request' && traceOf(s) === traceOf(http));
    expect(client.kind).toBe(SpanKind.CLIENT);
    expect(parentOf(client)).toBe(spanId(http));
    const server = await find((s) => s.kind === SpanKind.SERVER && s.name === 'registry.agents.get.v1');
    expect(traceOf(server)).toBe(traceOf(http));
    expect(parentOf(server)).toBe(spanId(client));
    // Nothing is named by method alone or by the raw path (which would name the id).
    expect(spans().filter((s) => s.name === 'GET' || s.name.includes(id))).toEqual([]);
  });

  it('leaves a request no route answers named by its method, without a route', async () => {
    const res = await apiClient(platform.url, platform.token)('GET', '/v1/no-such-thing');
    expect(res.status).toBe(404);
    const http = await find((s) => s.kind === SpanKind.SERVER && s.attributes['url.path'] === '/v1/no-such-thing');
    expect(http.name).toBe('GET');
    expect(http.attributes['http.route']).toBeUndefined();
  });

  describe('outbox and background passes', () => {
    let ds: DataSource;
    let nc: NatsConnection;
    let relay: OutboxRelay;
    let consumer: EventConsumer;
    let listenerConnect: ReadableSpan | undefined;

    beforeAll(async () => {
      ds = await openScratchSchema(SCHEMA);
      nc = await connectNats('trace-relay-test');
      await ensureEventsStream(nc);
      // Polls once an hour: whatever it publishes in these tests, a NOTIFY woke it for.
      relay = new OutboxRelay(ds, nc, SCHEMA, log, { pollMs: 3_600_000 });
      // Started inside a span, as a service may be: the listener connects, and its notifications arrive, in that trace.
      await withSpan('service start', () => relay.start());
      const start = await find((s) => s.name === 'service start');
      listenerConnect = spans().find((s) => s.name === 'pg.connect' && traceOf(s) === traceOf(start));
      consumer = new EventConsumer(nc, ds, SCHEMA, log, {
        durable: `trace_${randomBytes(4).toString('hex')}`, types: ['agent.updated'], handle: async () => undefined,
      });
      await consumer.start();
    });

    afterAll(async () => {
      await consumer?.stop();
      await relay?.stop();
      await nc?.drain();
      await ds?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      await ds?.destroy();
    });

    it('puts a PRODUCER span between the transaction that wrote the event and the consumer that handled it', async () => {
      let event!: DomainEvent;
      await withSpan('state change', async () => {
        event = await ds.transaction((m) => new OutboxWriter(SCHEMA).enqueue(m, {
          type: 'agent.updated', organizationId: 'org_trace', livemode: true, data: { agent_id: 'agent_trace_1' },
        }));
      });
      const write = await find((s) => s.name === 'state change');

      const producer = await find((s) => s.name === 'publish agent.updated' && s.attributes['messaging.message.id'] === event.id);
      expect(producer.kind).toBe(SpanKind.PRODUCER);
      expect(traceOf(producer)).toBe(traceOf(write));
      expect(parentOf(producer)).toBe(spanId(write));

      const consumed = await find((s) => s.name === 'consume agent.updated' && traceOf(s) === traceOf(write));
      expect(consumed.kind).toBe(SpanKind.CONSUMER);
      expect(parentOf(consumed)).toBe(spanId(producer));

      // The drain that sent it is a trace of its own, linked from the PRODUCER span.
      const drain = await find((s) => s.name === `outbox drain ${SCHEMA}` && producer.links.some((l) => l.context.spanId === spanId(s)));
      expect(traceOf(drain)).not.toBe(traceOf(write));
    });

    it('runs a LISTEN-woken drain as a new trace rooted in the drain span, not in the listener\'s connect', async () => {
      // The hazard is real here: the listener's connect is a span, and notifications arrive in its context.
      expect(listenerConnect).toBeDefined();
      const event = await ds.transaction((m) => new OutboxWriter(SCHEMA).enqueue(m, {
        type: 'agent.updated', organizationId: 'org_trace', livemode: true, data: { agent_id: 'agent_trace_2' },
      }));
      const producer = await find((s) => s.name === 'publish agent.updated' && s.attributes['messaging.message.id'] === event.id);
      const drain = spans().find((s) => producer.links.some((l) => l.context.spanId === spanId(s)));
      expect(drain?.name).toBe(`outbox drain ${SCHEMA}`);
      expect(parentOf(drain!)).toBeUndefined();
      expect(traceOf(drain!)).not.toBe(traceOf(listenerConnect!));

      // Its own work (marking the row published) is in its trace; the claim that found the row made no spans at all.
      const inDrain = spans().filter((s) => traceOf(s) === traceOf(drain!) && s !== drain);
      expect(inDrain.some((s) => /UPDATE .*outbox SET published_at/.test(statementOf(s)))).toBe(true);
      expect(inDrain.every((s) => s.name !== 'pg.connect')).toBe(true);
      expect(spans().some((s) => /pg_advisory_xact_lock/.test(statementOf(s)))).toBe(false);
    });

    it('exports a background pass that did work as a short trace of its own, and nothing of one that found none', async () => {
      let found = 0;
      const task = new PeriodicTask('trace-probe', 3_600_000, async () => {
        await ds.query(`SELECT $1::int AS trace_probe`, [found]);
        return found;
      }, log);
      // Started from inside another trace on purpose: a pass never joins whatever context its timer carried.
      await withSpan('unrelated', () => task.tick());
      found = 2;
      await withSpan('unrelated', () => task.tick());

      const passes = spans().filter((s) => s.name === 'pass trace-probe');
      expect(passes).toHaveLength(1);
      expect(parentOf(passes[0])).toBeUndefined();
      expect(spans().filter((s) => s.name === 'unrelated').every((u) => traceOf(u) !== traceOf(passes[0]))).toBe(true);
      const probes = spans().filter((s) => statementOf(s).includes('trace_probe'));
      expect(probes).toHaveLength(1);
      expect(parentOf(probes[0])).toBe(spanId(passes[0]));
    });
  });
});
