import type { INestMicroservice } from '@nestjs/common';
import { startServiceApp } from '@influgentic/messaging';
import { openServiceDatabase } from '@influgentic/persistence';
import type { DataSource } from 'typeorm';
import { apiClient, readEvents, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { LAUNCH_CAMPAIGN } from '../../../tools/testing/fixtures';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS, AnalyticsModule } from '../src/app.module';

type Call = ReturnType<typeof apiClient>;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Integration on real Postgres and NATS, with two analytics replicas sharing the work (a NATS queue group). */
describe('analytics ingestion with two replicas', () => {
  let platform: Platform;
  let second: INestMicroservice;
  let call: Call;
  let db: DataSource;

  async function newCampaign(): Promise<{ id: string; agent_id: string }> {
    const res = await call('POST', '/v1/campaigns', LAUNCH_CAMPAIGN);
    expect(res.status).toBe(201);
    return res.body;
  }

  const totals = async (campaignId: string) => {
    const [row] = await db.query('SELECT impressions::int, leads::int FROM analytics.campaign_totals WHERE campaign_id = $1', [campaignId]);
    return row ?? { impressions: 0, leads: 0 };
  };

  beforeAll(async () => {
    platform = await startPlatform(['registry', 'campaigns', 'analytics']);
    second = await startServiceApp(AnalyticsModule, 'analytics');
    const org = await apiClient(platform.url, TEST_ADMIN_TOKEN)('POST', '/admin/v1/organizations', { name: 'Ingestion', plan: 'enterprise' });
    call = apiClient(platform.url, org.body.api_key.token);
    db = await openServiceDatabase({ schema: 'analytics', entities: ANALYTICS_ENTITIES, migrations: ANALYTICS_MIGRATIONS, poolSize: 2 });
  });

  afterAll(async () => {
    await second?.close();
    await db?.destroy();
    await platform?.close();
  });

  it('fires each milestone exactly once when concurrent batches on both replicas cross the thresholds together', async () => {
    const c = await newCampaign();
    // 24 batches at once: 1.2M impressions and 12,000 leads in total, crossing all six thresholds in some order.
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => call('POST', '/v1/events', {
      events: [
        { id: `imp-${i}`, type: 'impression', campaign_id: c.id, count: 50_000 },
        { id: `lead-${i}`, type: 'lead', campaign_id: c.id, count: 500 },
      ],
    })));
    expect(results.map((r) => r.status)).toEqual(Array(24).fill(202));
    expect(await totals(c.id)).toEqual({ impressions: 1_200_000, leads: 12_000 });
    const rows = await db.query('SELECT metric, threshold::int FROM analytics.milestones WHERE campaign_id = $1 ORDER BY metric, threshold', [c.id]);
    expect(rows).toEqual([
      { metric: 'impressions', threshold: 10_000 }, { metric: 'impressions', threshold: 100_000 }, { metric: 'impressions', threshold: 1_000_000 },
      { metric: 'leads', threshold: 100 }, { metric: 'leads', threshold: 1_000 }, { metric: 'leads', threshold: 10_000 },
    ]);
    const events = await waitFor(async () => {
      const mine = (await readEvents<{ campaign_id: string; metric: string; threshold: number; value: number }>('analytics.milestone_reached'))
        .filter((e) => e.data.campaign_id === c.id);
      return mine.length >= 6 ? mine : null;
    });
    await new Promise((r) => setTimeout(r, 500));
    const again = (await readEvents<{ campaign_id: string; metric: string; threshold: number }>('analytics.milestone_reached')).filter((e) => e.data.campaign_id === c.id);
    expect(again).toHaveLength(6);
    expect(events.map((e) => `${e.data.metric}:${e.data.threshold}`).sort()).toEqual(['impressions:100000', 'impressions:1000000', 'impressions:10000', 'leads:100', 'leads:1000', 'leads:10000'].sort());
    for (const e of events) expect(e.data.value).toBeGreaterThanOrEqual(e.data.threshold);
  });

  it('puts late events in their own day, making the partition of an old month on demand', async () => {
    const c = await newCampaign();
    const old = new Date(Date.now() - 400 * 86_400_000);
    const res = await call('POST', '/v1/events', {
      events: [
        { id: 'late-1', type: 'impression', campaign_id: c.id, count: 7, occurred_at: old.toISOString() },
        { id: 'now-1', type: 'impression', campaign_id: c.id, count: 3 },
      ],
    });
    expect(res.body).toEqual({ accepted: 2, duplicates: 0 });
    const oldDay = old.toISOString().slice(0, 10);
    const report = await call('GET', `/v1/analytics/campaigns/${c.id}?start=${oldDay}&end=${oldDay}`);
    expect(report.body.timeseries).toEqual([expect.objectContaining({ date: oldDay, impressions: 7 })]);
    const [partition] = await db.query(`SELECT count(*)::int AS n FROM pg_class WHERE relname = $1`, [`events_p${oldDay.slice(0, 4)}${oldDay.slice(5, 7)}`]);
    expect(partition.n).toBe(1);
    const [stored] = await db.query(`SELECT count(*)::int AS n FROM analytics.events WHERE campaign_id = $1`, [c.id]);
    expect(stored.n).toBe(2);
  });

  it('replays an Idempotency-Key’s answer instead of ingesting again', async () => {
    const c = await newCampaign();
    const body = { events: [{ type: 'click', campaign_id: c.id, count: 4 }] };
    const first = await call('POST', '/v1/events', body, { 'idempotency-key': 'ingest-once' });
    const second = await call('POST', '/v1/events', body, { 'idempotency-key': 'ingest-once' });
    expect(first.body).toEqual({ accepted: 1, duplicates: 0 });
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const [row] = await db.query('SELECT clicks::int FROM analytics.campaign_totals WHERE campaign_id = $1', [c.id]);
    expect(row.clicks).toBe(4);
  });

  it('loses and double counts nothing when the analytics service is stopped mid-ingestion and batches are retried', async () => {
    const c = await newCampaign();
    const batches = Array.from({ length: 30 }, (_, b) => ({
      events: Array.from({ length: 100 }, (_, i) => ({ id: `f-${b}-${i}`, type: 'impression', campaign_id: c.id, occurred_at: `${day(-1)}T10:00:00Z` })),
    }));
    let accepted = 0;
    // A client sending four batches at a time; both replicas go away while some are in flight.
    const answers: Array<{ status: number; body: any }> = new Array(batches.length);
    let next = 0;
    const client = async () => {
      while (next < batches.length) {
        const i = next++;
        answers[i] = await call('POST', '/v1/events', batches[i]);
      }
    };
    const sending = Promise.all(Array.from({ length: 4 }, client));
    await waitFor(async () => answers.filter(Boolean).length >= 4, 20_000, 10);
    await Promise.all([platform.stopService('analytics'), second.close()]);
    await sending;
    const pending = batches.filter((_, i) => answers[i].status !== 202);
    for (const a of answers) if (a.status === 202) accepted += a.body.accepted;
    expect(answers.every((a) => a.status === 202 || a.status === 503)).toBe(true);

    await platform.startService('analytics');
    second = await startServiceApp(AnalyticsModule, 'analytics');
    // The client retries what was not acknowledged. A batch committed just as its replica went away may have lost
    // its reply: its retry then finds every id taken (counted as duplicates), so fewer than 3,000 may be reported here.
    for (const body of pending) {
      const res = await waitFor(async () => {
        const r = await call('POST', '/v1/events', body);
        return r.status === 202 ? r : null;
      }, 20_000, 200);
      expect(res.body.accepted + res.body.duplicates).toBe(100);
      accepted += res.body.accepted;
    }
    expect(accepted).toBeLessThanOrEqual(3000);
    // Every batch once more: all of it is already there, exactly once.
    for (const body of batches) {
      const res = await call('POST', '/v1/events', body);
      expect(res.body).toEqual({ accepted: 0, duplicates: 100 });
    }
    expect(await totals(c.id)).toEqual({ impressions: 3000, leads: 0 });
    const [raw] = await db.query('SELECT count(*)::int AS n FROM analytics.events WHERE campaign_id = $1', [c.id]);
    expect(raw.n).toBe(3000);
    const report = await call('GET', `/v1/analytics/campaigns/${c.id}?start=${day(-1)}&end=${day(-1)}`);
    expect(report.body.summary.total_impressions).toBe(3000);
  }, 120_000);
});
