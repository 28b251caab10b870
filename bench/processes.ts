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

/**
 * A histogram's p99 per service from Prometheus text, as the upper bound of the bucket it falls in (what a histogram
 * can tell), with the mean beside it; null where the service observed nothing.
 */
function histogramByService(text: string, name: string): Map<string, { p99: number; mean: number; count: number }> {
  const buckets = new Map<string, Array<[number, number]>>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}_bucket{`)) continue;
    const service = /service="([^"]+)"/.exec(line)?.[1];
    const le = /le="([^"]+)"/.exec(line)?.[1];
    if (!service || !le) continue;
    const list = buckets.get(service) ?? [];
    list.push([le === '+Inf' ? Infinity : Number(le), Number(line.slice(line.lastIndexOf(' ') + 1))]);
    buckets.set(service, list);
  }
  const sums = seriesByService(text, `${name}_sum`);
  const out = new Map<string, { p99: number; mean: number; count: number }>();
  for (const [service, list] of buckets) {
    list.sort((a, b) => a[0] - b[0]);
    const count = list[list.length - 1]?.[1] ?? 0;
    if (!count) continue;
    const p99 = list.find(([, cumulative]) => cumulative >= 0.99 * count)?.[0] ?? Infinity;
    out.set(service, { p99, mean: (sums.get(service) ?? 0) / count, count });
  }
  return out;
}

/**
 * Where each process stands after a run: peak RSS and CPU time from the kernel, event-loop delay p99 (since the
 * previous scrape) and GC time from each service's own metrics, read through the gateway's /metrics.
 */
export async function processesSection(title: string, processes: BenchProcess[], gatewayUrl: string, metricsToken: string): Promise<BenchSection> {
  const text = await fetch(`${gatewayUrl}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } }).then((r) => (r.ok ? r.text() : ''), () => '');
  const lag = seriesByService(text, 'nodejs_eventloop_lag_p99_seconds');
  const gc = seriesByService(text, 'nodejs_gc_duration_seconds_sum');
  const poolWait = histogramByService(text, 'influgentic_db_pool_wait_seconds');
  const rows = processes.map(({ name, pid }) => {
    const p = procFigures(pid);
    const ms = (m: Map<string, number>) => (m.has(name) ? Math.round(m.get(name)! * 10_000) / 10 : '—');
    return {
      process: name, 'peak RSS MB': p?.peakRssMb ?? '—', 'CPU s': p?.cpuSeconds ?? '—',
      'event-loop delay p99 ms': ms(lag), 'GC total ms': ms(gc),
      'DB pool wait mean / p99 ms': poolWaitCell(poolWait.get(name)),
    };
  });
  return {
    title,
    rows,
    notes: [
      'Peak RSS is the kernel\'s high-water mark (VmHWM) for the whole process life; event-loop delay p99 covers the time since the previous scrape.',
      'DB pool wait: how long queries waited for a pooled connection over the process life (p99 as the upper bound of its histogram bucket).',
    ],
  };
}

function poolWaitCell(w: { p99: number; mean: number; count: number } | undefined): string {
  if (!w) return '—';
  const ms = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 10_000) / 10) : '> 5000');
  return `${ms(w.mean)} / ≤ ${ms(w.p99)} (${w.count.toLocaleString('en-US')} checkouts)`;
}
