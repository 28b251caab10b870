import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Subjects, type DomainEvent } from '@influgentic/contracts';
import { BusClient, OutboxWriter } from '@influgentic/messaging';
import { startTracing, stopTracing, withSpan } from '@influgentic/observability';
import { DataSource } from 'typeorm';
import { databaseUrl } from '@influgentic/persistence';
import { startPlatform, type Platform } from '../../../tools/testing/platform';

describe('W3C trace context across NATS hops (real NATS)', () => {
  const exporter = new InMemorySpanExporter();
  let platform: Platform;
  let bus: BusClient;

  beforeAll(async () => {
    process.env.OTEL_SDK_DISABLED = 'false';
    startTracing('trace-test', { spanProcessors: [new SimpleSpanProcessor(exporter)] });
    platform = await startPlatform(['registry']);
    bus = new BusClient('trace-test');
    await bus.connect();
  });

  afterAll(async () => {
    await bus?.close();
    await platform?.close();
    await stopTracing();
    process.env.OTEL_SDK_DISABLED = 'true';
  });

  it('continues the caller\'s trace in the service handler', async () => {
    let traceId = '';
    let callerSpanId = '';
    await withSpan('caller', async (span) => {
      traceId = span.spanContext().traceId;
      callerSpanId = span.spanContext().spanId;
      await bus.request(Subjects.health('registry'), {}, { requestId: 'trace-1', organizationId: 'org_default', livemode: true, scopes: [] });
    });
    const server = exporter.getFinishedSpans().find((s) => s.name === Subjects.health('registry'));
    expect(server).toBeDefined();
    expect(server!.spanContext().traceId).toBe(traceId);
    expect(server!.parentSpanContext?.spanId ?? (server as unknown as { parentSpanId?: string }).parentSpanId).toBe(callerSpanId);
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
