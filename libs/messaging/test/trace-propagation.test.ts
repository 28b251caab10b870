import { createNoopMeter, metrics, SpanKind } from '@opentelemetry/api';
import { Subjects, type DomainEvent } from '@influgentic/contracts';
import { BusClient, OutboxWriter } from '@influgentic/messaging';
import { injectTraceHeaders, linkFromHeaders, withSpan } from '@influgentic/observability';
import { DataSource } from 'typeorm';
import { databaseUrl } from '@influgentic/persistence';
import { startPlatform, waitFor, type Platform } from '../../../tools/testing/platform';
import { parentOf, spanId, startTestTracing, stopTestTracing, traceOf } from './trace-support';

describe('W3C trace context across NATS hops (real NATS)', () => {
  const exporter = startTestTracing('trace-test');
  let platform: Platform;
  let bus: BusClient;

  beforeAll(async () => {
    platform = await startPlatform(['registry']);
    bus = new BusClient('trace-test');
    await bus.connect();
  });

  afterAll(async () => {
    await bus?.close();
    await platform?.close();
    await stopTestTracing();
  });

  it('continues the caller\'s trace in the service handler, through a CLIENT span per request', async () => {
    let traceId = '';
    let callerSpanId = '';
    await withSpan('caller', async (span) => {
      traceId = span.spanContext().traceId;
      callerSpanId = span.spanContext().spanId;
      await bus.request(Subjects.health('registry'), {}, { requestId: 'trace-1', organizationId: 'org_default', livemode: true, scopes: [] });
    });
    // Named without the installation's namespace (this run has one), so traces read the same everywhere.
    const client = await waitFor(async () => exporter.getFinishedSpans().find((s) => s.name === 'registry.health.v1 request'));
    const server = await waitFor(async () => exporter.getFinishedSpans().find((s) => s.name === 'registry.health.v1'));
    expect(client.kind).toBe(SpanKind.CLIENT);
    expect(client.attributes['messaging.destination.name']).toBe('registry.health.v1');
    expect(traceOf(client)).toBe(traceId);
    expect(parentOf(client)).toBe(callerSpanId);
    expect(server.kind).toBe(SpanKind.SERVER);
    expect(traceOf(server)).toBe(traceId);
    expect(parentOf(server)).toBe(spanId(client));
  });

  it('links to the trace a message carries (for a span that handles a batch of messages), and to nothing without one', async () => {
    const headers: Record<string, string> = {};
    const sent = await withSpan('sender', async (span) => {
      injectTraceHeaders((k, v) => { headers[k] = v; });
      return span.spanContext();
    });
    expect(linkFromHeaders(headers).map((l) => [l.context.traceId, l.context.spanId])).toEqual([[sent.traceId, sent.spanId]]);
    expect(linkFromHeaders({})).toEqual([]);
  });

  it('starts no metrics pipeline when OTEL_METRICS_EXPORTER is unset (the SDK\'s default would export OTLP metrics)', () => {
    expect(process.env.OTEL_METRICS_EXPORTER).toBeUndefined();
    // No meter provider was registered: the API still hands out its no-op meter.
    expect(metrics.getMeterProvider().getMeter('probe')).toBe(createNoopMeter());
  });

  it('stores the trace context with an outbox event so its consumers join the same trace', async () => {
    const ds = new DataSource({ type: 'postgres', url: databaseUrl() });
    await ds.initialize();
    try {
      let traceId = '';
      let event!: DomainEvent;
      await withSpan('state change', async (span) => {
        traceId = span.spanContext().traceId;
        event = await ds.transaction((m) => new OutboxWriter('registry').enqueue(m, { type: 'agent.updated', organizationId: 'org_trace', livemode: true, data: { agent_id: 'agent_trace' } }));
      });
      const [row] = await ds.query(`SELECT headers FROM registry.outbox WHERE id = $1`, [event.id]);
      expect(row.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-0[01]$`));
    } finally {
      await ds.destroy();
    }
  });
});
