import autocannon from 'autocannon';

/** What every bench section gets: a running platform (separate processes) and keys to call it with. */
export interface BenchContext {
  gatewayUrl: string;
  /** The bare Fastify + pg server answering the same queries (bench/baseline-server.ts). */
  baselineUrl: string;
  /** Sandbox key (not rate limited) of org_default with every scope. */
  sandboxToken: string;
  /** Live key of org_default (enterprise plan, limits raised above the offered load) with every scope: the limiter is on. */
  liveToken: string;
  adminToken: string;
  databaseUrl: string;
  /** Scales durations down for a quick run (`npm run bench -- --quick`). */
  quick: boolean;
  log: (line: string) => void;
}

/** Latency percentiles (ms). `p95` is NaN where the tool does not give one (autocannon's histogram stops at p90, p97.5). */
export interface LatencyStats { p50: number; p95: number; p97_5: number; p99: number; mean: number; max: number }
export interface HttpRun extends LatencyStats {
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** CPU the load generator itself used, in % of one core, so its own stalls are not mistaken for the platform's. */
  loadGenCpuPct: number;
}

/** CPU this process uses between `start()` and the returned function's call, in % of one core. */
export function cpuMeter(): () => number {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return () => {
    const used = process.cpuUsage(cpu0);
    const wallUs = (performance.now() - t0) * 1000;
    return wallUs > 0 ? Math.round(((used.user + used.system) / wallUs) * 100) : 0;
  };
}

/** One row of an HTTP run in a report table; failed requests are counted, and a missing p95 shows as such. */
export function httpRow(run: string, r: HttpRun): Record<string, string | number> {
  const ms = (v: number) => (Number.isNaN(v) ? '—' : v);
  return {
    run, 'req/s': r.rps, 'p50 ms': r.p50, 'p95 ms': ms(r.p95), 'p97.5 ms': ms(r.p97_5), 'p99 ms': r.p99,
    'failed + non-2xx': r.errors + r.non2xx, 'load generator CPU %': r.loadGenCpuPct,
  };
}

/** One named table of results in the report; `rows` become a markdown table, `notes` lines under it. */
export interface BenchSection {
  title: string;
  rows: Array<Record<string, string | number | boolean | null>>;
  notes?: string[];
  /** Pass/fail against the targets, reported beside the figures. */
  targets?: Array<{ name: string; target: string; measured: string; met: boolean }>;
}

export interface HttpLoad {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Several request variants cycled through (e.g. different filters). */
  requests?: Array<{ path?: string; method?: string; body?: string; headers?: Record<string, string> }>;
  connections?: number;
  durationSec?: number;
  /** Fixed total request rate (req/s) instead of as fast as possible. */
  overallRate?: number;
}

/** HTTP load with autocannon: throughput and latency percentiles (ms). */
export async function measureHttp(load: HttpLoad): Promise<HttpRun> {
  const cpu = cpuMeter();
  const result = await autocannon({
    url: load.url,
    method: load.method ?? 'GET',
    headers: load.headers,
    body: load.body,
    requests: load.requests as autocannon.Request[] | undefined,
    connections: load.connections ?? 32,
    duration: load.durationSec ?? 10,
    overallRate: load.overallRate,
  });
  return {
    rps: Math.round(result.requests.average),
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    p50: result.latency.p50,
    p95: NaN,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    mean: Math.round(result.latency.average * 100) / 100,
    max: result.latency.max,
    loadGenCpuPct: cpu(),
  };
}

/** Percentiles of a list of samples (ms). */
export function stats(samples: number[]): LatencyStats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p97_5: round(at(0.975)), p99: round(at(0.99)), mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)), max: round(s[s.length - 1] ?? NaN) };
}

/**
 * Open-loop load at an even pace: one request every 1000/rate ms, each timed from its scheduled start (so a stall
 * shows up in the latency instead of silently delaying later requests). Used for "latency at a given rate", where
 * a closed-loop tool's bursts would measure its own queueing.
 */
export async function measureFixedRate(load: { url: string; paths: string[]; headers?: Record<string, string>; rate: number; durationSec: number }): Promise<HttpRun> {
  const http = await import('node:http');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const base = new URL(load.url);
  const cpu = cpuMeter();
  const interval = 1000 / load.rate;
  const total = Math.max(1, Math.round(load.rate * load.durationSec));
  const samples: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const path = load.paths[i % load.paths.length];
    inflight.push(new Promise<void>((resolve) => {
      const req = http.request({ host: base.hostname, port: base.port, path, method: 'GET', headers: load.headers, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          samples.push(performance.now() - due);
          if (res.statusCode! < 200 || res.statusCode! >= 300) non2xx++;
          resolve();
        });
      });
      // A failed request counts in the latency too, with the time it took to fail.
      req.on('error', () => { errors++; samples.push(performance.now() - due); resolve(); });
      req.end();
    }));
  }
  await Promise.all(inflight);
  agent.destroy();
  const elapsed = (performance.now() - start) / 1000;
  return { ...stats(samples), rps: Math.round((samples.length - errors) / elapsed), requests: samples.length, errors, non2xx, loadGenCpuPct: cpu() };
}
