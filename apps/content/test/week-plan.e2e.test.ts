import { addDays, mondayOf, todayIn } from '@influgentic/contracts';
import { apiClient, readEvents, startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';

type Call = ReturnType<typeof apiClient>;

const PERSONA = 'JUNO is a calm wellness coach who explains sleep, breathing and morning habits plainly. Tone: warm, practical.';
/** A Monday `n` weeks ahead (UTC), so every test plans its own week. */
const weekAhead = (n: number) => addDays(mondayOf(todayIn('UTC')), 7 * n);

describe('week planner, jobs and calendar (e2e over HTTP, real Postgres and NATS)', () => {
  let platform: Platform;
  let admin: Call;
  let call: Call;
  let agentId: string;

  async function newOrg() {
    const res = await admin('POST', '/admin/v1/organizations', { name: `Planner ${Math.random().toString(36).slice(2, 8)}`, plan: 'enterprise' });
    expect(res.status).toBe(201);
    return apiClient(platform.url, res.body.api_key.token);
  }

  async function buildAgent(c: Call, name: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await c('POST', '/v1/agents', { name, category: 'health_wellness', persona_prompt: PERSONA, languages: ['en', 'de'], tone_modes: ['warm'], ...extra });
    expect(res.status).toBe(202);
    await waitFor(async () => (await c('GET', `/v1/agents/${res.body.id}`)).body.status === 'ready', 15_000);
    return res.body.id;
  }

  /** Polls the job until it ends, returning every progress value seen on the way. */
  async function finish(c: Call, jobId: string, timeoutMs = 60_000) {
    const seen: number[] = [];
    const job = await waitFor(async () => {
      const res = await c('GET', `/v1/jobs/${jobId}`);
      expect(res.status).toBe(200);
      seen.push(res.body.progress);
      return ['done', 'error', 'cancelled'].includes(res.body.status) ? res.body : null;
    }, timeoutMs, 40);
    return { job, seen };
  }

  const week = (overrides: Record<string, unknown> = {}) => ({
    agent_id: agentId, week: weekAhead(2), posts_per_day: 1, platforms: ['instagram', 'linkedin'],
    trending_topics: ['spring reset', 'morning routine'], guidance: 'Keep the week education-led and premium.', target_language: 'en',
    timezone: 'Europe/Berlin', ...overrides,
  });

  beforeAll(async () => {
    // A little latency per word, so progress can be seen moving.
    process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS = '1';
    platform = await startPlatform(['registry', 'content'], {});
    admin = apiClient(platform.url, TEST_ADMIN_TOKEN);
    call = await newOrg();
    agentId = await buildAgent(call, 'JUNO');
  }, 60_000);

  afterAll(async () => {
    delete process.env.CONTENT_TEMPLATE_CHUNK_DELAY_MS;
    await platform?.close();
  });

  it('plans a week: 202 with a job, progress moves to 100, every item scheduled inside the week at local times, on the calendar by day', async () => {
    const monday = weekAhead(2);
    const res = await call('POST', '/v1/content/generate-week', week());
    expect(res.status).toBe(202);
    expect(res.body.job).toMatchObject({ type: 'content.generate_week', status: 'queued', progress: 0, agent_id: agentId });
    expect(res.body.job.id).toMatch(/^job_/);

    const { job, seen } = await finish(call, res.body.job.id);
    expect(job).toMatchObject({ status: 'done', progress: 100, error: null, result: { items_total: 14, items_done: 14, items_failed: 0, items_skipped: 0, week: monday } });
    expect(seen.some((p) => p > 0 && p < 100)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(job.result.content_ids).toHaveLength(14);

    const start = Date.parse(`${addDays(monday, -1)}T22:00:00Z`); // Monday 00:00 in Berlin is at the latest 23:00 UTC the day before
    const end = Date.parse(`${addDays(monday, 7)}T00:00:00Z`);
    const items = await Promise.all(job.result.content_ids.map(async (id: string) => (await call('GET', `/v1/content/${id}`)).body));
    const platforms = new Set<string>();
    const types = new Set<string>();
    for (const item of items) {
      expect(item).toMatchObject({ status: 'pending_review', agent_id: agentId, language: 'en' });
      const at = Date.parse(item.scheduled_at);
      expect(at).toBeGreaterThanOrEqual(start);
      expect(at).toBeLessThan(end);
      platforms.add(item.platform);
      types.add(item.content_type);
      // Organic posts (no product, no campaign) are not ads; they speak to the week's topics.
      expect(item.disclosures).not.toContain('#ad');
      expect(/spring reset|morning routine/i.test(item.body)).toBe(true);
      const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date(item.scheduled_at));
      expect(item.platform === 'instagram' ? ['11:00'] : ['08:00', '10:00']).toContain(berlin);
    }
    expect(platforms).toEqual(new Set(['instagram', 'linkedin']));
    expect(types.size).toBeGreaterThanOrEqual(3);

    const cal = await call('GET', `/v1/content/calendar?from=${monday}&to=${addDays(monday, 6)}&agent_id=${agentId}&timezone=Europe/Berlin`);
    expect(cal.status).toBe(200);
    expect(cal.body.days).toHaveLength(7);
    expect(cal.body.total).toBe(14);
    for (const day of cal.body.days) {
      expect([day.date, day.count, day.items.length, day.counts]).toEqual([day.date, 2, 2, { pending_review: 2 }]);
      expect(day.items.map((i: { platform: string }) => i.platform).sort()).toEqual(['instagram', 'linkedin']);
    }
    const onlyX = await call('GET', `/v1/content/calendar?from=${monday}&to=${addDays(monday, 6)}&platform=x`);
    expect(onlyX.body.total).toBe(0);

    const completed = await waitFor(async () => (await readEvents('job.completed')).find((e) => (e.data as { job_id: string }).job_id === job.id), 10_000);
    expect(completed.data).toMatchObject({ status: 'done', type: 'content.generate_week' });
  }, 90_000);

  it('does not plan a week twice: a re-run skips filled slots, allow_duplicates plans them again', async () => {
    const monday = weekAhead(3);
    const first = await finish(call, (await call('POST', '/v1/content/generate-week', week({ week: monday, platforms: ['x'] }))).body.job.id);
    expect(first.job.result).toMatchObject({ items_total: 7, items_done: 7 });
    const again = await call('POST', '/v1/content/generate-week', week({ week: monday, platforms: ['x'] }));
    expect(again.status).toBe(202);
    const rerun = await finish(call, again.body.job.id);
    expect(rerun.job).toMatchObject({ status: 'done', result: { items_total: 0, items_done: 0, items_skipped: 7 } });
    const cal = await call('GET', `/v1/content/calendar?from=${monday}&to=${addDays(monday, 6)}&agent_id=${agentId}&timezone=Europe/Berlin`);
    expect(cal.body.total).toBe(7);

    const dup = await finish(call, (await call('POST', '/v1/content/generate-week', week({ week: monday, platforms: ['x'], allow_duplicates: true }))).body.job.id);
    expect(dup.job.result).toMatchObject({ items_total: 7, items_done: 7 });
    expect((await call('GET', `/v1/content/calendar?from=${monday}&to=${addDays(monday, 6)}&agent_id=${agentId}&timezone=Europe/Berlin`)).body.total).toBe(14);
  }, 90_000);

  it('answers the same job for a repeated Idempotency-Key, and one open job per week', async () => {
    const body = week({ week: weekAhead(4), platforms: ['tiktok'] });
    const a = await call('POST', '/v1/content/generate-week', body, { 'idempotency-key': 'week-4-tiktok' });
    const b = await call('POST', '/v1/content/generate-week', body, { 'idempotency-key': 'week-4-tiktok' });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(b.body.job.id).toBe(a.body.job.id);
    // Asked again without a key while it runs: the running job, not a second one.
    const c = await call('POST', '/v1/content/generate-week', body);
    if (!['done', 'error'].includes(c.body.job.status)) expect(c.body.job.id).toBe(a.body.job.id);
    await finish(call, a.body.job.id);
  }, 60_000);

  it('refuses a week that is not a Monday or is past, naming `week`; bad platforms and posts_per_day name theirs', async () => {
    const tuesday = addDays(weekAhead(2), 1);
    for (const [w, pattern] of [[tuesday, /Monday/], [addDays(weekAhead(0), -7), /past week/], ['2026-13-01', /YYYY-MM-DD/]] as const) {
      const res = await call('POST', '/v1/content/generate-week', week({ week: w }));
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'week' })]);
      expect(res.body.errors[0].message).toMatch(pattern);
    }
    const bad = await call('POST', '/v1/content/generate-week', week({ posts_per_day: 6, platforms: ['myspace'], timezone: 'Mars/Olympus' }));
    expect(bad.status).toBe(422);
    expect(new Set(bad.body.errors.map((e: { field: string }) => e.field.split('.')[0].replace(/\[\d+\]$/, '')))).toEqual(new Set(['posts_per_day', 'platforms', 'timezone']));
    const cal = await call('GET', `/v1/content/calendar?from=2026-01-01&to=2026-03-31`);
    expect(cal.status).toBe(422);
    expect(cal.body.errors[0].field).toBe('to');
    expect((await call('POST', '/v1/content/generate-week', week({ agent_id: 'agent_nobody' }))).status).toBe(404);
  });

  it('cancels a running job at an item boundary: it ends cancelled with what it made, and makes nothing more', async () => {
    const res = await call('POST', '/v1/content/generate-week', week({ week: weekAhead(5), posts_per_day: 5, platforms: ['instagram', 'x', 'linkedin'] }));
    expect(res.status).toBe(202);
    const id = res.body.job.id;
    await waitFor(async () => (await call('GET', `/v1/jobs/${id}`)).body.progress > 0, 30_000, 20);
    const cancelled = await call('POST', `/v1/jobs/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    // The worker notices at its next item, records what it made and stops.
    await new Promise((r) => setTimeout(r, 1500));
    const after = (await call('GET', `/v1/jobs/${id}`)).body;
    await new Promise((r) => setTimeout(r, 1000));
    const later = (await call('GET', `/v1/jobs/${id}`)).body;
    expect(later).toMatchObject({ status: 'cancelled' });
    expect(later.result.content_ids.length).toBe(after.result.content_ids.length);
    expect(later.result.items_done).toBeLessThan(105);
    const cal = await call('GET', `/v1/content/calendar?from=${weekAhead(5)}&to=${addDays(weekAhead(5), 6)}&agent_id=${agentId}`);
    expect(cal.body.total).toBe(later.result.items_done);
    // Cancelling again answers the cancelled job; a finished job cannot be cancelled.
    expect((await call('POST', `/v1/jobs/${id}/cancel`)).body.status).toBe('cancelled');
    const done = await finish(call, (await call('POST', '/v1/content/generate-week', week({ week: weekAhead(6), platforms: ['x'] }))).body.job.id);
    const refused = await call('POST', `/v1/jobs/${done.job.id}/cancel`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('invalid_state');
  }, 90_000);

  it('keeps jobs and calendars to their organization and mode: another organization and the sandbox see 404 and nothing', async () => {
    const other = await newOrg();
    const job = (await call('POST', '/v1/content/generate-week', week({ week: weekAhead(7), platforms: ['x'] }))).body.job;
    expect((await other('GET', `/v1/jobs/${job.id}`)).status).toBe(404);
    expect((await other('POST', `/v1/jobs/${job.id}/cancel`)).status).toBe(404);
    expect((await other('POST', '/v1/content/generate-week', week({ week: weekAhead(7) }))).status).toBe(404);
    await finish(call, job.id);
    expect((await other('GET', `/v1/content/calendar?from=${weekAhead(7)}&to=${addDays(weekAhead(7), 6)}`)).body.total).toBe(0);

    // A sandbox key of the same organization: its own agent and week, invisible to the live key and the other way round.
    const key = await call('POST', '/v1/api-keys', { name: 'sandbox', scopes: ['agents:read', 'agents:write', 'content:read', 'content:write', 'content:generate'], mode: 'test' });
    expect(key.status).toBe(201);
    const sandbox = apiClient(platform.url, key.body.token);
    expect((await sandbox('GET', `/v1/jobs/${job.id}`)).status).toBe(404);
    const sandboxAgent = await buildAgent(sandbox, 'JUNO sandbox');
    const sJob = (await sandbox('POST', '/v1/content/generate-week', week({ agent_id: sandboxAgent, week: weekAhead(7), platforms: ['x'] }))).body.job;
    expect(sJob.livemode).toBe(false);
    expect((await call('GET', `/v1/jobs/${sJob.id}`)).status).toBe(404);
    await finish(sandbox, sJob.id);
    const liveCal = await call('GET', `/v1/content/calendar?from=${weekAhead(7)}&to=${addDays(weekAhead(7), 6)}`);
    const testCal = await sandbox('GET', `/v1/content/calendar?from=${weekAhead(7)}&to=${addDays(weekAhead(7), 6)}`);
    expect([liveCal.body.total, testCal.body.total]).toEqual([7, 7]);
    const ids = (cal: { body: { days: Array<{ items: Array<{ id: string }> }> } }) => cal.body.days.flatMap((d) => d.items.map((i) => i.id));
    expect(ids(liveCal).filter((id) => ids(testCal).includes(id))).toEqual([]);
    // A request narrowed to another agent may not read the job.
    expect((await call('GET', `/v1/jobs/${job.id}`, undefined, { 'x-influgentic-agent': sandboxAgent })).status).toBe(403);
  }, 90_000);

  it("plans in the agent's time zone when the request names none: an Asia/Tokyo agent posts at Tokyo's local hours", async () => {
    const c = await newOrg();
    const tokyoAgent = await buildAgent(c, 'KAITO', { timezone: 'Asia/Tokyo' });
    expect((await c('GET', `/v1/agents/${tokyoAgent}`)).body.timezone).toBe('Asia/Tokyo');
    const monday = weekAhead(2);
    const res = await c('POST', '/v1/content/generate-week', week({ agent_id: tokyoAgent, week: monday, timezone: undefined }));
    expect(res.status).toBe(202);
    expect(res.body.job.result.timezone).toBe('Asia/Tokyo');
    const { job } = await finish(c, res.body.job.id);
    expect(job).toMatchObject({ status: 'done', result: { timezone: 'Asia/Tokyo', items_total: 14, items_done: 14, items_failed: 0 } });

    // Tokyo is UTC+9 all year: its week runs from Sunday 15:00 UTC to the next Sunday 15:00 UTC.
    const start = Date.parse(`${monday}T00:00:00+09:00`);
    const end = Date.parse(`${addDays(monday, 7)}T00:00:00+09:00`);
    const tokyo = (at: string, part: 'weekday' | 'time') => new Intl.DateTimeFormat('en-GB', part === 'time'
      ? { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' } : { timeZone: 'Asia/Tokyo', weekday: 'short' }).format(new Date(at));
    const items = await Promise.all(job.result.content_ids.map(async (id: string) => (await c('GET', `/v1/content/${id}`)).body));
    for (const item of items) {
      const at = Date.parse(item.scheduled_at);
      expect(at).toBeGreaterThanOrEqual(start);
      expect(at).toBeLessThan(end);
      const weekend = ['Sat', 'Sun'].includes(tokyo(item.scheduled_at, 'weekday'));
      // Instagram late morning every day; LinkedIn at the start of the working day, later at weekends.
      const expected = item.platform === 'instagram' ? '11:00' : weekend ? '10:00' : '08:00';
      expect([item.platform, tokyo(item.scheduled_at, 'time')]).toEqual([item.platform, expected]);
    }
    expect(items.filter((i: { platform: string }) => i.platform === 'instagram').map((i: { scheduled_at: string }) => i.scheduled_at).sort()[0])
      .toBe(new Date(`${monday}T02:00:00Z`).toISOString()); // Monday 11:00 in Tokyo

    // A zone in the request still wins over the agent's.
    const berlin = await c('POST', '/v1/content/generate-week', week({ agent_id: tokyoAgent, week: weekAhead(3), platforms: ['x'], timezone: 'Europe/Berlin' }));
    expect(berlin.status).toBe(202);
    expect(berlin.body.job.result.timezone).toBe('Europe/Berlin');
    expect((await finish(c, berlin.body.job.id)).job.status).toBe('done');
  }, 90_000);

  it('survives the content service stopping mid-plan: after a restart the job finishes, every slot filled once, nothing left generating', async () => {
    const monday = weekAhead(8);
    const res = await call('POST', '/v1/content/generate-week', week({ week: monday, posts_per_day: 3, platforms: ['instagram', 'x'] }));
    const id = res.body.job.id;
    await waitFor(async () => (await call('GET', `/v1/jobs/${id}`)).body.result.items_done >= 3, 30_000, 20);
    const interrupted = (await call('GET', `/v1/jobs/${id}`)).body;
    await platform.stopService('content');
    expect(interrupted).toMatchObject({ status: 'processing' });
    expect(interrupted.result.items_done).toBeLessThan(42);
    await platform.startService('content');
    const { job } = await finish(call, id, 60_000);
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ items_total: 42, items_done: 42 });
    expect(new Set(job.result.content_ids).size).toBe(42);
    const statuses = await Promise.all(job.result.content_ids.map(async (cid: string) => (await call('GET', `/v1/content/${cid}`)).body.status));
    expect(new Set(statuses)).toEqual(new Set(['pending_review']));
    const cal = await call('GET', `/v1/content/calendar?from=${monday}&to=${addDays(monday, 6)}&agent_id=${agentId}&timezone=Europe/Berlin`);
    expect(cal.body.total).toBe(42);
    expect(cal.body.days.map((d: { count: number }) => d.count)).toEqual([6, 6, 6, 6, 6, 6, 6]);
  }, 120_000);
});
