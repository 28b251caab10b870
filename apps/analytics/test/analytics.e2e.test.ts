import { apiClient, readEvents, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { LAUNCH_CAMPAIGN } from '../../../tools/testing/fixtures';
import { Client } from 'pg';
import { databaseUrl } from '@influgentic/persistence';

/** What earlier suites on this database already measured for a catalog agent (catalog agents are shared). */
async function measuredSoFar(agentId: string): Promise<{ impressions: number; engagements: number; leads: number; conversions: number }> {
  const db = new Client({ connectionString: databaseUrl() });
  await db.connect();
  try {
    const { rows } = await db.query(`SELECT performance->'measured' AS m FROM registry.agents WHERE id = $1`, [agentId]);
    return { impressions: 0, engagements: 0, leads: 0, conversions: 0, ...(rows[0]?.m ?? {}) };
  } finally {
    await db.end();
  }
}

type Call = ReturnType<typeof apiClient>;

const DAY_MS = 86_400_000;
/** Days relative to today (UTC), YYYY-MM-DD. */
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const at = (offset: number, time = '12:00:00Z') => `${day(offset)}T${time}`;

/**
 * Results that travel between services as events (outbox → JetStream → another service's durable consumer, shared by
 * every suite of a run) can queue behind a busy run's backlog: they get longer than a request's wait.
 */
const EVENT_FLOW_MS = 45_000;

describe('analytics (e2e over HTTP, real Postgres and NATS)', () => {
  let platform: Platform;
  let admin: Call;
  let live: Call;
  let sandbox: Call;
  let other: Call;
  let orgId: string;
  let campaign: { id: string; per_item_usd: number; agent_id: string };
  let agentBefore: { reach: number; engagement_rate: number };
  let measuredBefore: Awaited<ReturnType<typeof measuredSoFar>>;

  async function newOrg() {
    const res = await admin('POST', '/admin/v1/organizations', { name: `Analytics ${Math.random().toString(36).slice(2, 8)}`, plan: 'enterprise' });
    expect(res.status).toBe(201);
    return { id: res.body.organization.id as string, call: apiClient(platform.url, res.body.api_key.token as string) };
  }

  beforeAll(async () => {
    platform = await startPlatform(['registry', 'campaigns', 'content', 'analytics']);
    admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    const org = await newOrg();
    orgId = org.id;
    live = org.call;
    other = (await newOrg()).call;
    const key = await live('POST', '/v1/api-keys', { name: 'sandbox', scopes: ['campaigns:read', 'campaigns:write', 'analytics:read', 'analytics:write'], mode: 'test' });
    expect(key.status).toBe(201);
    sandbox = apiClient(platform.url, key.body.token);
    agentBefore = (await live('GET', `/v1/agents/${LAUNCH_CAMPAIGN.agent_id}`)).body;
    measuredBefore = await measuredSoFar(LAUNCH_CAMPAIGN.agent_id);
    const created = await live('POST', '/v1/campaigns', LAUNCH_CAMPAIGN);
    expect(created.status).toBe(201);
    campaign = created.body;
  });

  afterAll(async () => {
    await platform?.close();
  });

  // Day -3, -2 and -1; the late conversion was sent with a -05:00 offset at 23:30 on day -3, which is day -2 in UTC.
  const batch = () => [
    { id: 'e1', type: 'impression', campaign_id: campaign.id, language: 'en', platform: 'instagram', count: 1000, occurred_at: at(-3) },
    { id: 'e2', type: 'impression', campaign_id: campaign.id, language: 'de', platform: 'tiktok', count: 500, occurred_at: at(-2) },
    { id: 'e3', type: 'impression', campaign_id: campaign.id, content_id: 'cnt_top', language: 'en', platform: 'instagram', count: 250, occurred_at: at(-1) },
    { id: 'e4', type: 'engagement', campaign_id: campaign.id, language: 'en', platform: 'instagram', count: 80, occurred_at: at(-3) },
    { id: 'e5', type: 'engagement', campaign_id: campaign.id, content_id: 'cnt_top', language: 'de', platform: 'tiktok', count: 40, occurred_at: at(-2) },
    { id: 'e6', type: 'click', campaign_id: campaign.id, language: 'en', platform: 'instagram', count: 30, occurred_at: at(-3) },
    { id: 'e7', type: 'lead', campaign_id: campaign.id, language: 'en', platform: 'instagram', count: 10, occurred_at: at(-3), metadata: { email: 'ana@example.com', form: 'launch' } },
    { id: 'e8', type: 'lead', campaign_id: campaign.id, language: 'de', platform: 'tiktok', count: 5, occurred_at: at(-1) },
    { id: 'e9', type: 'conversion', campaign_id: campaign.id, language: 'en', platform: 'instagram', count: 3, value_usd: 150, occurred_at: `${day(-3)}T23:30:00-05:00` },
    { id: 'e10', type: 'conversion', campaign_id: campaign.id, language: 'de', platform: 'tiktok', value_usd: 49.99, occurred_at: at(-1) },
  ];

  describe('ingestion', () => {
    it('charges two generated items, then accepts a batch and counts a repeated batch as duplicates', async () => {
      for (let i = 0; i < 2; i++) {
        const gen = await live('POST', `/v1/agents/${campaign.agent_id}/content`, { content_type: 'product_launch', format: 'post', campaign_id: campaign.id });
        expect(gen.status).toBe(201);
      }
      const first = await live('POST', '/v1/events', { events: batch() });
      expect(first.status).toBe(202);
      expect(first.body).toEqual({ accepted: 10, duplicates: 0 });
      const again = await live('POST', '/v1/events', { events: batch() });
      expect(again.body).toEqual({ accepted: 0, duplicates: 10 });
      // Ids are scoped to the organization and mode: the same id in a new event of this batch is still a duplicate.
      const mixed = await live('POST', '/v1/events', { events: [batch()[0], { ...batch()[0], id: 'e11', count: 1, occurred_at: at(-40) }, { ...batch()[0], id: 'e11' }] });
      expect(mixed.body).toEqual({ accepted: 1, duplicates: 2 });
    });

    it('refuses a bad event naming its index, and writes nothing of the batch', async () => {
      const events = batch().map((e) => ({ ...e, id: `bad-${e.id}` }));
      const bad = await live('POST', '/v1/events', { events: [...events.slice(0, 3), { ...events[3], type: 'view' }] });
      expect(bad.status).toBe(422);
      expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'events[3].type', code: 'enum' })]);

      const future = await live('POST', '/v1/events', { events: [{ ...events[0], occurred_at: new Date(Date.now() + 2 * DAY_MS).toISOString() }] });
      expect(future.status).toBe(422);
      expect(future.body.errors[0]).toMatchObject({ field: 'events[0].occurred_at', code: 'future' });

      const unknown = await live('POST', '/v1/events', { events: [events[0], { ...events[1], campaign_id: 'camp_01jnothing000000000000000' }] });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'events[1].campaign_id', code: 'not_found' })]);

      const wrongAgent = await live('POST', '/v1/events', { events: [{ ...events[0], agent_id: 'agent_lumiere_fashion' }] });
      expect(wrongAgent.status).toBe(422);
      expect(wrongAgent.body.errors[0].field).toBe('events[0].agent_id');

      const tooMany = await live('POST', '/v1/events', { events: Array.from({ length: 1001 }, (_, i) => ({ type: 'impression', campaign_id: campaign.id, id: `m${i}` })) });
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.errors[0]).toMatchObject({ field: 'events', code: 'max_items' });
      // The gateway forwards this body unvalidated: a field beside `events` is still refused, by the service.
      const extra = await live('POST', '/v1/events', { events: [events[0]], source: 'crm' });
      expect(extra.status).toBe(422);
      expect(extra.body.errors).toEqual([expect.objectContaining({ field: 'source', code: 'unknown_field' })]);
      // None of the refused batches left anything behind: their ids are still new.
      const retry = await live('POST', '/v1/events', { events: [{ ...events[0], count: 1, occurred_at: at(-50) }] });
      expect(retry.body).toEqual({ accepted: 1, duplicates: 0 });
    });

    it('emits lead.captured with the lead’s data', async () => {
      const leads = await waitFor(async () => {
        const all = await readEvents<{ event_id: string; metadata: Record<string, string>; count: number }>('lead.captured');
        const mine = all.filter((e) => e.organization_id === orgId);
        return mine.length >= 2 ? mine : null;
      }, EVENT_FLOW_MS);
      expect(leads.map((e) => e.data.event_id).sort()).toEqual(['e7', 'e8']);
      expect(leads.find((e) => e.data.event_id === 'e7')!.data).toMatchObject({
        campaign_id: campaign.id, agent_id: campaign.agent_id, count: 10, language: 'en', platform: 'instagram', metadata: { email: 'ana@example.com', form: 'launch' },
      });
    });
  });

  describe('reports', () => {
    it('computes every number of the campaign report from the known events', async () => {
      // Spend comes from the campaigns service's events: two generated items at the campaign's rate card.
      const spend = 2 * campaign.per_item_usd;
      const res = await waitFor(async () => {
        const r = await live('GET', `/v1/analytics/campaigns/${campaign.id}?start=${day(-3)}&end=${day(-1)}&granularity=day`);
        return r.body?.summary?.spend_usd === spend ? r : null;
      }, EVENT_FLOW_MS);
      expect(res.status).toBe(200);
      const revenue = 150 + 49.99;
      expect(res.body).toEqual({
        campaign_id: campaign.id, livemode: true, period: { start: day(-3), end: day(-1) }, granularity: 'day',
        summary: {
          total_impressions: 1750, total_engagements: 120, total_clicks: 30, engagement_rate: 120 / 1750, click_through_rate: 30 / 1750,
          leads_generated: 15, conversions: 4, conversion_rate: 4 / 15, estimated_revenue_usd: revenue, spend_usd: spend,
          roi_multiplier: 19999 / (spend * 100),
        },
        breakdown_by_language: {
          de: { impressions: 500, engagements: 40, clicks: 0, leads: 5, conversions: 1 },
          en: { impressions: 1250, engagements: 80, clicks: 30, leads: 10, conversions: 3 },
        },
        breakdown_by_platform: {
          instagram: { impressions: 1250, engagements: 80, clicks: 30, leads: 10, conversions: 3 },
          tiktok: { impressions: 500, engagements: 40, clicks: 0, leads: 5, conversions: 1 },
        },
        timeseries: [
          { date: day(-3), impressions: 1000, engagements: 80, clicks: 30, leads: 10, conversions: 0, revenue_usd: 0 },
          { date: day(-2), impressions: 500, engagements: 40, clicks: 0, leads: 0, conversions: 3, revenue_usd: 150 },
          { date: day(-1), impressions: 250, engagements: 0, clicks: 0, leads: 5, conversions: 1, revenue_usd: 49.99 },
        ],
        top_content: [
          { content_id: 'cnt_top', campaign_id: campaign.id, platform: 'instagram', impressions: 250, engagements: 40, clicks: 0, leads: 0, conversions: 0, engagement_rate: 40 / 250 },
        ],
      });
    });

    it('defaults the period to the campaign start through today, and counts the earlier late events outside it', async () => {
      const res = await live('GET', `/v1/analytics/campaigns/${campaign.id}`);
      expect(res.status).toBe(200);
      expect(res.body.period).toEqual({ start: day(0), end: day(0) });
      expect(res.body.summary.total_impressions).toBe(0);
      const wide = await live('GET', `/v1/analytics/campaigns/${campaign.id}?start=${day(-60)}&end=${day(0)}`);
      expect(wide.body.summary.total_impressions).toBe(1752);
      expect(wide.body.timeseries).toHaveLength(61);
      expect(wide.body.timeseries.find((p: { date: string }) => p.date === day(-50)).impressions).toBe(1);
      expect(wide.body.timeseries.find((p: { date: string }) => p.date === day(-40)).impressions).toBe(1);
    });

    it('gives the same shape for the agent and the organization', async () => {
      const agent = await live('GET', `/v1/analytics/agents/${campaign.agent_id}?start=${day(-3)}&end=${day(-1)}`);
      expect(agent.status).toBe(200);
      expect(agent.body.agent_id).toBe(campaign.agent_id);
      expect(agent.body.summary).toMatchObject({ total_impressions: 1750, leads_generated: 15, conversions: 4, spend_usd: 2 * campaign.per_item_usd });
      const overview = await live('GET', `/v1/analytics/overview?start=${day(-3)}&end=${day(-1)}`);
      expect(overview.status).toBe(200);
      expect(overview.body.organization_id).toBe(orgId);
      expect(overview.body.summary).toEqual(agent.body.summary);
      expect(overview.body.timeseries).toEqual(agent.body.timeseries);
      expect(overview.body.breakdown_by_language).toEqual(agent.body.breakdown_by_language);
    });

    it('moves the agent’s catalog reach and engagement rate with its live results (sandbox results do not count)', async () => {
      const agent = await waitFor(async () => {
        const a = (await live('GET', `/v1/agents/${campaign.agent_id}`)).body;
        return a.reach === agentBefore.reach + 1752 ? a : null;
      }, EVENT_FLOW_MS);
      const m = measuredBefore;
      const rate = (m.engagements + 120) / (m.impressions + 1752);
      expect(agent.engagement_rate).toBe(rate);
      expect(agent.performance).toMatchObject({ avg_engagement_rate: rate, avg_conversion_rate: (m.conversions + 4) / (m.leads + 15) });
    });

    it('refuses a reversed or over-long period and an unknown granularity with 422', async () => {
      const reversed = await live('GET', `/v1/analytics/campaigns/${campaign.id}?start=${day(-1)}&end=${day(-3)}`);
      expect(reversed.status).toBe(422);
      expect(reversed.body.errors[0].field).toBe('start');
      expect((await live('GET', `/v1/analytics/overview?start=${day(-500)}&end=${day(0)}`)).status).toBe(422);
      const bad = await live('GET', '/v1/analytics/overview?granularity=hour&start=2025-02-30');
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['granularity', 'start']);
    });
  });

  describe('exports', () => {
    async function finished(call: Call, id: string) {
      return waitFor(async () => {
        const r = await call('GET', `/v1/jobs/${id}`);
        return r.body?.status === 'done' || r.body?.status === 'error' ? r.body : null;
      }, 30_000, 200);
    }

    it('runs a CSV export as a job and serves the file through a signed, authenticated link', async () => {
      const res = await live('POST', '/v1/analytics/exports', { format: 'csv', start: day(-3), end: day(-1), campaign_id: campaign.id });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ type: 'analytics.export', status: 'queued', livemode: true });
      const job = await finished(live, res.body.id);
      expect(job).toMatchObject({ status: 'done', progress: 100, result: { format: 'csv', rows: 10 } });
      expect(job.result.download_url).toMatch(/^\/v1\/analytics\/exports\/job_[0-9a-z]+\/download\?expires=\d+&signature=[0-9a-f]{64}$/);
      expect(Date.parse(job.result.expires_at) - Date.now()).toBeGreaterThan(59 * 60_000);
      expect(Date.parse(job.result.expires_at) - Date.now()).toBeLessThanOrEqual(60 * 60_000);

      const file = await live('GET', job.result.download_url);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = (file.body as string).trim().split('\n');
      expect(lines[0]).toBe('id,type,occurred_at,campaign_id,agent_id,content_id,platform,language,count,value_usd');
      expect(lines).toHaveLength(11);
      expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['e1', 'e10', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9']);
      expect(lines.find((l) => l.startsWith('e10,'))).toBe(`e10,conversion,${day(-1)}T12:00:00.000Z,${campaign.id},${campaign.agent_id},,tiktok,de,1,49.99`);

      // The key is still needed, the link is bound to its organization and mode, and its signature to its expiry.
      expect((await apiClient(platform.url)('GET', job.result.download_url)).status).toBe(401);
      expect((await other('GET', job.result.download_url)).status).toBe(404);
      expect((await sandbox('GET', job.result.download_url)).status).toBe(404);
      const tampered = job.result.download_url.replace(/expires=(\d+)/, (_: string, n: string) => `expires=${Number(n) + 3600}`);
      expect((await live('GET', tampered)).status).toBe(403);
    });

    it('exports JSON, keeps export jobs to their organization and mode, and refuses cancelling a finished one', async () => {
      const res = await live('POST', '/v1/analytics/exports', { format: 'json', start: day(-60), end: day(0) });
      const job = await finished(live, res.body.id);
      expect(job.result.rows).toBe(12);
      const file = await live('GET', job.result.download_url);
      expect(file.headers.get('content-type')).toMatch(/^application\/json/);
      expect(file.body).toHaveLength(12);
      expect(file.body[0]).toEqual({
        id: 'bad-e1', type: 'impression', occurred_at: `${day(-50)}T12:00:00.000Z`, campaign_id: campaign.id, agent_id: campaign.agent_id,
        content_id: null, platform: 'instagram', language: 'en', count: 1, value_usd: 0,
      });
      // A request narrowed to another agent exports none of this agent's events.
      const narrowed = await live('POST', '/v1/analytics/exports', { format: 'json', start: day(-60), end: day(0) }, { 'x-influgentic-agent': 'agent_pulse_fitness' });
      expect(narrowed.status).toBe(202);
      expect((await finished(live, narrowed.body.id)).result.rows).toBe(0);
      expect((await other('GET', `/v1/jobs/${job.id}`)).status).toBe(404);
      expect((await sandbox('GET', `/v1/jobs/${job.id}`)).status).toBe(404);
      // A key that only reads analytics sees the job but may not cancel it.
      const reader = await live('POST', '/v1/api-keys', { name: 'analytics reader', scopes: ['analytics:read'], mode: 'live' });
      const readOnly = apiClient(platform.url, reader.body.token);
      expect((await readOnly('GET', `/v1/jobs/${job.id}`)).status).toBe(200);
      expect((await readOnly('POST', `/v1/jobs/${job.id}/cancel`)).status).toBe(403);
      const cancel = await live('POST', `/v1/jobs/${job.id}/cancel`);
      expect(cancel.status).toBe(409);
      const bad = await live('POST', '/v1/analytics/exports', { format: 'xml', start: day(-1), end: day(-3), campaign_id: 'camp_nothing' });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['format']);
      const reversed = await live('POST', '/v1/analytics/exports', { format: 'csv', start: day(-1), end: day(-3) });
      expect(reversed.body.errors[0].field).toBe('start');
      const foreign = await other('POST', '/v1/analytics/exports', { format: 'csv', start: day(-3), end: day(-1), campaign_id: campaign.id });
      expect(foreign.status).toBe(422);
      expect(foreign.body.errors[0].field).toBe('campaign_id');
    });
  });

  describe('tenancy and sandbox', () => {
    it('keeps another organization out: its reports are 404 and it cannot ingest into the campaign', async () => {
      expect((await other('GET', `/v1/analytics/campaigns/${campaign.id}`)).status).toBe(404);
      expect((await other('GET', `/v1/analytics/agents/${campaign.agent_id}`)).status).toBe(404);
      const ingest = await other('POST', '/v1/events', { events: [{ type: 'impression', campaign_id: campaign.id }] });
      expect(ingest.status).toBe(422);
      expect(ingest.body.errors[0].field).toBe('events[0].campaign_id');
      const overview = await other('GET', '/v1/analytics/overview');
      expect(overview.status).toBe(200);
      expect(overview.body.summary.total_impressions).toBe(0);
    });

    it('keeps sandbox and live apart: a sandbox key sees no live campaign, its own data stays out of live reports', async () => {
      expect((await sandbox('GET', `/v1/analytics/campaigns/${campaign.id}`)).status).toBe(404);
      const intoLive = await sandbox('POST', '/v1/events', { events: [{ type: 'impression', campaign_id: campaign.id }] });
      expect(intoLive.status).toBe(422);
      const test = await sandbox('POST', '/v1/campaigns', LAUNCH_CAMPAIGN);
      expect(test.status).toBe(201);
      expect(test.body.livemode).toBe(false);
      // The same event id as a live event: ids are scoped per mode, so this one is new.
      const ok = await sandbox('POST', '/v1/events', { events: [{ id: 'e1', type: 'conversion', campaign_id: test.body.id, value_usd: 10, occurred_at: at(-1) }] });
      expect(ok.body).toEqual({ accepted: 1, duplicates: 0 });
      const report = await sandbox('GET', `/v1/analytics/campaigns/${test.body.id}?start=${day(-1)}&end=${day(-1)}`);
      expect(report.body).toMatchObject({ livemode: false, summary: { conversions: 1, estimated_revenue_usd: 10, spend_usd: 0, roi_multiplier: null } });
      expect((await live('GET', `/v1/analytics/campaigns/${test.body.id}`)).status).toBe(404);
      const liveOverview = await live('GET', `/v1/analytics/overview?start=${day(-3)}&end=${day(-1)}`);
      expect(liveOverview.body.summary.conversions).toBe(4);
    });

    it('needs the analytics scopes', async () => {
      const key = await live('POST', '/v1/api-keys', { name: 'reader', scopes: ['analytics:read'], mode: 'live' });
      const reader = apiClient(platform.url, key.body.token);
      expect((await reader('GET', '/v1/analytics/overview')).status).toBe(200);
      const refused = await reader('POST', '/v1/events', { events: [{ type: 'impression', campaign_id: campaign.id }] });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('insufficient_scope');
    });
  });
});
