import { DomainError, newId, type RequestContext, type SpendReservation } from '@influgentic/contracts';
import { openServiceDatabase } from '@influgentic/persistence';
import type { DataSource } from 'typeorm';
import { CAMPAIGNS_ENTITIES, CAMPAIGNS_MIGRATIONS } from '../src/app.module';
import type { CampaignEntity } from '../src/campaigns/campaign.entity';
import { CampaignsRepository } from '../src/campaigns/campaigns.repository';
import { SpendService } from '../src/spend/spend.service';

/** A small seeded generator, so a failing run can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Property: however many reservations race against one budget, from two replicas with their own pools, the held
 * plus settled amount never passes the budget, and the campaign's totals always equal its ledger.
 */
describe('spend ledger under concurrency (real Postgres, two replicas)', () => {
  let dsA: DataSource;
  let dsB: DataSource;
  let replicas: SpendService[];
  let repo: CampaignsRepository;
  const seed = Number(process.env.LEDGER_SEED ?? Date.now() % 100_000);

  beforeAll(async () => {
    const open = () => openServiceDatabase({ schema: 'campaigns', entities: CAMPAIGNS_ENTITIES, migrations: CAMPAIGNS_MIGRATIONS, poolSize: 8 });
    dsA = await open();
    dsB = await open();
    repo = new CampaignsRepository(dsA);
    replicas = [new SpendService(repo), new SpendService(new CampaignsRepository(dsB))];
  });

  afterAll(async () => {
    await dsA?.destroy();
    await dsB?.destroy();
  });

  async function newCampaign(budgetCents: number | null, rateCents: number, livemode = true) {
    const org = newId('organization');
    const now = new Date();
    const c: CampaignEntity = {
      id: newId('campaign'), organization_id: org, livemode, agent_id: 'agent_velo_automotive', type: 'product_launch', name: 'Ledger',
      product: null, config: { tone: null, languages: ['en'], output_formats: ['social_post'], compliance_mode: 'standard', duration_days: 30, starts_at: null },
      status: 'active', budget_cents: budgetCents, spent_cents: 0, held_cents: 0, rate_cents: rateCents,
      starts_at: now, ends_at: new Date(now.getTime() + 30 * 86_400_000), started_at: now, paused_at: null, completed_at: null, cancelled_at: null,
      created_at: now, updated_at: now,
    };
    await repo.transaction((m) => repo.insert(m, c));
    const ctx: RequestContext = { requestId: 'req_ledger', organizationId: org, livemode, scopes: [] };
    return { c, ctx };
  }

  async function totals(id: string) {
    const [row] = await dsA.query(`SELECT budget_cents::float8 AS budget, spent_cents::int AS spent, held_cents::int AS held FROM campaigns.campaigns WHERE id = $1`, [id]);
    return { budget: row.budget as number | null, spent: row.spent as number, held: row.held as number, ledger: await repo.ledgerTotals(id) };
  }

  /** Fires every call at once, alternating replicas; returns the reservations and the refusals. */
  async function reserveAll(ctx: RequestContext, campaignId: string, n: number, tag: string) {
    const settled = await Promise.allSettled(Array.from({ length: n }, (_, i) =>
      replicas[i % 2].reserve(ctx, { campaign_id: campaignId, content_id: `cnt_${tag}_${i}` })));
    const ok = settled.filter((s): s is PromiseFulfilledResult<SpendReservation> => s.status === 'fulfilled').map((s) => s.value);
    const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason);
    return { ok, refused };
  }

  it(`holds exactly floor(budget / rate) items when many more race for it (seed ${seed})`, async () => {
    const rand = rng(seed);
    for (let round = 0; round < 6; round++) {
      const rate = 1 + Math.floor(rand() * 700);
      const budget = Math.floor(rand() * 40) * rate + Math.floor(rand() * rate);
      const attempts = 60 + Math.floor(rand() * 120);
      const { c, ctx } = await newCampaign(budget, rate);
      const { ok, refused } = await reserveAll(ctx, c.id, attempts, `r${round}`);
      expect(ok.length).toBe(Math.min(attempts, Math.floor(budget / rate)));
      for (const err of refused) {
        expect(err).toBeInstanceOf(DomainError);
        expect((err as DomainError).code).toBe('budget_exhausted');
      }
      const t = await totals(c.id);
      expect(t.held).toBe(ok.length * rate);
      expect(t.held + t.spent).toBeLessThanOrEqual(budget);
      expect(t.ledger).toMatchObject({ held: t.held, settled: 0 });
    }
  });

  it(`never passes the budget while reservations, settlements and releases interleave at random (seed ${seed})`, async () => {
    const rand = rng(seed + 1);
    for (let round = 0; round < 4; round++) {
      const rate = 50 + Math.floor(rand() * 500);
      const budget = rate * (5 + Math.floor(rand() * 25));
      const { c, ctx } = await newCampaign(budget, rate);
      const open: SpendReservation[] = [];
      let watcherMax = 0;
      let watching = true;
      // Watches the committed totals while the storm runs.
      const watcher = (async () => {
        while (watching) {
          const t = await totals(c.id);
          watcherMax = Math.max(watcherMax, t.held + t.spent);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      for (let wave = 0; wave < 5; wave++) {
        const ops: Array<Promise<unknown>> = [];
        const n = 20 + Math.floor(rand() * 40);
        for (let i = 0; i < n; i++) {
          const replica = replicas[Math.floor(rand() * 2)];
          const r = rand();
          if (r < 0.55 || !open.length) {
            ops.push(replica.reserve(ctx, { campaign_id: c.id, content_id: `cnt_w${round}_${wave}_${i}` }).then((res) => { open.push(res); }, (err: DomainError) => {
              expect(err.code).toBe('budget_exhausted');
            }));
          } else {
            const target = open.splice(Math.floor(rand() * open.length), 1)[0];
            const settle = r < 0.8;
            ops.push(settle
              ? replica.settle(ctx, { reservation_id: target.reservation_id })
              : replica.release(ctx, { reservation_id: target.reservation_id, reason: 'test' }));
            // Settling or releasing twice is idempotent, even concurrently.
            if (rand() < 0.2) {
              ops.push(settle
                ? replicas[0].settle(ctx, { reservation_id: target.reservation_id })
                : replicas[1].release(ctx, { reservation_id: target.reservation_id }));
            }
          }
        }
        await Promise.all(ops);
        const t = await totals(c.id);
        expect(t.held + t.spent).toBeLessThanOrEqual(budget);
        expect(t.ledger.held).toBe(t.held);
        expect(t.ledger.settled).toBe(t.spent);
      }
      watching = false;
      await watcher;
      expect(watcherMax).toBeLessThanOrEqual(budget);
    }
  });

  it('charges nothing in sandbox, however many items are reserved', async () => {
    const { c, ctx } = await newCampaign(0, 400, false);
    const { ok, refused } = await reserveAll(ctx, c.id, 50, 'sbx');
    expect(refused).toEqual([]);
    expect(ok.every((r) => r.amount_cents === 0)).toBe(true);
    await Promise.all(ok.map((r, i) => replicas[i % 2].settle(ctx, { reservation_id: r.reservation_id })));
    expect(await totals(c.id)).toMatchObject({ spent: 0, held: 0 });
  });

  it('holds once per item when the same item is reserved concurrently (retries)', async () => {
    const { c, ctx } = await newCampaign(100_000, 400);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => replicas[i % 2].reserve(ctx, { campaign_id: c.id, content_id: 'cnt_same' })));
    expect(new Set(results.map((r) => r.reservation_id)).size).toBe(1);
    expect((await totals(c.id)).held).toBe(400);
  });
});
