import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpRow, measureHttp, type BenchSection, type HttpRun } from './lib';

/** An OTLP/HTTP (JSON) trace receiver on loopback that counts the spans it is sent: the collector a traced install has. */
export class SpanSink {
  spans = 0;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: unknown[] }> }> };
          for (const r of body.resourceSpans ?? []) for (const s of r.scopeSpans ?? []) this.spans += s.spans?.length ?? 0;
        } catch {
          // Not JSON (a protobuf exporter): accepted, not counted.
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export interface TracedPlatform { gatewayUrl: string; liveToken: string; stop: () => Promise<void> }

/**
 * The same filter + sort peak with tracing off (this platform) and on (a platform restarted with an OTLP exporter
 * pointed at a SpanSink): what tracing costs a customer's request when it is switched on.
 */
export async function tracingOverheadSection(opts: {
  size: number; untraced: { gatewayUrl: string; liveToken: string }; paths: string[]; durationSec: number;
  restartTraced: (otlpEndpoint: string) => Promise<TracedPlatform>;
}): Promise<BenchSection> {
  const load = (url: string, token: string): Promise<HttpRun> => measureHttp({
    url, headers: { authorization: `Bearer ${token}` }, requests: opts.paths.map((path) => ({ path })), connections: 32, durationSec: opts.durationSec,
  });
  const off = await load(opts.untraced.gatewayUrl, opts.untraced.liveToken);
  const sink = new SpanSink();
  const endpoint = await sink.start();
  let on: HttpRun;
  let spansPerRequest = 0;
  const traced = await opts.restartTraced(endpoint);
  try {
    await load(traced.gatewayUrl, traced.liveToken); // warm-up, as the untraced platform had
    const before = sink.spans;
    on = await load(traced.gatewayUrl, traced.liveToken);
    // Spans leave in batches (every 5 s by default): wait for the last of this run's.
    await new Promise((r) => setTimeout(r, 6000));
    spansPerRequest = on.requests ? Math.round(((sink.spans - before) / on.requests) * 10) / 10 : 0;
  } finally {
    await traced.stop();
    await sink.stop();
  }
  const ratio = off.rps ? on.rps / off.rps : 0;
  return {
    title: `Tracing overhead — GET /v1/agents filter + sort, ${opts.size.toLocaleString('en-US')} agents, live key, limiter on (peak, 32 connections)`,
    rows: [httpRow('tracing off (the default: no exporter configured)', off), httpRow('tracing on: every span exported over OTLP/HTTP to a collector on loopback', on)],
    notes: [
      `throughput with tracing on / off = ${ratio.toFixed(2)}; p50 ${off.p50} → ${on.p50} ms, p99 ${off.p99} → ${on.p99} ms`,
      `spans received by the collector per request: ${spansPerRequest} (gateway route span, NATS CLIENT span, service SERVER span, pg spans)`,
    ],
  };
}
