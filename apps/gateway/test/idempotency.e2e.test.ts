import { Client } from 'pg';
import type * as PlatformModule from '../../../tools/testing/platform';
import { LAUNCH_CAMPAIGN } from '../../../tools/testing/fixtures';

// The gateway reads the generation route's time budget when its route table loads: short here, so it gives up on a
// slow generation while the content service carries on.
process.env.CONTENT_GENERATE_TIMEOUT_MS = '2000';
const { apiClient, startPlatform, TEST_ADMIN_TOKEN, waitFor } = require('../../../tools/testing/platform') as typeof PlatformModule;

type Call = ReturnType<typeof apiClient>;

/**
 * Idempotency-Key end to end, with faults: the gateway gives up on a service (503) that then finishes the work, and
 * the retry with the same key must get that work's outcome — one campaign, one generation, one charge — never a second.
 * Services are slowed honestly: a real table lock held in Postgres, or the offline writer typing slowly.
 */
describe('Idempotency-Key when the gateway gives up first (e2e: real Postgres and NATS)', () => {
  let platform: PlatformModule.Platform;
  let call: Call;
  let orgId: string;
  let db: Client;
  let n = 0;
  const key = () => `idem-${Date.now().toString(36)}-${++n}`;
  const campaignBody = (name: string) => ({ ...LAUNCH_CAMPAIGN, name });

  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params)).rows[0].n);
  const campaignsNamed = (name: string) => count(`SELECT count(*) AS n FROM campaigns.campaigns WHERE organization_id = $1 AND name = $2`, [orgId, name]);

  /** Holds an exclusive lock on the campaigns table (any write to it waits) until the returned function is called. */
  async function stallCampaignWrites(): Promise<() => Promise<void>> {
    const locker = new Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE campaigns.campaigns IN ACCESS EXCLUSIVE MODE');
    return async () => {
      await locker.query('COMMIT');
      await locker.end();
    };
  }

  beforeAll(async () => {
    // RPC_TIMEOUT_MS: the gateway gives up after 1.5 s; the services keep their own (longer) budgets.
    platform = await startPlatform(['registry', 'campaigns', 'content'], { RPC_TIMEOUT_MS: '1500' });
    const admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    const org = await admin('POST', '/admin/v1/organizations', { name: `Idempotency ${Date.now()}`, plan: 'enterprise' });
    orgId = org.body.organization.id;
    call = apiClient(platform.url, org.body.api_key.token);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    delete process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS;
    await db?.end();
    await platform?.close();
  });

  it('a create that answered 503 but was carried out is answered, on retry, with that one campaign', async () => {
    const k = key();
    const body = campaignBody(`Slow launch ${k}`);
    const resume = await stallCampaignWrites();
    let released = false;
    try {
      const first = await call('POST', '/v1/campaigns', body, { 'idempotency-key': k });
      expect(first.status).toBe(503);
      // The service is still at it (waiting for the lock): the key is busy, not free.
      const busy = await call('POST', '/v1/campaigns', body, { 'idempotency-key': k });
      expect(busy.status).toBe(409);
      expect(busy.body.code).toBe('conflict');
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(busy.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      await resume();
      released = true;
    } finally {
      if (!released) await resume();
    }
    await waitFor(async () => (await campaignsNamed(body.name)) === 1, 10_000);

    // Another body under the same key: the service's record refuses it.
    const other = await call('POST', '/v1/campaigns', { ...body, name: `${body.name} (edited)` }, { 'idempotency-key': k });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_conflict');

    const retry = await call('POST', '/v1/campaigns', body, { 'idempotency-key': k });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const [{ id }] = (await db.query(`SELECT id FROM campaigns.campaigns WHERE organization_id = $1 AND name = $2`, [orgId, body.name])).rows;
    expect(retry.body.id).toBe(id);
    // And again, now from the gateway's copy: still the same campaign, still one.
    const again = await call('POST', '/v1/campaigns', body, { 'idempotency-key': k });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(id);
    expect(await campaignsNamed(body.name)).toBe(1);
  });

  it('two concurrent requests with one key: one runs, the other is 409 with Retry-After: 1', async () => {
    const k = key();
    const body = campaignBody(`Concurrent launch ${k}`);
    const resume = await stallCampaignWrites();
    let answers: PlatformModule.ApiResponse[];
    try {
      answers = await Promise.all([1, 2].map(() => call('POST', '/v1/campaigns', body, { 'idempotency-key': k })));
    } finally {
      await resume();
    }
    const busy = answers.filter((a) => a.status === 409);
    expect(busy).toHaveLength(1);
    expect(busy[0].body.code).toBe('conflict');
    expect(busy[0].headers.get('retry-after')).toBe('1');
    expect(answers.filter((a) => a.status === 503)).toHaveLength(1);
    await waitFor(async () => (await campaignsNamed(body.name)) === 1, 10_000);
    const retry = await call('POST', '/v1/campaigns', body, { 'idempotency-key': k });
    expect(retry.status).toBe(201);
    expect(await campaignsNamed(body.name)).toBe(1);
  });

  it('a generation the gateway gave up on is reserved and settled once, and the retry returns its item', async () => {
    const created = await call('POST', '/v1/campaigns', campaignBody(`Generation ${Date.now()}`));
    expect(created.status).toBe(201);
    const campaignId = created.body.id as string;
    const k = key();
    const brief = { content_type: 'product_launch', format: 'video_script', length: 'long', campaign_id: campaignId };
    process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS = '20';
    try {
      const first = await call('POST', '/v1/agents/agent_velo_automotive/content', brief, { 'idempotency-key': k });
      expect(first.status).toBe(503);
      const busy = await call('POST', '/v1/agents/agent_velo_automotive/content', brief, { 'idempotency-key': k });
      expect(busy.status).toBe(409);
      expect(busy.headers.get('retry-after')).toBe('1');
    } finally {
      delete process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS;
    }
    const item = await waitFor(async () => {
      const { rows } = await db.query(`SELECT id, status, reservation_state FROM content.content_items WHERE campaign_id = $1`, [campaignId]);
      return rows.length === 1 && rows[0].status !== 'generating' && rows[0].reservation_state !== 'held' ? rows[0] : null;
    }, 20_000);
    expect(item).toMatchObject({ status: 'pending_review', reservation_state: 'settled' });

    const retry = await call('POST', '/v1/agents/agent_velo_automotive/content', brief, { 'idempotency-key': k });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(item.id);

    expect(await count(`SELECT count(*) AS n FROM content.content_items WHERE campaign_id = $1`, [campaignId])).toBe(1);
    const ledger = (await db.query(
      `SELECT count(*) AS n, count(*) FILTER (WHERE status = 'settled') AS settled FROM campaigns.spend_reservations WHERE campaign_id = $1`,
      [campaignId])).rows[0];
    expect({ reservations: Number(ledger.n), settled: Number(ledger.settled) }).toEqual({ reservations: 1, settled: 1 });
    const campaign = (await call('GET', `/v1/campaigns/${campaignId}`)).body;
    expect(campaign.spent_usd).toBe(campaign.per_item_usd);
  });

  it('a generation whose earlier attempt died before storing its item resumes that item and its one hold', async () => {
    const created = await call('POST', '/v1/campaigns', campaignBody(`Resumed ${Date.now()}`));
    const campaignId = created.body.id as string;
    const k = key();
    const brief = { content_type: 'product_launch', format: 'post', campaign_id: campaignId };
    // The first attempt pointed the key at an item and took its hold, then its replica died: no row was written.
    const first = await call('POST', '/v1/agents/agent_velo_automotive/content', brief, { 'idempotency-key': k });
    expect(first.status).toBe(201);
    await db.query(`DELETE FROM content.content_items WHERE id = $1`, [first.body.id]);
    await db.query(`UPDATE campaigns.spend_reservations SET status = 'held', settled_at = NULL WHERE content_id = $1`, [first.body.id]);
    await db.query(`UPDATE campaigns.campaigns c SET held_cents = r.amount_cents, spent_cents = 0 FROM campaigns.spend_reservations r WHERE r.content_id = $1 AND c.id = r.campaign_id`, [first.body.id]);
    await db.query(`DELETE FROM gateway.idempotency_keys WHERE organization_id = $1 AND key = $2`, [orgId, k]);

    const retry = await call('POST', '/v1/agents/agent_velo_automotive/content', brief, { 'idempotency-key': k });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    const ledger = (await db.query(`SELECT status FROM campaigns.spend_reservations WHERE campaign_id = $1`, [campaignId])).rows;
    expect(ledger).toEqual([{ status: 'settled' }]);
  });

  it('a generation whose worker died mid-writing is failed cleanly, its hold released, and the retry writes one new item', async () => {
    const created = await call('POST', '/v1/campaigns', campaignBody(`Dead worker ${Date.now()}`));
    const campaignId = created.body.id as string;
    const k = key();
    const brief = { content_type: 'product_launch', format: 'post', campaign_id: campaignId };
    const first = await call('POST', '/v1/agents/agent_velo_automotive/content', brief, { 'idempotency-key': k });
    expect(first.status).toBe(201);
    // As the item looked while its replica was writing it, when that replica died (its key lock died with it).
    await db.query(`UPDATE content.content_items SET status = 'generating', reservation_state = 'held' WHERE id = $1`, [first.body.id]);
    await db.query(`UPDATE campaigns.spend_reservations SET status = 'held', settled_at = NULL WHERE content_id = $1`, [first.body.id]);
    await db.query(`UPDATE campaigns.campaigns c SET held_cents = r.amount_cents, spent_cents = 0 FROM campaigns.spend_reservations r WHERE r.content_id = $1 AND c.id = r.campaign_id`, [first.body.id]);
    await db.query(`DELETE FROM gateway.idempotency_keys WHERE organization_id = $1 AND key = $2`, [orgId, k]);

    const retry = await call('POST', '/v1/agents/agent_velo_automotive/content', brief, { 'idempotency-key': k });
    expect(retry.status).toBe(201);
    expect(retry.body.id).not.toBe(first.body.id);
    const items = (await db.query(`SELECT id, status FROM content.content_items WHERE campaign_id = $1 ORDER BY created_at`, [campaignId])).rows;
    expect(items).toEqual([{ id: first.body.id, status: 'failed' }, { id: retry.body.id, status: 'pending_review' }]);
    const ledger = (await db.query(`SELECT content_id, status FROM campaigns.spend_reservations WHERE campaign_id = $1 ORDER BY created_at`, [campaignId])).rows;
    expect(ledger).toEqual([{ content_id: first.body.id, status: 'released' }, { content_id: retry.body.id, status: 'settled' }]);
    const campaign = (await call('GET', `/v1/campaigns/${campaignId}`)).body;
    expect(campaign.spent_usd).toBe(campaign.per_item_usd);
    // From now on the key answers with that one new item.
    const again = await call('POST', '/v1/agents/agent_velo_automotive/content', brief, { 'idempotency-key': k });
    expect(again.body.id).toBe(retry.body.id);
  });

  it('replays a refusal as a problem document, from the gateway and from the service', async () => {
    const k = key();
    // VELO does not write French: the campaigns service refuses with 422.
    const body = { ...LAUNCH_CAMPAIGN, name: `French ${k}`, config: { ...LAUNCH_CAMPAIGN.config, languages: ['fr'] } };
    const first = await call('POST', '/v1/campaigns', body, { 'idempotency-key': k });
    expect(first.status).toBe(422);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await call('POST', '/v1/campaigns', body, { 'idempotency-key': k });
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(again.body).toMatchObject({ code: first.body.code, errors: first.body.errors });
    // As if the gateway had crashed before keeping its copy: the service's own record answers the same.
    await db.query(`DELETE FROM gateway.idempotency_keys WHERE organization_id = $1 AND key = $2`, [orgId, k]);
    const fromService = await call('POST', '/v1/campaigns', body, { 'idempotency-key': k });
    expect(fromService.status).toBe(422);
    expect(fromService.headers.get('idempotent-replayed')).toBe('true');
    expect(fromService.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(fromService.body).toMatchObject({ code: first.body.code, errors: first.body.errors });
  });

  it('a gateway that crashed mid-request leaves no key stuck', async () => {
    const k = key();
    // What an earlier gateway left when it died between "begin" and "complete": a claim without an answer.
    await db.query(`INSERT INTO gateway.idempotency_keys (organization_id, livemode, key, request_hash) VALUES ($1, true, $2, 'a-claim')`, [orgId, k]);
    const res = await call('POST', '/v1/campaigns', campaignBody(`After crash ${k}`), { 'idempotency-key': k });
    expect(res.status).toBe(201);
  });

  it('a replayed campaign action answers like the first, even when only the service remembers it', async () => {
    const created = await call('POST', '/v1/campaigns', campaignBody(`Paused ${Date.now()}`));
    const k = key();
    const first = await call('POST', `/v1/campaigns/${created.body.id}/pause`, undefined, { 'idempotency-key': k });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('paused');
    await db.query(`DELETE FROM gateway.idempotency_keys WHERE organization_id = $1 AND key = $2`, [orgId, k]);
    const replay = await call('POST', `/v1/campaigns/${created.body.id}/pause`, undefined, { 'idempotency-key': k });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
  });

  it('a keyed API key creation makes one key, and its replay never carries the token again', async () => {
    const k = key();
    const name = `Idempotent key ${k}`;
    const body = { name, scopes: ['agents:read'], mode: 'live' };
    const first = await call('POST', '/v1/api-keys', body, { 'idempotency-key': k });
    expect(first.status).toBe(201);
    expect(first.body.token).toMatch(/^ig_live_/);
    const replay = await call('POST', '/v1/api-keys', body, { 'idempotency-key': k });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.body.token).toBeNull();
    expect(await count(`SELECT count(*) AS n FROM gateway.api_keys WHERE organization_id = $1 AND name = $2`, [orgId, name])).toBe(1);
    const stored = (await db.query(`SELECT response_body FROM gateway.idempotency_keys WHERE organization_id = $1 AND key = $2`, [orgId, k])).rows[0];
    expect(stored.response_body).not.toContain(first.body.token);
  });
});
