import { Client } from 'pg';
import { CampaignSubjects, DomainError, type RequestContext, type SpendReservation } from '@influgentic/contracts';
import { BusClient } from '@influgentic/messaging';
import { httpRow, measureHttp, stats, type BenchContext, type BenchSection } from './lib';

/** A campaign VELO can run (its languages, its use case), so every create goes through the registry and succeeds. */
const CREATE_BODY = {
  agent_id: 'agent_velo_automotive', type: 'product_launch', name: 'Bench launch',
  product: { name: 'EV Series X Pro', description: 'Next-gen all-electric SUV', key_features: ['800km range', 'AI-drive'], target_audience: 'tech_enthusiasts_25_45' },
  config: { tone: 'expert_enthusiastic', languages: ['en', 'de'], output_formats: ['social_post', 'video_script'], compliance_mode: 'standard', duration_days: 30 },
  budget_usd: 5000,
};

const RESERVATIONS = 500;

async function json(url: string, init: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * Campaigns: create (one registry round trip per request) and list over HTTP with a live key (rate limiter on),
 * then RESERVATIONS concurrent spend reservations over NATS against one live budget too small for all of them, with
 * the overspend measured afterwards from the database.
 */
export async function runCampaignsBench(ctx: BenchContext): Promise<BenchSection[]> {
  const seconds = ctx.quick ? 3 : 10;
  const auth = { authorization: `Bearer ${ctx.liveToken}`, 'content-type': 'application/json' };

  ctx.log(`campaigns: create for ${seconds}s`);
  const create = await measureHttp({
    url: `${ctx.gatewayUrl}/v1/campaigns`, method: 'POST', headers: auth, body: JSON.stringify(CREATE_BODY), connections: 16, durationSec: seconds,
  });

  ctx.log(`campaigns: list for ${seconds}s`);
  const list = await measureHttp({
    url: `${ctx.gatewayUrl}/v1/campaigns`, headers: auth, connections: 32, durationSec: seconds,
    requests: [
      { method: 'GET', path: '/v1/campaigns?limit=20' },
      { method: 'GET', path: '/v1/campaigns?status=active&limit=50' },
      { method: 'GET', path: '/v1/campaigns?agent_id=agent_velo_automotive&limit=20' },
    ],
  });

  ctx.log(`campaigns: ${RESERVATIONS} concurrent reservations against one budget`);
  const spend = await reservationStorm(ctx);

  return [
    {
      title: 'Campaigns — HTTP (live key, limiter on)',
      rows: [httpRow('POST /v1/campaigns (registry validation included)', create), httpRow('GET /v1/campaigns (3 filter variants)', list)],
      notes: [`${seconds}s each; create with 16 connections, list with 32.`],
    },
    spend,
  ];
}

async function reservationStorm(ctx: BenchContext): Promise<BenchSection> {
  const org = await json(`${ctx.gatewayUrl}/admin/v1/organizations`, {
    method: 'POST', headers: { authorization: `Bearer ${ctx.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Bench spend ${Date.now()}`, plan: 'enterprise' }),
  });
  if (org.status !== 201) throw new Error(`creating the bench organization failed: ${org.status} ${JSON.stringify(org.body)}`);
  const orgId: string = org.body.organization.id;
  const liveAuth = { authorization: `Bearer ${org.body.api_key.token}`, 'content-type': 'application/json' };

  // Room for a bit under half of the storm: most of the later reservations must be refused.
  const campaign = await json(`${ctx.gatewayUrl}/v1/campaigns`, { method: 'POST', headers: liveAuth, body: JSON.stringify({ ...CREATE_BODY, budget_usd: 0 }) });
  if (campaign.status !== 201) throw new Error(`creating the bench campaign failed: ${campaign.status} ${JSON.stringify(campaign.body)}`);
  const rateCents = Math.round(campaign.body.per_item_usd * 100);
  const budgetCents = Math.floor(RESERVATIONS * 0.45) * rateCents + Math.floor(rateCents / 2);
  const patched = await json(`${ctx.gatewayUrl}/v1/campaigns/${campaign.body.id}`, { method: 'PATCH', headers: liveAuth, body: JSON.stringify({ budget_usd: budgetCents / 100 }) });
  if (patched.status !== 200) throw new Error(`setting the bench budget failed: ${patched.status}`);
  const campaignId: string = campaign.body.id;

  const bus = new BusClient('influgentic-bench-campaigns');
  await bus.connect();
  const callCtx: RequestContext = { requestId: 'req_bench_spend', organizationId: orgId, livemode: true, scopes: [] };
  const latencies: number[] = [];
  const outcomes = { held: 0, budget_exhausted: 0, other: 0 };
  const held: SpendReservation[] = [];
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: RESERVATIONS }, async (_, i) => {
      const t0 = performance.now();
      try {
        const r = await bus.request<SpendReservation>(CampaignSubjects.reserve, { campaign_id: campaignId, content_id: `cnt_bench_${i}` }, callCtx, 30_000);
        held.push(r);
        outcomes.held++;
      } catch (err) {
        if (err instanceof DomainError && err.code === 'budget_exhausted') outcomes.budget_exhausted++;
        else outcomes.other++;
      } finally {
        latencies.push(performance.now() - t0);
      }
    }));
    const reserveWallMs = performance.now() - started;
    // Settle everything held, concurrently too: the held amount becomes spend without moving the total.
    const settleStart = performance.now();
    await Promise.all(held.map((r) => bus.request(CampaignSubjects.settle, { reservation_id: r.reservation_id }, callCtx, 30_000)));
    const settleWallMs = performance.now() - settleStart;

    const db = new Client({ connectionString: ctx.databaseUrl });
    await db.connect();
    let audit: { budget: number; spent: number; held: number; ledger_committed: number; reservations: number };
    try {
      const { rows } = await db.query(
        `SELECT c.budget_cents::float8 AS budget, c.spent_cents::float8 AS spent, c.held_cents::float8 AS held,
                COALESCE((SELECT sum(amount_cents) FROM campaigns.spend_reservations r WHERE r.campaign_id = c.id AND r.status IN ('held', 'settled')), 0)::float8 AS ledger_committed,
                (SELECT count(*) FROM campaigns.spend_reservations r WHERE r.campaign_id = c.id)::int AS reservations
           FROM campaigns.campaigns c WHERE c.id = $1`,
        [campaignId],
      );
      audit = rows[0];
    } finally {
      await db.end();
    }
    const overspend = Math.max(0, audit.spent + audit.held - audit.budget, audit.ledger_committed - audit.budget);
    const expected = Math.floor(budgetCents / rateCents);
    const lat = stats(latencies);
    return {
      title: `Campaigns — ${RESERVATIONS} concurrent spend reservations over NATS (one live budget)`,
      rows: [{
        budget_usd: budgetCents / 100, item_usd: rateCents / 100, accepted: outcomes.held, budget_exhausted: outcomes.budget_exhausted, other_errors: outcomes.other,
        'reserve wall ms': Math.round(reserveWallMs), 'reserve/s': Math.round(RESERVATIONS / (reserveWallMs / 1000)),
        'p50 ms': lat.p50, 'p99 ms': lat.p99, 'settle wall ms': Math.round(settleWallMs),
        spent_usd: audit.spent / 100, overspend_usd: overspend / 100,
      }],
      notes: [
        `Budget fits ${expected} items; each reservation is one conditional UPDATE on the campaign row, so the ${RESERVATIONS} requests are decided one after another on its row lock.`,
        `Audit from Postgres: spent + reserved on the campaign row and the ledger sum (held + settled) of ${audit.reservations} reservations, both against the budget.`,
      ],
      targets: [
        { name: 'overspend', target: '0 USD', measured: `${(overspend / 100).toFixed(2)} USD`, met: overspend === 0 },
        { name: 'budget used exactly', target: `${expected} accepted`, measured: `${outcomes.held} accepted`, met: outcomes.held === expected && outcomes.other === 0 },
      ],
    };
  } finally {
    await bus.close();
  }
}
