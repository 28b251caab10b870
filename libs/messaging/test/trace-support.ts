import { trace } from '@opentelemetry/api';
import type { InstrumentationBase } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { PG_TRACING, startTracing, stopTracing } from '@influgentic/observability';

const undo: Array<() => void> = [];

/**
 * Starts tracing for a test file the way a service process does, exporting to memory. jest loads modules through its
 * own registry, which the instrumentations' load hooks do not see, so http and pg are patched here, with the
 * configuration the services use, on the module instances this file uses (and unpatched when it stops).
 */
export function startTestTracing(name: string): InMemorySpanExporter {
  process.env.OTEL_SDK_DISABLED = 'false';
  const exporter = new InMemorySpanExporter();
  startTracing(name, { spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const instrumentations: InstrumentationBase[] = [new HttpInstrumentation({ enabled: false }), new PgInstrumentation({ ...PG_TRACING, enabled: false })];
  for (const instrumentation of instrumentations) {
    instrumentation.setTracerProvider(trace.getTracerProvider());
    for (const def of instrumentation.getModuleDefinitions()) {
      const exports = require(def.name);
      def.patch?.(exports);
      undo.push(() => def.unpatch?.(exports));
    }
  }
  return exporter;
}

export async function stopTestTracing(): Promise<void> {
  for (const u of undo.splice(0).reverse()) u();
  await stopTracing();
  process.env.OTEL_SDK_DISABLED = 'true';
}

export const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;
export const spanId = (span: ReadableSpan): string => span.spanContext().spanId;
export const traceOf = (span: ReadableSpan): string => span.spanContext().traceId;
