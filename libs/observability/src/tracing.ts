import { context, INVALID_SPAN_CONTEXT, propagation, trace, type Context, type Span, SpanKind } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

let sdk: NodeSDK | undefined;

/** Whether spans are being made in this process; when not, span helpers run the work directly. */
export function tracingActive(): boolean {
  return sdk !== undefined;
}

/**
 * Starts OpenTelemetry for a process when there is somewhere to send spans (OTEL_EXPORTER_OTLP_ENDPOINT, or
 * OTEL_TRACES=on to make them for logs only). Without it the request path pays nothing for tracing; request ids
 * still travel in NATS headers and logs either way.
 */
export function startTracing(serviceName: string, opts: { spanProcessors?: SpanProcessor[] } = {}): void {
  if (sdk || process.env.OTEL_SDK_DISABLED === 'true') return;
  const exporting = !!process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!exporting && process.env.OTEL_TRACES !== 'on' && !opts.spanProcessors) return;
  sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: `influgentic-${serviceName}` }),
    traceExporter: exporting && !opts.spanProcessors ? new OTLPTraceExporter() : undefined,
    spanProcessors: opts.spanProcessors ?? (exporting ? undefined : []),
    instrumentations: [new HttpInstrumentation(), new PgInstrumentation()],
  });
  sdk.start();
}

export async function stopTracing(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
  sdk = undefined;
}

const tracer = () => trace.getTracer('influgentic');

/** Writes the active trace context (W3C traceparent/tracestate) into a header carrier. */
export function injectTraceHeaders(set: (key: string, value: string) => void, ctx: Context = context.active()): void {
  if (!sdk) return;
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  for (const [k, v] of Object.entries(carrier)) set(k, v);
}

/** Runs `fn` inside a span whose parent comes from incoming headers (a hop over NATS). */
export async function withRemoteSpan<T>(name: string, headers: Record<string, string | undefined>, fn: (span: Span) => Promise<T>, kind = SpanKind.CONSUMER): Promise<T> {
  if (!sdk) return fn(trace.wrapSpanContext(INVALID_SPAN_CONTEXT));
  const parent = propagation.extract(context.active(), headers);
  return tracer().startActiveSpan(name, { kind }, parent, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err as Error);
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Runs `fn` inside a child span of the active context. */
export async function withSpan<T>(name: string, fn: (span: Span) => Promise<T>, kind = SpanKind.INTERNAL): Promise<T> {
  return withRemoteSpan(name, {}, fn, kind);
}

export function currentTraceId(): string | undefined {
  return trace.getActiveSpan()?.spanContext().traceId;
}
