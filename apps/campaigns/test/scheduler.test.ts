import { newId } from '@influgentic/contracts';
import { OutboxWriter } from '@influgentic/messaging';
import { createLogger } from '@influgentic/observability';
import { openServiceDatabase } from '@influgentic/persistence';
import type { DataSource } from 'typeorm';
import { CAMPAIGNS_ENTITIES, CAMPAIGNS_MIGRATIONS } from '../src/app.module';
import type { CampaignEntity } from '../src/campaigns/campaign.entity';
import { CampaignsRepository } from '../src/campaigns/campaigns.repository';
import { CampaignScheduler } from '../src/scheduler/campaign-scheduler';

const DAY = 86_400_000;

/**
 * Two scheduler replicas (separate pools, as two processes would have) against the real database: each due campaign
 * moves exactly once, whatever the interleaving, and a pass after downtime catches up.
 */
describe('campaign scheduler with two replicas (real Postgres)', () => {
  let dsA: DataSource;
  let dsB: DataSource;
  let a: CampaignScheduler;
  let b: CampaignScheduler;
  let repo: CampaignsRepository;

  const openReplica = async () => {
    const ds = await openServiceDatabase({ schema: 'campaigns', entities: CAMPAIGNS_ENTITIES, migrations: CAMPAIGNS_MIGRATIONS, poolSize: 4 });
    return { ds, scheduler: new CampaignScheduler(new CampaignsRepository(ds), new OutboxWriter('campaigns'), createLogger('campaigns-test')) };
  };

  function campaign(org: string, overrides: Partial<CampaignEntity>): CampaignEntity {
    const now = new Date();
    return {
      id: newId('campaign'), organization_id: org, livemode: true, agent_id: 'agent_velo_automotive', type: 'product_launch', name: 'Scheduled',
      product: null, config: { tone: null, languages: ['en'], output_formats: ['social_post'], compliance_mode: 'standard', duration_days: 30, starts_at: null },
      status: 'scheduled', budget_cents: 10_000, spent_cents: 0, held_cents: 0, rate_cents: 400,
      starts_at: new Date(now.getTime() - 1000), ends_at: new Date(now.getTime() + 30 * DAY),
      started_at: null, paused_at: null, completed_at: null, cancelled_at: null, created_at: now, updated_at: now, ...overrides,
    };
  }

  async function insert(rows: CampaignEntity[]) {
    await repo.transaction(async (m) => { for (const r of rows) await repo.insert(m, r); });
  }

  /** Outbox events per campaign id and type. */
  async function eventsFor(ids: string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ id: string; type: string }> = await dsA.query(
      `SELECT payload->'data'->>'id' AS id, type FROM campaigns.outbox WHERE payload->'data'->>'id' = ANY($1) ORDER BY created_at, id`, [ids]);
    const out = new Map<string, string[]>(ids.map((id) => [id, []]));
    for (const r of rows) out.get(r.id)!.push(r.type);
    return out;
  }

  /** Both replicas at once, several rounds, small batches so their transactions interleave. */
  async function race(rounds = 4, batch = 5) {
    const passes = [];
    for (let i = 0; i < rounds; i++) passes.push(...(await Promise.all([a.runOnce(batch), b.runOnce(batch), a.runOnce(batch), b.runOnce(batch)])));
    return passes;
  }

  beforeAll(async () => {
    const ra = await openReplica();
    const rb = await openReplica();
    dsA = ra.ds; dsB = rb.ds; a = ra.scheduler; b = rb.scheduler;
    repo = new CampaignsRepository(dsA);
    // Leave nothing from other suites due, so counts below are ours alone.
    await a.runOnce();
  });

  afterAll(async () => {
    await dsA?.destroy();
    await dsB?.destroy();
  });

  it('starts every due campaign exactly once when two replicas race', async () => {
    const org = newId('organization');
    const due = Array.from({ length: 60 }, () => campaign(org, {}));
    const notYet = campaign(org, { starts_at: new Date(Date.now() + DAY), ends_at: new Date(Date.now() + 31 * DAY) });
    await insert([...due, notYet]);
    const passes = await race();
    expect(passes.reduce((n, p) => n + p.started, 0)).toBeGreaterThanOrEqual(60);
    const events = await eventsFor([...due, notYet].map((c) => c.id));
    for (const c of due) expect(events.get(c.id)).toEqual(['campaign.started']);
    expect(events.get(notYet.id)).toEqual([]);
    const statuses: Array<{ status: string; n: number }> = await dsA.query(
      `SELECT status, count(*)::int AS n FROM campaigns.campaigns WHERE organization_id = $1 GROUP BY status ORDER BY status`, [org]);
    expect(statuses).toEqual([{ status: 'active', n: 60 }, { status: 'scheduled', n: 1 }]);
    const [{ n }] = await dsA.query(`SELECT count(*)::int AS n FROM campaigns.campaigns WHERE organization_id = $1 AND status = 'active' AND started_at IS NULL`, [org]);
    expect(n).toBe(0);
  });

  it('completes running and paused campaigns at ends_at exactly once', async () => {
    const org = newId('organization');
    const past = { starts_at: new Date(Date.now() - 31 * DAY), ends_at: new Date(Date.now() - 1000), started_at: new Date(Date.now() - 31 * DAY) };
    const active = Array.from({ length: 30 }, () => campaign(org, { ...past, status: 'active' }));
    const paused = Array.from({ length: 10 }, () => campaign(org, { ...past, status: 'paused', paused_at: new Date(Date.now() - DAY) }));
    const cancelled = campaign(org, { ...past, status: 'cancelled', cancelled_at: new Date() });
    const running = campaign(org, { status: 'active', started_at: new Date() });
    await insert([...active, ...paused, cancelled, running]);
    const passes = await race();
    expect(passes.reduce((n, p) => n + p.completed, 0)).toBeGreaterThanOrEqual(40);
    const events = await eventsFor([...active, ...paused, cancelled, running].map((c) => c.id));
    for (const c of [...active, ...paused]) expect(events.get(c.id)).toEqual(['campaign.completed']);
    expect(events.get(cancelled.id)).toEqual([]);
    expect(events.get(running.id)).toEqual([]);
    const rows = await dsA.query(`SELECT status, completed_at FROM campaigns.campaigns WHERE id = ANY($1)`, [[...active, ...paused].map((c) => c.id)]);
    expect(rows.every((r: any) => r.status === 'completed' && r.completed_at)).toBe(true);
  });

  it('catches up after downtime: a window that passed entirely is started, then completed, each once', async () => {
    const org = newId('organization');
    const missed = Array.from({ length: 12 }, () => campaign(org, { starts_at: new Date(Date.now() - 10 * DAY), ends_at: new Date(Date.now() - 3 * DAY) }));
    await insert(missed);
    await race(2, 3);
    const events = await eventsFor(missed.map((c) => c.id));
    for (const c of missed) expect(events.get(c.id)).toEqual(['campaign.started', 'campaign.completed']);
    // Nothing left to do: further passes move nothing of ours.
    await race(1);
    const again = await eventsFor(missed.map((c) => c.id));
    for (const c of missed) expect(again.get(c.id)).toHaveLength(2);
  });

  it('returns expired spend holds to the budget, and only the expired ones', async () => {
    const org = newId('organization');
    const c = campaign(org, { status: 'active', started_at: new Date(), held_cents: 800 });
    await insert([c]);
    const hold = (id: string, expiresIn: number) => ({
      id, campaign_id: c.id, organization_id: org, livemode: true, content_id: `cnt_${id}`, amount_cents: 400, status: 'held' as const,
      release_reason: null, expires_at: new Date(Date.now() + expiresIn), created_at: new Date(), settled_at: null, released_at: null,
    });
    const suffix = newId('event').slice(4);
    const expired = `rsv_expired${suffix}`;
    const fresh = `rsv_fresh${suffix}`;
    await repo.transaction(async (m) => {
      await repo.insertReservation(m, hold(expired, -1000));
      await repo.insertReservation(m, hold(fresh, 60_000));
    });
    const passes = await race(1);
    expect(passes.reduce((n, p) => n + p.holdsReleased, 0)).toBeGreaterThanOrEqual(1);
    const [row] = await dsA.query(`SELECT held_cents::int AS held FROM campaigns.campaigns WHERE id = $1`, [c.id]);
    expect(row.held).toBe(400);
    const holds = await dsA.query(`SELECT id, status, release_reason FROM campaigns.spend_reservations WHERE campaign_id = $1 ORDER BY id`, [c.id]);
    expect(holds).toEqual([
      { id: expired, status: 'released', release_reason: 'expired' },
      { id: fresh, status: 'held', release_reason: null },
    ]);
    expect(await repo.ledgerTotals(c.id)).toMatchObject({ held: 400, settled: 0, released: 400 });
  });
});
