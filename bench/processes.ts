import { readFileSync } from 'node:fs';
import type { BenchSection } from './lib';
import { cpuSecondsOf } from './cpu-accounting';

/** A process the bench started, by the name the report gives it. */
export interface BenchProcess { name: string; pid: number | undefined }

/** Peak resident memory (VmHWM) and CPU seconds of a live process, from /proc (Linux); null elsewhere. */
function procFigures(pid: number | undefined): { peakRssMb: number; cpuSeconds: number } | null {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return { peakRssMb: Math.round(hwmKb / 1024), cpuSeconds: Math.round(cpuSecondsOf(pid) * 10) / 10 };
  } catch {
    return null;
  }
}

/** Reads one series per service from Prometheus text: `name{…service="x"…} value`. */
function seriesByService(text: string, name: string, extra?: RegExp): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) || (extra && !extra.test(line))) continue;
    const service = /service="([^"]+)"/.exec(line)?.[1];
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (service && Number.isFinite(value)) out.set(service, (out.get(service) ?? 0) + value);
  }
  return out;
}

/** A histogram's figures for one service: its count and mean, and percentiles as the upper bound of their bucket. */
interface HistogramFigures { count: number; mean: number; p50: number; p99: number }

/**
 * A histogram per service from Prometheus text, its series summed over their other labels (e.g. GC kinds); a
 * percentile is the upper bound of the bucket it falls in (what a histogram can tell). Services that observed nothing
 * are left out.
 */
export function histogramByService(text: string, name: string): Map<string, HistogramFigures> {
  const buckets = new Map<string, Map<number, number>>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}_bucket{`)) continue;
    const service = /service="([^"]+)"/.exec(line)?.[1];
    const le = /le="([^"]+)"/.exec(line)?.[1];
    if (!service || !le) continue;
    const bound = le === '+Inf' ? Infinity : Number(le);
    const byBound = buckets.get(service) ?? new Map<number, number>();
    byBound.set(bound, (byBound.get(bound) ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1)));
    buckets.set(service, byBound);
  }
  const sums = seriesByService(text, `${name}_sum`);
  const out = new Map<string, HistogramFigures>();
  for (const [service, byBound] of buckets) {
    const list = [...byBound].sort((a, b) => a[0] - b[0]);
    const count = list[list.length - 1]?.[1] ?? 0;
    if (!count) continue;
    const at = (q: number) => list.find(([, cumulative]) => cumulative >= q * count)?.[0] ?? Infinity;
    out.set(service, { count, mean: (sums.get(service) ?? 0) / count, p50: at(0.5), p99: at(0.99) });
  }
  return out;
}

/**
 * Where each process stands after a run: peak RSS and CPU time from the kernel, event-loop delay p99 (since the
 * previous scrape) and GC time from each service's own metrics, read through the gateway's /metrics.
 */
export async function processesSection(title: string, processes: BenchProcess[], gatewayUrl: string, metricsToken: string): Promise<BenchSection> {
  const text = await fetch(`${gatewayUrl}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } }).then((r) => (r.ok ? r.text() : ''), () => '');
  const lag = { p50: seriesByService(text, 'nodejs_eventloop_lag_p50_seconds'), p99: seriesByService(text, 'nodejs_eventloop_lag_p99_seconds'), max: seriesByService(text, 'nodejs_eventloop_lag_max_seconds') };
  const gc = histogramByService(text, 'nodejs_gc_duration_seconds');
  const poolWait = histogramByService(text, 'influgentic_db_pool_wait_seconds');
  const rows = processes.map(({ name, pid }) => {
    const p = procFigures(pid);
    const ms = (m: Map<string, number>) => (m.has(name) ? msText(m.get(name)!) : '—');
    return {
      process: name, 'peak RSS MB': p?.peakRssMb ?? '—', 'CPU s': p?.cpuSeconds ?? '—',
      'event-loop delay p50 / p99 / max ms': lag.p99.has(name) ? `${ms(lag.p50)} / ${ms(lag.p99)} / ${ms(lag.max)}` : '—',
      'GC pauses: total ms, p50 / p99 ms': gcCell(gc.get(name)),
      'DB pool wait mean / p99 ms': poolWaitCell(poolWait.get(name)),
    };
  });
  return {
    title,
    rows,
    notes: [
      'Peak RSS is the kernel\'s high-water mark (VmHWM) for the whole process life; event-loop delay (Node\'s own histogram, perf_hooks.monitorEventLoopDelay, sampled every 10 ms: a loop that never stalls reads about 10) covers the time since the previous scrape.',
      'GC pauses: every collection over the process life (all kinds), their total and pause percentiles as the upper bound of their histogram bucket.',
      'DB pool wait: how long queries waited for a pooled connection over the process life (p99 as the upper bound of its histogram bucket).',
    ],
  };
}

/** Seconds as milliseconds with one decimal; a value past a histogram's last bound is only "more than" it. */
const msText = (seconds: number, lastBound = '5000') => (Number.isFinite(seconds) ? String(Math.round(seconds * 10_000) / 10) : `> ${lastBound}`);

function poolWaitCell(w: HistogramFigures | undefined): string {
  if (!w) return '—';
  return `${msText(w.mean)} / ≤ ${msText(w.p99)} (${w.count.toLocaleString('en-US')} checkouts)`;
}

function gcCell(g: HistogramFigures | undefined): string {
  if (!g) return '—';
  return `${msText(g.mean * g.count)}, ≤ ${msText(g.p50, '1000')} / ≤ ${msText(g.p99, '1000')} (${g.count.toLocaleString('en-US')} pauses)`;
}
