import { readFileSync } from 'node:fs';

/** The parts of a V8 `.cpuprofile` the summary reads. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  /** Wall time the profile covers, and the part of it the thread was busy (not idle), in ms. */
  wallMs: number;
  busyMs: number;
  /** Self time by where the code lives: a package, our own app or library, Node's internals, GC. */
  byOwner: Array<{ owner: string; ms: number; share: number }>;
  /** Functions with the most self time. */
  topFunctions: Array<{ fn: string; owner: string; ms: number; share: number }>;
}

/** `node_modules/@scope/pkg/…` → `@scope/pkg`; `apps/x/…`/`libs/x/…` → `apps/x`; `node:…` → `node`. */
export function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'V8 / native';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node';
  const own = /\/((?:apps|libs)\/[^/]+)\//.exec(url);
  if (own) return own[1];
  return url.replace(/^.*\//, '');
}

/** Self time per function and per owner from the sample stream (each sample's delta is charged to its node). */
export function summarizeProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The profiler's own work (stopping and serializing the profile) is not the process's.
  const profilerOwn = (id: number): boolean => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      if (byId.get(cur)!.callFrame.url.endsWith('cpu-profiler.js')) return true;
    }
    return false;
  };
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const owners = new Map<string, number>();
  const fns = new Map<string, { owner: string; us: number }>();
  let idleUs = 0;
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    totalUs += us;
    if (functionName === '(idle)' || profilerOwn(id)) { idleUs += us; continue; }
    const owner = ownerOf(url, functionName);
    owners.set(owner, (owners.get(owner) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*?((?:node_modules|apps|libs)\/)/, '$1')}:${lineNumber + 1}` : ''}`.trim();
    const entry = fns.get(key) ?? { owner, us: 0 };
    entry.us += us;
    fns.set(key, entry);
  }
  const busyUs = totalUs - idleUs;
  const ms = (us: number) => Math.round(us / 100) / 10;
  const share = (us: number) => (busyUs ? Math.round((us / busyUs) * 1000) / 10 : 0);
  return {
    wallMs: ms(profile.endTime - profile.startTime),
    busyMs: ms(busyUs),
    byOwner: [...owners].sort((a, b) => b[1] - a[1]).slice(0, top).map(([owner, us]) => ({ owner, ms: ms(us), share: share(us) })),
    topFunctions: [...fns].sort((a, b) => b[1].us - a[1].us).slice(0, top).map(([fn, e]) => ({ fn, owner: e.owner, ms: ms(e.us), share: share(e.us) })),
  };
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  for (const file of process.argv.slice(2)) {
    const s = summarizeProfile(file, 25);
    process.stdout.write(`\n== ${file}: wall ${s.wallMs} ms, busy ${s.busyMs} ms\n`);
    for (const o of s.byOwner) process.stdout.write(`  ${String(o.share).padStart(5)}%  ${o.owner}\n`);
    process.stdout.write('  --\n');
    for (const f of s.topFunctions) process.stdout.write(`  ${String(f.share).padStart(5)}%  ${f.fn}\n`);
  }
}
