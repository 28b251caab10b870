import { readdirSync, readFileSync } from 'node:fs';
import type { BenchProcess } from './processes';

/** CPU seconds used so far by each group of processes on the machine that a request passes through. */
export type CpuSnapshot = Map<string, number>;

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a live process has used, from /proc (Linux); 0 when it cannot be read. */
export function cpuSecondsOf(pid: number): number {
  try {
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Pids whose command name is `comm` (e.g. every Postgres backend), from /proc (Linux). */
function pidsNamed(comm: string): number[] {
  const pids: number[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === comm) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * A snapshot of CPU time: each platform process the bench started, the NATS server, all Postgres processes together,
 * and the bench process itself (the load generator). Postgres backends that exit between two snapshots take their
 * CPU with them, so its figure is a floor.
 */
export function snapshotCpu(processes: BenchProcess[]): CpuSnapshot {
  const snap: CpuSnapshot = new Map();
  for (const p of processes) if (p.pid) snap.set(p.name, cpuSecondsOf(p.pid));
  snap.set('nats-server', pidsNamed('nats-server').reduce((s, pid) => s + cpuSecondsOf(pid), 0));
  snap.set('postgres', pidsNamed('postgres').reduce((s, pid) => s + cpuSecondsOf(pid), 0));
  const own = process.cpuUsage();
  snap.set('load generator', (own.user + own.system) / 1e6);
  return snap;
}

/** CPU µs per request of each group between two snapshots (groups that used none are left out). */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number): Map<string, number> {
  const out = new Map<string, number>();
  if (!requests) return out;
  for (const [group, end] of after) {
    const used = end - (before.get(group) ?? end);
    if (used > 0) out.set(group, Math.round((used * 1e6) / requests));
  }
  return out;
}
