// `npm run bench`: starts the platform as separate processes on a bench database, seeds 100k then 1M agents, and
// measures the gateway against a bare Fastify + pg baseline in the same run; then the campaigns and content
// sections. Writes bench/results/bench-report.md and .json.
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { httpRow, measureFixedRate, measureHttp, type BenchContext, type BenchSection, type HttpRun } from './lib';
import { summarizeProfile } from './profiling/profile-summary';
import { tracingOverheadSection } from './tracing-overhead';
import { cpuPerRequest, snapshotCpu } from './cpu-accounting';
import { processesSection, type BenchProcess } from './processes';

const root = join(__dirname, '..');
const quick = process.argv.includes('--quick');
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
const SIZES = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : quick ? [100_000] : [10_000, 100_000, 1_000_000];
const DURATION = quick ? 4 : 10;
// `--only=registry,campaigns,content,workflow,webhooks,analytics,media` runs just those sections (all by default).
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const ONLY = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
// `--skip=media` leaves sections out of a full run; the report says so (their own partial report keeps their figures).
const skipArg = process.argv.find((a) => a.startsWith('--skip='));
const SKIP = new Set(skipArg ? skipArg.slice('--skip='.length).split(',') : []);
const wanted = (section: string) => (!ONLY || ONLY.has(section)) && !SKIP.has(section);
const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

const children: ChildProcess[] = [];
const PROFILE_DIR = join(root, 'bench', 'results', 'profiles');
/** Catalog size × connections for the cheap query, filled by every registry section. */
const growth: Array<Record<string, string | number>> = [];
/** The processes of the platform now running, by name, for the per-process figures. */
let running: BenchProcess[] = [];
function startProcess(name: string, script: string, env: NodeJS.ProcessEnv, ready: (line: string) => boolean): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // Every platform process can profile a measured window of itself on request (bench/profiling/cpu-profiler.js).
    const child = spawn(process.execPath, ['-r', './bench/profiling/cpu-profiler.js', 'scripts/run-ts.js', script], {
      cwd: root, env: { ...env, CPU_PROFILE_DIR: PROFILE_DIR, CPU_PROFILE_NAME: name }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    running.push({ name, pid: child.pid });
    let done = false;
    const onLine = (buf: Buffer) => {
      const text = buf.toString();
      if (!done && ready(text)) { done = true; resolve(child); }
    };
    child.stdout!.on('data', onLine);
    child.stderr!.on('data', (b: Buffer) => { if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${b}`); });
    child.on('exit', (code) => { if (!done) reject(new Error(`${name} exited with ${code}`)); });
    const timer = setTimeout(() => { if (!done) reject(new Error(`${name} did not become ready`)); }, 120_000);
    timer.unref();
  });
}

async function waitReady(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(`${url}/ready`).then((r) => r.status === 200, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error('platform did not become ready');
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function seed(env: NodeJS.ProcessEnv, count: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/run-ts.js', 'tools/seed/seed-cli.ts', '--agents', String(count)], { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited with ${code}`))));
  });
}

const CATEGORIES = ['tech', 'beauty', 'fitness', 'food', 'travel', 'gaming', 'finance', 'automotive'];
const TERMS = ['sustainable fashion', 'skincare', 'marathon', 'vegan recipes', 'electric vehicles', 'budget travel', 'esports', 'personal finance'];

/**
 * The catalog list as customers call it: a live key with the rate limiter on (the bench organization's limits are
 * raised above the offered load), against the baseline; the sandbox key (limiter off) beside it shows the limiter's cost.
 */
async function registrySection(size: number, gatewayUrl: string, baselineUrl: string, ctx: BenchContext): Promise<BenchSection[]> {
  const headers = { authorization: `Bearer ${ctx.liveToken}` };
  const sandboxHeaders = { authorization: `Bearer ${ctx.sandboxToken}` };
  const filterReqs = CATEGORIES.map((c) => ({ path: `/v1/agents?category=${c}&sort=rating&limit=20` }));
  const qReqs = TERMS.map((t) => ({ path: `/v1/agents?q=${encodeURIComponent(t)}&limit=20` }));
  const sections: BenchSection[] = [];
  for (const [label, requests] of [['filter + sort (category, sort=rating)', filterReqs], ['full-text q', qReqs]] as const) {
    log(`${size}: ${label}: warming up`);
    // Warm-up at full concurrency: prepared statements on every pooled connection, JIT, estimate caches.
    await measureHttp({ url: gatewayUrl, headers, requests: [...requests], connections: 32, durationSec: 3 });
    await measureHttp({ url: baselineUrl, requests: [...requests], connections: 32, durationSec: 3 });
    log(`${size}: ${label}: gateway peak`);
    const cpuBefore = snapshotCpu(running);
    const gw = await measureHttp({ url: gatewayUrl, headers, requests: [...requests], connections: 32, durationSec: DURATION });
    const cpuBetween = snapshotCpu(running);
    log(`${size}: ${label}: baseline peak`);
    const base = await measureHttp({ url: baselineUrl, requests: [...requests], connections: 32, durationSec: DURATION });
    const cpuAfter = snapshotCpu(running);
    if (label.startsWith('filter')) {
      sections.push(cpuSection(`CPU per request — filter + sort peak, ${size.toLocaleString('en-US')} agents: the gateway path against the baseline`,
        cpuPerRequest(cpuBefore, cpuBetween, gw.requests), cpuPerRequest(cpuBetween, cpuAfter, base.requests), gw, base));
    }
    if (label.startsWith('filter')) {
      // How cost grows with the number of clients at this catalog size (one combined table at the end).
      for (const connections of [1, 8, 32, 128]) {
        log(`${size}: ${label}: ${connections} connections`);
        const r = await measureHttp({ url: gatewayUrl, headers, requests: [...requests], connections, durationSec: quick ? 2 : 5 });
        growth.push({ agents: size.toLocaleString('en-US'), connections, ...httpRow('gateway, live key', r) });
      }
    }
    if (label.startsWith('filter')) {
      // A separate run under the profiler (sampling slows the processes a little, so no figure above comes from it).
      log(`${size}: ${label}: CPU profiles of gateway and registry`);
      sections.push(await profiledSection(`Where the time goes — CPU profiles during the filter + sort peak (32 connections), ${size.toLocaleString('en-US')} agents`,
        ['gateway', 'registry'], () => measureHttp({ url: gatewayUrl, headers, requests: [...requests], connections: 32, durationSec: quick ? 3 : 5 })));
    }
    log(`${size}: ${label}: gateway peak, sandbox key (limiter off)`);
    const sandbox = await measureHttp({ url: gatewayUrl, headers: sandboxHeaders, requests: [...requests], connections: 32, durationSec: DURATION });
    log(`${size}: ${label}: gateway at half its peak (${Math.round(gw.rps / 2)} req/s)`);
    const half = await measureFixedRate({ url: gatewayUrl, headers, paths: requests.map((r) => r.path), rate: Math.max(1, Math.round(gw.rps / 2)), durationSec: DURATION });
    // Search latency under light load, apart from queueing at high rates.
    const light = label === 'full-text q' ? await measureFixedRate({ url: gatewayUrl, headers, paths: requests.map((r) => r.path), rate: 20, durationSec: DURATION }) : undefined;
    // The same statements at the same rate without the platform: where this is slow too, the time is in Postgres.
    const lightBase = light ? await measureFixedRate({ url: baselineUrl, paths: requests.map((r) => r.path), rate: 20, durationSec: DURATION }) : undefined;
    const ratio = base.rps ? gw.rps / base.rps : 0;
    const targets = [
      { name: 'gateway throughput ≥ 0.6 × baseline', target: '≥ 0.60', measured: ratio.toFixed(2), met: ratio >= 0.6 },
      { name: 'p99 at half of gateway peak ≤ 25 ms', target: '≤ 25 ms', measured: `${half.p99} ms`, met: half.p99 <= 25 },
    ];
    if (light && size >= 1_000_000) {
      targets.push({ name: 'q search p95 at 1M ≤ 30 ms (20 req/s)', target: '≤ 30 ms', measured: `${light.p95} ms`, met: light.p95 <= 30 });
      targets.push({ name: 'q search p95 at 1M ≤ 30 ms (half peak)', target: '≤ 30 ms', measured: `${half.p95} ms`, met: half.p95 <= 30 });
    }
    sections.push({
      title: `GET /v1/agents — ${label} — ${size.toLocaleString('en-US')} agents`,
      rows: [
        httpRow('gateway, live key, limiter on (peak, 32 connections)', gw), httpRow('baseline Fastify + pg, same SQL (peak, 32 connections)', base),
        httpRow('gateway, sandbox key, limiter off (peak, 32 connections)', sandbox),
        httpRow(`gateway, live key, at half its peak (${Math.round(gw.rps / 2)} req/s, open loop)`, half),
        ...(light ? [httpRow('gateway, live key, at 20 req/s, open loop', light)] : []),
        ...(lightBase ? [httpRow('baseline Fastify + pg, same SQL, at 20 req/s, open loop', lightBase)] : []),
      ],
      notes: [`throughput ratio gateway (live key) / baseline = ${ratio.toFixed(2)}; limiter cost: live ${gw.rps} vs sandbox ${sandbox.rps} req/s`],
      targets,
    });
  }
  return sections;
}

/**
 * Where each request's CPU goes, per process, on the gateway path and on the baseline (from /proc, over the two peak
 * runs above): on a machine whose cores every process shares, the sum bounds the throughput.
 */
function cpuSection(title: string, path: Map<string, number>, baseline: Map<string, number>, gw: HttpRun, base: HttpRun): BenchSection {
  const groups = [...new Set([...path.keys(), ...baseline.keys()])];
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const cores = require('node:os').cpus().length as number;
  const ceiling = (m: Map<string, number>) => (sum(m) ? Math.round((cores * 1e6) / sum(m)) : 0);
  return {
    title,
    rows: [
      ...groups.map((g) => ({ process: g, 'gateway path µs / request': path.get(g) ?? '—', 'baseline µs / request': baseline.get(g) ?? '—' })),
      { process: 'total', 'gateway path µs / request': sum(path), 'baseline µs / request': sum(baseline) },
    ],
    notes: [
      `CPU-bound ceiling on ${cores} cores (${cores} × 1 s ÷ total): gateway path ${ceiling(path)} req/s (measured ${gw.rps}), baseline ${ceiling(baseline)} req/s (measured ${base.rps}).`,
      'The gateway path runs two Node.js processes and two NATS hops (gateway → NATS → registry → NATS → gateway) where the baseline runs one process: each hop is a socket write and read on both sides, and these processes share the cores with Postgres, the NATS server and the load generator. Idle services\' background work during the run is included.',
    ],
  };
}

/**
 * Runs `load` with the named processes' sampling profilers on (SIGWINCH starts and stops them, see
 * bench/profiling/cpu-profiler.js) and summarizes where each spent its CPU: self time by package and the top functions.
 */
async function profiledSection(title: string, names: string[], load: () => Promise<HttpRun>): Promise<BenchSection> {
  const targets = running.filter((p) => names.includes(p.name) && p.pid);
  const before = new Map(targets.map((p) => [p.name, profileFiles(p.name)]));
  for (const p of targets) process.kill(p.pid!, 'SIGWINCH');
  await new Promise((r) => setTimeout(r, 200));
  const run = await load();
  for (const p of targets) process.kill(p.pid!, 'SIGWINCH');
  const rows: BenchSection['rows'] = [];
  const notes: string[] = [`profiled run: ${run.rps} req/s, p50 ${run.p50} ms (not used for any figure above)`];
  for (const p of targets) {
    const file = await newProfile(p.name, before.get(p.name)!);
    if (!file) { notes.push(`${p.name}: no profile was written`); continue; }
    const s = summarizeProfile(file, 8);
    notes.push(`${p.name}: busy ${Math.round((s.busyMs / s.wallMs) * 100)} % of ${s.wallMs} ms; top functions: ${s.topFunctions.slice(0, 6).map((f) => `${f.fn} ${f.share} %`).join('; ')}`);
    for (const o of s.byOwner) rows.push({ process: p.name, 'code (self time)': o.owner, 'ms': o.ms, '% of busy': o.share, 'µs per request': run.requests ? Math.round((o.ms * 1000) / run.requests) : '—' });
  }
  notes.push('Self time: the samples that were in that code itself (callees excluded); `node` is Node.js internals (streams, net, http), `(garbage collector)` V8\'s GC, `(program)` V8 work outside JavaScript. Profiles are kept in bench/results/profiles/ (open in Chrome DevTools).');
  return { title, rows, notes };
}

function profileFiles(name: string): Set<string> {
  try {
    return new Set(readdirSync(PROFILE_DIR).filter((f) => f.startsWith(`${name}-`)));
  } catch {
    return new Set();
  }
}

async function newProfile(name: string, before: Set<string>): Promise<string | null> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const fresh = [...profileFiles(name)].find((f) => !before.has(f));
    if (fresh) {
      await new Promise((r) => setTimeout(r, 300)); // the writer may still be flushing
      return join(PROFILE_DIR, fresh);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

function toMarkdown(sections: BenchSection[], meta: Record<string, unknown>): string {
  const out = ['# Influgentic benchmark report', '', ...Object.entries(meta).map(([k, v]) => `- ${k}: ${v}`), ''];
  for (const s of sections) {
    out.push(`## ${s.title}`, '');
    if (s.rows.length) {
      const cols = Object.keys(s.rows[0]);
      out.push(`| ${cols.join(' | ')} |`, `| ${cols.map(() => '---').join(' | ')} |`);
      for (const r of s.rows) out.push(`| ${cols.map((c) => String(r[c] ?? '')).join(' | ')} |`);
      out.push('');
    }
    for (const n of s.notes ?? []) out.push(`- ${n}`);
    if (s.targets?.length) {
      out.push('', '| target | wanted | measured | met |', '| --- | --- | --- | --- |');
      for (const t of s.targets) out.push(`| ${t.name} | ${t.target} | ${t.measured} | ${t.met ? 'yes' : 'no'} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * The web console's figures, measured in Chromium by its end-to-end test (`apps/console/test`), which writes
 * bench/results/console.json: first-load JavaScript gzipped and the catalog's filter-change time.
 */
function consoleFigures(): BenchSection | null {
  let data: { bundle: { firstLoadGzipBytes: number; totalGzipBytes: number }; measured_at: string; catalog_filter_change_ms: { samples: number[]; median: number; max: number } };
  try {
    data = JSON.parse(require('node:fs').readFileSync(join(root, 'bench', 'results', 'console.json'), 'utf8'));
  } catch {
    return null;
  }
  const kb = (b: number) => Math.round(b / 102.4) / 10;
  const raw = data.catalog_filter_change_ms;
  const ms = (n: number) => Math.round(n * 10) / 10;
  const f = { samples: raw.samples, median: ms(raw.median), max: ms(raw.max) };
  return {
    title: 'Console — measured in the browser by its end-to-end test',
    rows: [
      { figure: 'first-load JavaScript, gzipped', value: `${kb(data.bundle.firstLoadGzipBytes)} KB`, 'all JavaScript, gzipped': `${kb(data.bundle.totalGzipBytes)} KB` },
      { figure: 'catalog filter change → list re-rendered (test catalog)', value: `median ${f.median} ms, max ${f.max} ms`, 'all JavaScript, gzipped': `${f.samples.length} samples` },
    ],
    notes: [`Measured ${data.measured_at} over the test run's 2,400-agent catalog in Debian's Chromium (headless).`],
    targets: [
      { name: 'first-load JavaScript', target: '≤ 250 KB gzipped', measured: `${kb(data.bundle.firstLoadGzipBytes)} KB`, met: data.bundle.firstLoadGzipBytes <= 250 * 1024 },
      { name: 'catalog filter change', target: '< 100 ms', measured: `median ${f.median} ms, max ${f.max} ms`, met: f.median < 100 },
    ],
  };
}

interface BenchPlatform { gatewayUrl: string; baselineUrl: string; ctx: BenchContext; metricsToken: string; stop: () => Promise<void> }

/** Gateway, services and the baseline as separate processes on one bench database. */
async function startBenchPlatform(databaseUrl: string, natsUrl: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<BenchPlatform> {
  const ns = `b${randomBytes(3).toString('hex')}`;
  const liveToken = `ig_live_${randomBytes(24).toString('hex')}`;
  const adminToken = randomBytes(24).toString('hex');
  const metricsToken = randomBytes(24).toString('hex');
  running = [];
  const port = String(3800 + Math.floor(Math.random() * 50));
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, NATS_URL: natsUrl,
    INFLUGENTIC_NATS_PREFIX: ns, INFLUGENTIC_BOOTSTRAP_API_KEY: liveToken, INFLUGENTIC_ADMIN_TOKEN: adminToken, PORT: port,
    REGISTRY_TRAINING_DELAY_MS: '200', DATA_DIR: join(root, '.data', 'bench'), METRICS_TOKEN: metricsToken,
    // The webhooks section delivers to receivers on loopback; production mode needs a sealing key for secrets.
    WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_SECRET_KEY: process.env.WEBHOOKS_SECRET_KEY ?? randomBytes(32).toString('base64'),
    MEDIA_SIGNING_KEY: process.env.MEDIA_SIGNING_KEY ?? randomBytes(32).toString('base64'),
    ...extraEnv,
  };
  // Bench sections that talk to services over NATS directly must use the same namespace and server.
  Object.assign(process.env, { INFLUGENTIC_NATS_PREFIX: ns, NATS_URL: natsUrl, DATABASE_URL: databaseUrl });
  const mine: ChildProcess[] = [];
  const track = (p: Promise<ChildProcess>) => p.then((c) => { mine.push(c); return c; });
  for (const svc of ['registry', 'campaigns', 'content', 'analytics', 'webhooks']) {
    void startProcess(svc, `apps/${svc}/src/main.ts`, env, () => false).catch(() => undefined);
    mine.push(children[children.length - 1]);
  }
  await track(startProcess('gateway', 'apps/gateway/src/main.ts', env, (l) => l.includes('listening on')));
  const gatewayUrl = `http://127.0.0.1:${port}`;
  await waitReady(gatewayUrl);
  const baselinePort = String(Number(port) + 100);
  await track(startProcess('baseline', 'bench/baseline-server.ts', { ...env, BASELINE_PORT: baselinePort }, (l) => l.includes('baseline ready')));
  const sandbox = await fetch(`${gatewayUrl}/v1/api-keys`, {
    method: 'POST', headers: { authorization: `Bearer ${liveToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench sandbox', scopes: ['agents:read', 'agents:write', 'campaigns:read', 'campaigns:write', 'content:read', 'content:write', 'content:generate', 'analytics:read', 'analytics:write', 'webhooks:read', 'webhooks:write'], mode: 'test' }),
  }).then((r) => r.json() as Promise<{ token: string }>);
  // The customer path: a live key with the limiter on, for an organization whose limits exceed the offered load.
  const limits = await fetch(`${gatewayUrl}/admin/v1/organizations/org_default`, {
    method: 'PATCH', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rate_limits: { read: 10_000_000, write: 10_000_000, generate: 1_000_000, ingest: 10_000_000 } }),
  });
  if (!limits.ok) throw new Error(`could not raise the bench organization's rate limits: ${limits.status} ${await limits.text()}`);
  return {
    gatewayUrl, baselineUrl: `http://127.0.0.1:${baselinePort}`,
    ctx: { gatewayUrl, baselineUrl: `http://127.0.0.1:${baselinePort}`, sandboxToken: sandbox.token, liveToken, adminToken, databaseUrl, quick, log },
    metricsToken,
    stop: async () => {
      for (const c of mine) c.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 2000));
    },
  };
}

async function main() {
  const { ensureInfra } = require('../scripts/infra');
  // Profiles of this run only (a file of an earlier run must not be taken for a new one).
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  const sections: BenchSection[] = [];
  const started = Date.now();
  const stops: Array<() => Promise<void>> = [];
  try {
    for (const [i, size] of SIZES.entries()) {
      // One database per catalog size, kept between runs so the seed is paid once.
      delete process.env.DATABASE_URL;
      const infra = await ensureInfra({ database: `influgentic_bench_${size}`, log });
      stops.push(() => infra.stop());
      log(`seeding ${size.toLocaleString('en-US')} agents (tops up an existing bench database)`);
      await seed({ ...process.env, DATABASE_URL: infra.databaseUrl }, size);
      const platform = await startBenchPlatform(infra.databaseUrl, infra.natsUrl);
      if (wanted('registry')) sections.push(...(await registrySection(size, platform.gatewayUrl, platform.baselineUrl, platform.ctx)));
      if (i === SIZES.length - 1) {
        for (const [section, file, fn] of [['campaigns', './campaigns.bench', 'runCampaignsBench'], ['content', './content.bench', 'runContentBench'], ['workflow', './workflow.bench', 'runWorkflowBench'], ['webhooks', './webhooks.bench', 'runWebhooksBench'], ['analytics', './analytics.bench', 'runAnalyticsBench'], ['media', './media.bench', 'runMediaBench']] as const) {
          if (!wanted(section)) continue;
          const mod: Record<string, (c: BenchContext) => Promise<BenchSection[]>> = require(file);
          log(`running ${fn}`);
          sections.push(...(await mod[fn](platform.ctx)));
        }
      }
      sections.push(await processesSection(`Processes after the ${size.toLocaleString('en-US')}-agent run`, running, platform.gatewayUrl, platform.metricsToken));
      if (wanted('registry') && size === (SIZES.includes(100_000) ? 100_000 : SIZES[0])) {
        // Last at this size: the platform restarts with tracing on, which the figures above must not include.
        log(`${size}: tracing off vs on (the platform restarts with an OTLP exporter)`);
        sections.push(await tracingOverheadSection({
          size, untraced: { gatewayUrl: platform.gatewayUrl, liveToken: platform.ctx.liveToken }, durationSec: DURATION,
          paths: CATEGORIES.map((c) => `/v1/agents?category=${c}&sort=rating&limit=20`),
          restartTraced: async (endpoint) => {
            await platform.stop();
            const traced = await startBenchPlatform(infra.databaseUrl, infra.natsUrl, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
            return { gatewayUrl: traced.gatewayUrl, liveToken: traced.ctx.liveToken, stop: traced.stop };
          },
        }));
      } else {
        await platform.stop();
      }
    }
    const consoleSection = consoleFigures();
    if (consoleSection) sections.push(consoleSection);
    if (growth.length) {
      sections.push({
        title: 'Growth — GET /v1/agents filter + sort by catalog size and connections (live key, limiter on)',
        rows: growth,
        notes: ['Closed loop (autocannon); the same 8 category filters at every size.'],
      });
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
    for (const stop of stops) await stop().catch(() => undefined);
  }
  const meta = {
    date: new Date().toISOString(), machine: `${require('node:os').cpus().length} cores, Node ${process.version}`,
    sizes: SIZES.map((s) => s.toLocaleString('en-US')).join(', '), 'seconds per run': DURATION,
    'total time': `${Math.round((Date.now() - started) / 1000)} s`,
    'load generator': 'autocannon (closed loop) and an open-loop pacer in the bench process, on the same machine as the gateway, services and Postgres; its CPU is in each row',
    percentiles: 'autocannon gives p97.5, not p95 (shown as —); open-loop runs time each request from its scheduled start and count failed requests with their time to fail',
    'rate limiter': 'on for every live-key row (organization limits raised above the offered load through the operator API)',
    ...(SKIP.size ? { 'sections not run': [...SKIP].map((x) => `${x} (figures in bench-report-${x}.md)`).join(', ') } : {}),
  };
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  // A partial run (`--only=…`) writes a report of its own, so it never replaces the full one.
  const name = ONLY ? `bench-report-${[...ONLY].sort().join('-')}` : 'bench-report';
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ meta, sections }, null, 2));
  writeFileSync(join(dir, `${name}.md`), toMarkdown(sections, meta));
  log(`report written to bench/results/${name}.md`);
  process.stdout.write(toMarkdown(sections, meta));
  process.exit(0);
}

main().catch((err) => {
  for (const c of children) c.kill('SIGKILL');
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
