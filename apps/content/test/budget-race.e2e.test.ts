import { DataSource } from 'typeorm';
import { apiClient, startPlatform, TEST_ADMIN_TOKEN, type Platform } from '../../../tools/testing/platform';
import { LAUNCH_CAMPAIGN } from '../../../tools/testing/fixtures';

/**
 * A budget that runs out under a crowd: 300 generations fired at once through the gateway at one live campaign whose
 * budget fits far fewer. Every answer is 201 or 409 budget_exhausted (a refusal is the budget's answer, not a service
 * that gave up), exactly what fits is accepted, and Postgres shows no overspend.
 */
describe('budget exhaustion under 300 concurrent generations (e2e over real Postgres and NATS)', () => {
  let platform: Platform;
  let call: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    platform = await startPlatform(['registry', 'campaigns', 'content']);
    const admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    const org = await admin('POST', '/admin/v1/organizations', { name: `Budget race ${Date.now()}`, plan: 'enterprise' });
    call = apiClient(platform.url, org.body.api_key.token);
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('answers 201 for exactly what fits and 409 budget_exhausted for every other request, never 503', async () => {
    // VELO bills 4 USD a piece: 25 pieces fit, with a remainder too small for a 26th.
    const created = await call('POST', '/v1/campaigns', { ...LAUNCH_CAMPAIGN, budget_usd: 102 });
    expect(created.status).toBe(201);
    const campaign = created.body as { id: string; per_item_usd: number };
    const fits = Math.floor(102 / campaign.per_item_usd);
    expect(fits).toBe(25);

    const answers = await Promise.all(Array.from({ length: 300 }, () =>
      call('POST', '/v1/agents/agent_velo_automotive/content', { content_type: 'product_launch', format: 'x_post', campaign_id: campaign.id })));

    const tally = new Map<string, number>();
    for (const a of answers) {
      const key = a.status === 201 ? '201' : `${a.status} ${a.body?.code}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(tally)).toEqual({ '201': fits, '409 budget_exhausted': 300 - fits });
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(a.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }

    // The ledger in Postgres: every accepted piece settled once, nothing held, nothing past the budget.
    const ds = platform.services.get('campaigns')!.get(DataSource);
    const [row] = await ds.query(
      `SELECT budget_cents::int AS budget, spent_cents::int AS spent, held_cents::int AS held,
              (SELECT count(*)::int FROM campaigns.spend_reservations WHERE campaign_id = $1 AND status = 'settled') AS settled
         FROM campaigns.campaigns WHERE id = $1`, [campaign.id]);
    expect(row).toEqual({ budget: 10_200, spent: fits * 400, held: 0, settled: fits });
    const content = platform.services.get('content')!.get(DataSource);
    const [items] = await content.query(
      `SELECT count(*) FILTER (WHERE status = 'pending_review')::int AS stored, count(*) FILTER (WHERE reservation_state = 'held')::int AS held
         FROM content.content_items WHERE campaign_id = $1`, [campaign.id]);
    expect(items).toEqual({ stored: fits, held: 0 });
  });
});
