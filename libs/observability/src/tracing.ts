import {
  context, INVALID_SPAN_CONTEXT, propagation, ROOT_CONTEXT, trace, SpanKind, SpanStatusCode,
  type Context, type Link, type Span, type SpanOptions,
} from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation, type PgInstrumentationConfig } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { DROP_IF_IDLE_ATTRIBUTE, IDLE_ATTRIBUTE, isIdleResult, QuietTracesProcessor } from './quiet-traces';

let sdk: NodeSDK | undefined;
let quiet: QuietTracesProcessor | undefined;

/** Whether spans are being made in this process; when not, span helpers run the work directly. */
export function tracingActive(): boolean {
  return sdk !== undefined;
}

/**
 * Database work outside any span (start-up, a poll that found nothing) is not traced: every request, event and busy
 * background pass runs inside a span, so nothing of interest is lost, and idle polling makes no spans at all.
 */
export const PG_TRACING: PgInstrumentationConfig = { requireParentSpan: true };

/** The instrumentations every process uses. */
export function tracingInstrumentations() {
  return [new HttpInstrumentation(), new PgInstrumentation(PG_TRACING)];
}

/**
 * Starts OpenTelemetry for a process when there is somewhere to send spans (OTEL_EXPORTER_OTLP_ENDPOINT, or
 * OTEL_TRACES=on to make spans without exporting them, which is how the cost of tracing itself is measured). Without
 * either the request path pays nothing for tracing; request ids still travel in NATS headers and logs either way.
 * Metrics and logs go through OpenTelemetry only when OTEL_METRICS_EXPORTER / OTEL_LOGS_EXPORTER say so (the SDK
 * would otherwise start OTLP exporters for both); Prometheus metrics are served by the gateway regardless.
 */
export function startTracing(serviceName: string, opts: { spanProcessors?: SpanProcessor[] } = {}): void {
  if (sdk || process.env.OTEL_SDK_DISABLED === 'true') return;
  const exporting = !!process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!exporting && process.env.OTEL_TRACES !== 'on' && !opts.spanProcessors) return;
  const processors = opts.spanProcessors ?? [exporting ? new BatchSpanProcessor(new OTLPTraceExporter()) : new NoopSpanProcessor()];
  quiet = new QuietTracesProcessor(processors);
  sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: `influgentic-${serviceName}` }),
    spanProcessors: [quiet],
    instrumentations: tracingInstrumentations(),
    ...(process.env.OTEL_METRICS_EXPORTER ? {} : { metricReaders: [] }),
    ...(process.env.OTEL_LOGS_EXPORTER ? {} : { logRecordProcessors: [] }),
  });
  sdk.start();
}

export async function stopTracing(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
  sdk = undefined;
  quiet = undefined;
}

/** Spans of idle background passes made and dropped in this process since tracing started. */
export function droppedIdleSpans(): number {
  return quiet?.droppedSpans ?? 0;
}

const tracer = () => trace.getTracer('influgentic');

/** Writes the active trace context (W3C traceparent/tracestate) into a header carrier. */
export function injectTraceHeaders(set: (key: string, value: string) => void, ctx: Context = context.active()): void {
  if (!sdk) return;
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  for (const [k, v] of Object.entries(carrier)) set(k, v);
}

async function inSpan<T>(name: string, options: SpanOptions, parent: Context, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, options, parent, async (span) => {
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

const inactiveSpan = () => trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * Runs `fn` inside a span whose parent comes from incoming headers (a hop over NATS, or a row of the outbox). Without
 * trace headers the span starts a trace of its own: it never joins whatever happens to be active in this process.
 */
export async function withRemoteSpan<T>(
  name: string, headers: Record<string, string | undefined>, fn: (span: Span) => Promise<T>, kind = SpanKind.CONSUMER, options: SpanOptions = {},
): Promise<T> {
  if (!sdk) return fn(inactiveSpan());
  return inSpan(name, { ...options, kind }, propagation.extract(ROOT_CONTEXT, headers), fn);
}

/** Runs `fn` inside a child span of the active context. */
export async function withSpan<T>(name: string, fn: (span: Span) => Promise<T>, kind = SpanKind.INTERNAL, options: SpanOptions = {}): Promise<T> {
  if (!sdk) return fn(inactiveSpan());
  return inSpan(name, { ...options, kind }, context.active(), fn);
}

/**
 * Runs background work (a relay drain, a pass that found work) as the root span of a short trace of its own, whatever
 * context the timer or notification that started it happened to carry.
 */
export async function withRootSpan<T>(name: string, fn: (span: Span) => Promise<T>, options: SpanOptions = {}): Promise<T> {
  if (!sdk) return fn(inactiveSpan());
  return inSpan(name, { ...options, root: true }, ROOT_CONTEXT, fn);
}

/**
 * Runs one pass of a poller or scheduler as the root of its own trace, exported only when the pass did something:
 * when `isIdle(result)` holds, the pass and every span under it are dropped (see QuietTracesProcessor).
 */
export async function withPassSpan<T>(name: string, fn: () => Promise<T>, isIdle: (result: T) => boolean = isIdleResult): Promise<T> {
  if (!sdk) return fn();
  return inSpan(name, { root: true, attributes: { [DROP_IF_IDLE_ATTRIBUTE]: true } }, ROOT_CONTEXT, async (span) => {
    try {
      const result = await fn();
      if (isIdle(result)) span.setAttribute(IDLE_ATTRIBUTE, true);
      return result;
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    }
  });
}

/** Runs `fn` outside any trace with tracing suppressed: a poll that usually finds nothing makes no spans. */
export function untraced<T>(fn: () => T): T {
  if (!sdk) return fn();
  return context.with(suppressTracing(ROOT_CONTEXT), fn);
}

/** Runs `fn` outside any trace (work it starts begins traces of its own), tracing not suppressed. */
export function outsideTraces<T>(fn: () => T): T {
  if (!sdk) return fn();
  return context.with(ROOT_CONTEXT, fn);
}

/** A link to the active span, for work that belongs to another trace but was done by this one (a relay drain). */
export function linkToActiveSpan(): Link[] {
  const active = trace.getActiveSpan()?.spanContext();
  return active && trace.isSpanContextValid(active) ? [{ context: active }] : [];
}

/**
 * A link to the trace carried in incoming headers, for work that handles several messages at once (a consumer's
 * batch): one span for the batch, linked to each message's trace, since it cannot be the child of all of them.
 */
export function linkFromHeaders(headers: Record<string, string | undefined>): Link[] {
  if (!sdk) return [];
  const remote = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, headers));
  return remote && trace.isSpanContextValid(remote) ? [{ context: remote }] : [];
}

export function currentTraceId(): string | undefined {
  return trace.getActiveSpan()?.spanContext().traceId;
}
