import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Set when a background pass starts its root span: hold the trace back until the pass says whether it did anything. */
export const DROP_IF_IDLE_ATTRIBUTE = 'influgentic.drop_if_idle';
/** Set on that root span when the pass found nothing to do: the whole trace is then dropped. */
export const IDLE_ATTRIBUTE = 'influgentic.idle';

/** A background pass that makes more spans than this is busy, whatever it returns: its trace is let through. */
const MAX_HELD_SPANS_PER_TRACE = 256;
/** Decisions remembered for spans that end after their pass (a straggling query); older ones are forgotten. */
const REMEMBERED_DECISIONS = 512;

interface HeldTrace {
  rootSpanId: string;
  spans: ReadableSpan[];
  /** Let through already (too many spans to hold): later spans pass as they end. */
  released: boolean;
}

/**
 * Wraps the span processors that export, so pollers that find nothing export nothing.
 *
 * A scheduler or poller pass runs as the root of its own trace marked `influgentic.drop_if_idle`. The spans of such a
 * trace are held here until the root ends; if the pass reported itself idle (`influgentic.idle`), they are all dropped,
 * otherwise they go on to the exporters as usual. Every other trace passes straight through. Memory is bounded: a
 * pass that makes many spans is let through early, and only recent decisions are remembered.
 */
export class QuietTracesProcessor implements SpanProcessor {
  private readonly held = new Map<string, HeldTrace>();
  private readonly dropped = new Map<string, true>();
  /** Spans of idle passes dropped so far (a measure of polling that would otherwise have been exported). */
  droppedSpans = 0;

  constructor(private readonly next: SpanProcessor[]) {}

  onStart(span: Span, parentContext: Context): void {
    const ctx = span.spanContext();
    if (span.attributes[DROP_IF_IDLE_ATTRIBUTE] === true && !span.parentSpanContext) {
      this.held.set(ctx.traceId, { rootSpanId: ctx.spanId, spans: [], released: false });
    }
    for (const p of this.next) p.onStart(span, parentContext);
  }

  onEnding(span: Span): void {
    for (const p of this.next) p.onEnding?.(span);
  }

  onEnd(span: ReadableSpan): void {
    const { traceId, spanId } = span.spanContext();
    const held = this.held.get(traceId);
    if (!held) {
      if (this.dropped.has(traceId)) this.droppedSpans++;
      else this.forward(span);
      return;
    }
    if (spanId !== held.rootSpanId) {
      if (held.released) return this.forward(span);
      held.spans.push(span);
      if (held.spans.length >= MAX_HELD_SPANS_PER_TRACE) this.release(held);
      return;
    }
    this.held.delete(traceId);
    if (span.attributes[IDLE_ATTRIBUTE] === true && !held.released) {
      this.droppedSpans += held.spans.length + 1;
      this.remember(traceId);
      return;
    }
    this.release(held);
    this.forward(span);
  }

  async forceFlush(): Promise<void> {
    await Promise.all(this.next.map((p) => p.forceFlush()));
  }

  async shutdown(): Promise<void> {
    this.held.clear();
    await Promise.all(this.next.map((p) => p.shutdown()));
  }

  private release(held: HeldTrace): void {
    held.released = true;
    for (const s of held.spans.splice(0)) this.forward(s);
  }

  private forward(span: ReadableSpan): void {
    for (const p of this.next) p.onEnd(span);
  }

  private remember(traceId: string): void {
    this.dropped.set(traceId, true);
    if (this.dropped.size > REMEMBERED_DECISIONS) this.dropped.delete(this.dropped.keys().next().value!);
  }
}

/**
 * Whether a pass's result means it found nothing to do: nothing, false, zero, an empty list, or an object whose
 * values are all idle (`{ started: 0, completed: 0 }`).
 */
export function isIdleResult(value: unknown, depth = 0): boolean {
  if (value === undefined || value === null || value === false || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && depth < 2 && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value).every((v) => isIdleResult(v, depth + 1));
  }
  return false;
}
