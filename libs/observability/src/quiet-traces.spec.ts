import { context, trace, type Tracer } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { DROP_IF_IDLE_ATTRIBUTE, IDLE_ATTRIBUTE, isIdleResult, QuietTracesProcessor } from './quiet-traces';

describe('QuietTracesProcessor', () => {
  let exporter: InMemorySpanExporter;
  let quiet: QuietTracesProcessor;
  let tracer: Tracer;

  beforeEach(() => {
    exporter = new InMemorySpanExporter();
    quiet = new QuietTracesProcessor([new SimpleSpanProcessor(exporter)]);
    tracer = new BasicTracerProvider({ spanProcessors: [quiet] }).getTracer('test');
  });

  /** A pass root with `children` spans under it; returns the root, not yet ended. */
  function pass(children: number) {
    const root = tracer.startSpan('pass', { root: true, attributes: { [DROP_IF_IDLE_ATTRIBUTE]: true } });
    const ctx = trace.setSpan(context.active(), root);
    for (let i = 0; i < children; i++) tracer.startSpan(`query ${i}`, {}, ctx).end();
    return { root, ctx };
  }

  it('drops every span of a pass that reports itself idle', () => {
    const { root } = pass(3);
    root.setAttribute(IDLE_ATTRIBUTE, true);
    root.end();
    expect(exporter.getFinishedSpans()).toEqual([]);
    expect(quiet.droppedSpans).toBe(4);
  });

  it('exports a pass that did something, children included', () => {
    const { root } = pass(2);
    root.end();
    expect(exporter.getFinishedSpans().map((s) => s.name).sort()).toEqual(['pass', 'query 0', 'query 1']);
  });

  it('drops a straggler that ends after its idle pass, and keeps one after a busy pass', () => {
    const idle = pass(0);
    const late = tracer.startSpan('late', {}, idle.ctx);
    idle.root.setAttribute(IDLE_ATTRIBUTE, true);
    idle.root.end();
    late.end();
    const busy = pass(0);
    const lateBusy = tracer.startSpan('late busy', {}, busy.ctx);
    busy.root.end();
    lateBusy.end();
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['pass', 'late busy']);
  });

  it('lets other traces through untouched, at once', () => {
    const request = tracer.startSpan('GET /v1/agents');
    const child = tracer.startSpan('query', {}, trace.setSpan(context.active(), request));
    child.end();
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['query']);
    request.end();
    expect(exporter.getFinishedSpans()).toHaveLength(2);
  });

  it('holds a bounded number of spans: a pass that makes many is let through before it ends', () => {
    const { root } = pass(300);
    expect(exporter.getFinishedSpans().length).toBeGreaterThanOrEqual(256);
    root.setAttribute(IDLE_ATTRIBUTE, true);
    root.end();
    expect(exporter.getFinishedSpans()).toHaveLength(301);
  });
});

describe('isIdleResult', () => {
  it.each([undefined, null, false, 0, [], {}, { started: 0, completed: 0 }, { outbox: 0, inbox: 0 }])('treats %p as idle', (value) => {
    expect(isIdleResult(value)).toBe(true);
  });

  it.each([1, true, [1], { started: 0, completed: 2 }, 'done', new Date()])('treats %p as work done', (value) => {
    expect(isIdleResult(value)).toBe(false);
  });
});
