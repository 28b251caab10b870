import http from 'node:http';
import net from 'node:net';
import { JSONCodec } from 'nats';
import { stats, type BenchContext, type BenchSection, type LatencyStats } from './lib';

/**
 * A receiver on loopback that answers 200 at once and notes when each delivery arrived: by the event's id, and by
 * the campaign the event is about (what the latency runs correlate on). Repeats of one `webhook-id` are counted.
 */
class Receiver {
  readonly byEvent = new Map<string, number>();
  readonly byCampaign = new Map<string, number>();
  duplicates = 0;
  private readonly seen = new Set<string>();
  private server?: http.Server;
  private waiters: Array<() => void> = [];

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = performance.now();
        res.writeHead(200).end();
        const deliveryId = String(req.headers['webhook-id'] ?? '');
        if (this.seen.has(deliveryId)) { this.duplicates++; return; }
        this.seen.add(deliveryId);
        try {
          const event = JSON.parse(Buffer.concat(chunks).toString()) as { id: string; data?: { id?: string } };
          this.byEvent.set(event.id, at);
          if (event.data?.id) this.byCampaign.set(event.data.id, at);
        } catch { /* not an envelope: not counted */ }
        const w = this.waiters;
        this.waiters = [];
        for (const fn of w) fn();
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}/hook`;
  }

  /** Resolves when `done()` holds or `timeoutMs` passes without a new delivery. */
  async until(done: () => boolean, timeoutMs: number): Promise<boolean> {
    while (!done()) {
      const progressed = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        this.waiters.push(() => { clearTimeout(timer); resolve(true); });
      });
      if (!progressed) return done();
    }
    return true;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }
}

/** A receiver that accepts connections and never answers: every attempt runs into the delivery timeout. */
async function deadReceiver(): Promise<{ url: string; stop: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => undefined); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/hook`,
    stop: async () => { for (const s of sockets) s.destroy(); await new Promise((r) => server.close(r)); },
  };
}

async function api<T = any>(ctx: BenchContext, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${ctx.gatewayUrl}${path}`, {
    method, headers: { authorization: `Bearer ${ctx.liveToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
}

async function createEndpoint(ctx: BenchContext, url: string, events: string[], description: string): Promise<string> {
  const res = await api<{ id: string }>(ctx, 'POST', '/v1/webhooks', { url, events, description });
  if (res.status !== 201) throw new Error(`POST /v1/webhooks answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/**
 * Paced campaign creations (each emits campaign.started through the campaigns outbox): the latency of each is from
 * the start of its API call to the moment the receiver had the delivery.
 */
async function latencyRun(ctx: BenchContext, receiver: Receiver, rate: number, count: number, label: string): Promise<LatencyStats & { delivered: number; sent: number }> {
  const started = new Map<string, number>();
  const calls: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    calls.push(api<{ id: string }>(ctx, 'POST', '/v1/campaigns', {
      agent_id: 'agent_velo_automotive', type: 'lead_gen', name: `${label} ${i}`, budget_usd: 0, product: { name: 'Bench' },
    }).then((r) => { if (r.status === 201) started.set(r.body.id, due); }));
  }
  await Promise.all(calls);
  await receiver.until(() => [...started.keys()].every((id) => receiver.byCampaign.has(id)), 15_000);
  const samples = [...started].filter(([id]) => receiver.byCampaign.has(id)).map(([id, at]) => receiver.byCampaign.get(id)! - at);
  return { ...stats(samples), delivered: samples.length, sent: started.size };
}

/**
 * Throughput: `count` events published to JetStream the way the outbox relay publishes them (the envelope on
 * evt.<type>, Nats-Msg-Id = event id), as fast as the bench can, for an endpoint subscribed to that type. Deliveries
 * per second run from the first publish to the last delivery.
 */
async function throughputRun(ctx: BenchContext, receiver: Receiver, count: number): Promise<{ perSec: number; seconds: number; delivered: number; publishPerSec: number }> {
  const { connectNats } = await import('@influgentic/messaging');
  const { eventSubject, newId } = await import('@influgentic/contracts');
  const nc = await connectNats('bench-webhooks-publisher');
  const js = nc.jetstream();
  const codec = JSONCodec();
  const ids: string[] = [];
  const t0 = performance.now();
  try {
    const window = 256;
    let inflight: Promise<unknown>[] = [];
    for (let i = 0; i < count; i++) {
      const id = newId('event');
      ids.push(id);
      inflight.push(js.publish(eventSubject('job.completed'), codec.encode({
        id, type: 'job.completed', created_at: new Date().toISOString(), organization_id: 'org_default', livemode: true,
        data: { job_id: `job_bench_${i}`, type: 'bench', status: 'done', agent_id: null, result: null, error: null },
      }), { msgID: id }));
      if (inflight.length >= window) { await Promise.all(inflight); inflight = []; }
    }
    await Promise.all(inflight);
  } finally {
    await nc.close();
  }
  const published = performance.now();
  await receiver.until(() => ids.every((id) => receiver.byEvent.has(id)), 30_000);
  const arrivals = ids.map((id) => receiver.byEvent.get(id)).filter((t): t is number => t !== undefined);
  const last = arrivals.length ? Math.max(...arrivals) : performance.now();
  const seconds = (last - t0) / 1000;
  return { perSec: Math.round(arrivals.length / seconds), seconds: Math.round(seconds * 100) / 100, delivered: arrivals.length, publishPerSec: Math.round(count / ((published - t0) / 1000)) };
}

/**
 * Webhook delivery on the customer's path: endpoints created through the public API, events produced by the services
 * (or published exactly as they publish them), deliveries received by real HTTP servers on loopback.
 */
export async function runWebhooksBench(ctx: BenchContext): Promise<BenchSection[]> {
  const receiver = new Receiver();
  const healthyUrl = await receiver.start();
  const dead = await deadReceiver();
  const created: string[] = [];
  const rate = ctx.quick ? 20 : 40;
  const latencyCount = ctx.quick ? 200 : 600;
  const events = ctx.quick ? 3_000 : 10_000;
  try {
    const healthy = await createEndpoint(ctx, healthyUrl, ['campaign.started', 'job.completed'], 'bench: healthy receiver');
    created.push(healthy);
    // Warm-up: connections, prepared statements and JIT on the path, not counted.
    await latencyRun(ctx, receiver, rate, Math.round(rate * 2), 'warm-up');

    ctx.log(`webhooks: latency alone (${latencyCount} campaigns at ${rate}/s)`);
    const alone = await latencyRun(ctx, receiver, rate, latencyCount, 'alone');

    const deadId = await createEndpoint(ctx, dead.url, ['campaign.started'], 'bench: receiver that never answers');
    created.push(deadId);
    ctx.log(`webhooks: latency beside a dead endpoint (${latencyCount} campaigns at ${rate}/s)`);
    const beside = await latencyRun(ctx, receiver, rate, latencyCount, 'beside dead');
    await api(ctx, 'DELETE', `/v1/webhooks/${deadId}`);
    created.pop();

    ctx.log(`webhooks: throughput (${events.toLocaleString('en-US')} events)`);
    const tp = await throughputRun(ctx, receiver, events);

    const ratio = alone.p99 > 0 ? beside.p99 / alone.p99 : NaN;
    const row = (run: string, r: LatencyStats & { delivered: number; sent: number }) => ({
      run, delivered: `${r.delivered} / ${r.sent}`, 'p50 ms': r.p50, 'p95 ms': r.p95, 'p99 ms': r.p99, 'max ms': r.max,
    });
    return [{
      title: 'Webhooks — delivery to a local receiver (API call → receiver)',
      rows: [
        row(`healthy endpoint alone, ${rate} campaigns/s`, alone),
        row(`healthy endpoint beside one that never answers, ${rate} campaigns/s`, beside),
        { run: `throughput: ${events.toLocaleString('en-US')} events published as the services publish them`, delivered: `${tp.delivered} / ${events}`, 'p50 ms': '—', 'p95 ms': '—', 'p99 ms': '—', 'max ms': '—' },
      ],
      notes: [
        `throughput: ${tp.perSec} deliveries/s (first publish to last delivery, ${tp.seconds} s; events published at ${tp.publishPerSec}/s)`,
        `healthy p99 beside a dead endpoint / alone = ${Number.isNaN(ratio) ? '—' : ratio.toFixed(2)}`,
        `duplicate deliveries (same webhook-id) seen by the receiver: ${receiver.duplicates}`,
        'latency runs: POST /v1/campaigns (live key, limiter on) → campaigns outbox → JetStream → webhooks service → receiver, timed from each call\'s scheduled start',
      ],
      targets: [
        { name: 'deliveries per second ≥ 1,000', target: '≥ 1000/s', measured: `${tp.perSec}/s`, met: tp.perSec >= 1000 && tp.delivered === events },
        { name: 'p99 API call → receiver ≤ 250 ms', target: '≤ 250 ms', measured: `${alone.p99} ms`, met: alone.p99 <= 250 && alone.delivered === alone.sent },
        { name: 'healthy p99 beside a dead endpoint within +10 %', target: '≤ 1.10 ×', measured: Number.isNaN(ratio) ? '—' : `${ratio.toFixed(2)} ×`, met: ratio <= 1.1 && beside.delivered === beside.sent },
      ],
    }];
  } finally {
    for (const id of created) await api(ctx, 'DELETE', `/v1/webhooks/${id}`).catch(() => undefined);
    await receiver.stop();
    await dead.stop();
  }
}
