import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { cpuMeter, httpRow, measureFixedRate, stats, type BenchContext, type BenchSection } from './lib';

const AGENT_ID = 'agent_velo_automotive';
const LANGUAGES = ['en', 'de', 'fr', 'es', 'hi'];
const PLATFORMS = ['instagram', 'tiktok', 'x', 'linkedin'];
const DAY_MS = 86_400_000;

async function api<T>(ctx: BenchContext, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${ctx.gatewayUrl}${path}`, {
    method, headers: { authorization: `Bearer ${ctx.liveToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
}

async function newCampaign(ctx: BenchContext, name: string): Promise<string> {
  const res = await api<{ id: string }>(ctx, 'POST', '/v1/campaigns', { agent_id: AGENT_ID, type: 'product_launch', name, config: { languages: ['en', 'de'] } });
  if (res.status !== 201) throw new Error(`campaign not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A realistic mix: mostly impressions, some engagements and clicks, a few leads and conversions, over the last 30 days. */
function batchBody(campaignId: string, prefix: string, size: number): string {
  const now = Date.now();
  const events = Array.from({ length: size }, (_, i) => {
    const r = i % 200;
    const type = r < 170 ? 'impression' : r < 190 ? 'engagement' : r < 196 ? 'click' : r < 199 ? 'lead' : 'conversion';
    return {
      id: `${prefix}-${i}`, type, campaign_id: campaignId, language: LANGUAGES[i % 5], platform: PLATFORMS[i % 4],
      count: type === 'impression' ? 10 : 1, ...(type === 'conversion' ? { value_usd: 49.99 } : {}),
      occurred_at: new Date(now - (i % 30) * DAY_MS - (i % 3600) * 1000).toISOString(),
    };
  });
  return JSON.stringify({ events });
}

/** Sustained ingestion: `workers` clients each posting batches of 1,000 back to back for `seconds`. */
async function sustainedIngestion(ctx: BenchContext, campaignId: string, workers: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: workers });
  const url = new URL('/v1/events', ctx.gatewayUrl);
  const run = randomBytes(4).toString('hex');
  const samples: number[] = [];
  let accepted = 0;
  let failed = 0;
  let batches = 0;
  const cpu = cpuMeter();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const post = (body: string) => new Promise<{ status: number; text: string }>((resolve) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent,
      headers: { authorization: `Bearer ${ctx.liveToken}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', () => resolve({ status: 0, text: '' }));
    req.end(body);
  });
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    for (let b = 0; performance.now() < deadline; b++) {
      const body = batchBody(campaignId, `b${run}-${w}-${b}`, 1000);
      const t0 = performance.now();
      const res = await post(body);
      samples.push(performance.now() - t0);
      batches++;
      if (res.status === 202) accepted += (JSON.parse(res.text) as { accepted: number }).accepted;
      else failed++;
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { eventsPerSec: Math.round(accepted / elapsed), accepted, batches, failed, elapsed, latency: stats(samples), loadGenCpuPct: cpu() };
}

/**
 * Loads `total` events for one campaign straight into the raw table with INSERT … SELECT generate_series (1M rows per
 * statement, spread over the last 365 days, five languages, four platforms), then adds their aggregates to the rollups
 * the way ingestion would have (campaign, agent, organization rows and the campaign's totals). A bulk load, not the
 * ingest path: it measures what a report costs once that much data exists.
 */
async function bulkLoad(databaseUrl: string, campaignId: string, total: number, log: (l: string) => void): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const t0 = Date.now();
  try {
    const now = new Date();
    for (let i = 0; i <= 13; i++) {
      const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12 + i, 1));
      const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
      const name = `events_p${from.getUTCFullYear()}${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
      await db.query(`CREATE TABLE IF NOT EXISTS analytics.${name} PARTITION OF analytics.events FOR VALUES FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`);
    }
    for (let from = 0; from < total; from += 1_000_000) {
      const to = Math.min(total, from + 1_000_000);
      log(`loading raw events ${from.toLocaleString('en-US')}…${to.toLocaleString('en-US')}`);
      await db.query(
        `INSERT INTO analytics.events (organization_id, livemode, id, type, campaign_id, agent_id, content_id, platform, language, count, value_cents, occurred_at)
         SELECT 'org_default', true, 'bulk_' || $3 || '_' || n,
                CASE WHEN n % 200 < 170 THEN 'impression' WHEN n % 200 < 190 THEN 'engagement' WHEN n % 200 < 196 THEN 'click' WHEN n % 200 < 199 THEN 'lead' ELSE 'conversion' END,
                $3, '${AGENT_ID}', NULL, ($4::text[])[1 + n % 4], ($5::text[])[1 + n % 5], 1,
                CASE WHEN n % 200 = 199 THEN 4999 ELSE 0 END, now() - make_interval(secs => (n * 31.5) % (364 * 86400))
           FROM generate_series($1::bigint, $2::bigint - 1) AS n`,
        [from, to, campaignId, PLATFORMS, LANGUAGES]);
    }
    log('adding the bulk events to the rollups');
    await db.query(`CREATE TEMP TABLE bulk_agg AS
      SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, language, platform,
             sum(count) FILTER (WHERE type = 'impression') AS impressions, sum(count) FILTER (WHERE type = 'engagement') AS engagements,
             sum(count) FILTER (WHERE type = 'click') AS clicks, sum(count) FILTER (WHERE type = 'lead') AS leads,
             sum(count) FILTER (WHERE type = 'conversion') AS conversions, sum(value_cents) AS revenue_cents
        FROM analytics.events WHERE organization_id = 'org_default' AND livemode AND campaign_id = $1 AND id LIKE 'bulk\\_%'
       GROUP BY 1, 2, 3`, [campaignId]);
    for (const [scope, scopeId] of [['campaign', campaignId], ['agent', AGENT_ID], ['organization', 'org_default']]) {
      await db.query(
        `INSERT INTO analytics.daily_rollups AS r (organization_id, livemode, scope, scope_id, day, language, platform, impressions, engagements, clicks, leads, conversions, revenue_cents)
         SELECT 'org_default', true, $1, $2, day, language, platform, coalesce(impressions, 0), coalesce(engagements, 0), coalesce(clicks, 0),
                coalesce(leads, 0), coalesce(conversions, 0), revenue_cents FROM bulk_agg
         ON CONFLICT (organization_id, livemode, scope, scope_id, day, language, platform) DO UPDATE SET
           impressions = r.impressions + EXCLUDED.impressions, engagements = r.engagements + EXCLUDED.engagements, clicks = r.clicks + EXCLUDED.clicks,
           leads = r.leads + EXCLUDED.leads, conversions = r.conversions + EXCLUDED.conversions, revenue_cents = r.revenue_cents + EXCLUDED.revenue_cents`,
        [scope, scopeId]);
    }
    await db.query(`ANALYZE analytics.daily_rollups`);
    const { rows } = await db.query(`SELECT count(*)::bigint AS n FROM analytics.events`);
    log(`bulk load done in ${Math.round((Date.now() - t0) / 1000)} s; ${Number(rows[0].n).toLocaleString('en-US')} raw events in total`);
    return Number(rows[0].n);
  } finally {
    await db.end();
  }
}

/**
 * Analytics on the customer's path (live key of org_default, rate limiter on with limits above the offered load):
 * sustained ingestion through the gateway in batches of 1,000, then the campaign report's latency over a campaign with
 * ten million events (one million with --quick).
 */
export async function runAnalyticsBench(ctx: BenchContext): Promise<BenchSection[]> {
  const seconds = ctx.quick ? 8 : 20;
  const workers = 6;
  const ingestCampaign = await newCampaign(ctx, 'Bench ingestion');
  ctx.log(`analytics: sustained ingestion, ${workers} clients × batches of 1,000 for ${seconds} s`);
  await sustainedIngestion(ctx, ingestCampaign, 2, 2); // warm-up: connections, partitions, plans
  const ingest = await sustainedIngestion(ctx, ingestCampaign, workers, seconds);

  const total = ctx.quick ? 1_000_000 : 10_000_000;
  const reportCampaign = await newCampaign(ctx, 'Bench report');
  const rawEvents = await bulkLoad(ctx.databaseUrl, reportCampaign, total, ctx.log);
  const headers = { authorization: `Bearer ${ctx.liveToken}` };
  const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
  const rate = 20;
  const month = await measureFixedRate({
    url: ctx.gatewayUrl, headers, rate, durationSec: ctx.quick ? 5 : 15,
    paths: [`/v1/analytics/campaigns/${reportCampaign}?start=${day(-29)}&end=${day(0)}&granularity=day`],
  });
  const year = await measureFixedRate({
    url: ctx.gatewayUrl, headers, rate, durationSec: ctx.quick ? 5 : 15,
    paths: [`/v1/analytics/campaigns/${reportCampaign}?start=${day(-364)}&end=${day(0)}&granularity=day`],
  });
  const check = await api<{ summary: { total_impressions: number } }>(ctx, 'GET', `/v1/analytics/campaigns/${reportCampaign}?start=${day(-364)}&end=${day(0)}`);

  return [
    {
      title: 'Analytics — sustained ingestion through the gateway (POST /v1/events, batches of 1,000, live key, limiter on)',
      rows: [{
        clients: workers, seconds: Math.round(ingest.elapsed), batches: ingest.batches, 'events accepted': ingest.accepted, 'events/s': ingest.eventsPerSec,
        'batch p50 ms': ingest.latency.p50, 'batch p99 ms': ingest.latency.p99, 'failed batches': ingest.failed, 'load generator CPU %': ingest.loadGenCpuPct,
      }],
      notes: [
        'Each batch is validated once, in the analytics service (a plain check of the common case, class-validator for anything else), deduplicated by event id, written with one multi-row statement per table (raw events, id set, daily rollups × 3 scopes, content, campaign totals, milestones, outbox) and committed before the 202.',
        'Mix per 200 events: 170 impressions (count 10), 20 engagements, 6 clicks, 3 leads (each emits lead.captured), 1 conversion; 5 languages × 4 platforms over the last 30 days.',
      ],
      targets: [{ name: 'sustained ingestion', target: '≥ 20,000 events/s', measured: `${ingest.eventsPerSec.toLocaleString('en-US')} events/s`, met: ingest.eventsPerSec >= 20_000 && ingest.failed === 0 }],
    },
    {
      title: `Analytics — campaign report over ${total.toLocaleString('en-US')} events of one campaign (${rawEvents.toLocaleString('en-US')} raw events in the table), ${rate} req/s open loop`,
      rows: [httpRow('30 days (30 × 5 languages × 4 platforms rollup rows)', month), httpRow('365 days (dense timeseries of 365 points)', year)],
      notes: [
        `Loaded with INSERT … SELECT generate_series straight into the raw table, and their aggregates added to the rollups as ingestion would (a bulk load, not the ingest path). The report reads rollups only; its 365-day total was ${check.body.summary?.total_impressions?.toLocaleString('en-US')} impressions.`,
      ],
      targets: [{ name: 'campaign report p99 (30 days)', target: '≤ 50 ms', measured: `${month.p99} ms`, met: month.p99 <= 50 && month.non2xx + month.errors === 0 }],
    },
  ];
}
