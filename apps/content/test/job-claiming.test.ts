import { DomainError, newId, systemContext, type JobType } from '@influgentic/contracts';
import { OutboxWriter } from '@influgentic/messaging';
import { createLogger } from '@influgentic/observability';
import { openServiceDatabase } from '@influgentic/persistence';
import type { DataSource } from 'typeorm';
import { CONTENT_ENTITIES, CONTENT_MIGRATIONS } from '../src/app.module';
import { JobRunner, type JobHandler, type JobRunnerOptions } from '../src/jobs/job-runner';
import { JobsRepository } from '../src/jobs/jobs.repository';

/**
 * Job claiming on the real jobs table with several runners, as several replicas would run it. The jobs here use a
 * type of their own, so a content service running beside this test never claims them (nor these runners its jobs).
 */
const TYPE = 'test.claiming' as JobType;

describe('job runners sharing one jobs table (real Postgres)', () => {
  let ds: DataSource;
  let repo: JobsRepository;
  const log = createLogger('content-jobs-test');
  const runners: JobRunner[] = [];
  const org = `org_claim_${Math.random().toString(36).slice(2, 8)}`;

  function runner(options: Partial<JobRunnerOptions>, handler: JobHandler) {
    const r = new JobRunner(repo, new OutboxWriter('content'), log, { autoStart: false, concurrency: 4, leaseMs: 2000, maxAttempts: 3, pollMs: 50, ...options });
    r.register(TYPE, handler);
    runners.push(r);
    return r;
  }

  async function enqueue(n: number, input: Record<string, unknown> = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = newId('job');
      await repo.transaction((m) => repo.insert(m, { id, ctx: systemContext(org, true, `req-${i}`), type: TYPE, agentId: null, input, result: null, dedupeKey: null }));
      ids.push(id);
    }
    return ids;
  }

  const rows = async (ids: string[]) => ds.query(`SELECT * FROM content.jobs WHERE id = ANY($1) ORDER BY id`, [ids]);

  beforeAll(async () => {
    ds = await openServiceDatabase({ schema: 'content', entities: CONTENT_ENTITIES, migrations: CONTENT_MIGRATIONS, poolSize: 8 });
    repo = new JobsRepository(ds);
  });

  afterAll(async () => {
    for (const r of runners) await r.stop();
    await ds.query(`DELETE FROM content.jobs WHERE organization_id = ANY($1)`, [[org, `${org}_b`]]);
    await ds.destroy();
  });

  it('is fair across organizations: whoever has the fewest jobs running is served first, then by arrival', async () => {
    // A type of its own, so only this test's rows are candidates.
    const FAIR = 'test.fairness' as JobType;
    const add = async (organization: string, i: number) => {
      const id = newId('job');
      await repo.transaction((m) => repo.insert(m, { id, ctx: systemContext(organization, true, `req-f${i}`), type: FAIR, agentId: null, input: {}, result: null, dedupeKey: null }));
      return id;
    };
    // A big batch of one organization arrives first; one job of another organization after it.
    const batch = [await add(org, 0), await add(org, 1), await add(org, 2)];
    const other = await add(`${org}_b`, 3);
    const claimOne = async () => (await repo.claim('fair-test', [FAIR], 60_000, 1)).map((j) => j.id);
    expect(await claimOne()).toEqual([batch[0]]);
    // The batch's organization now has a job running; the other has none, so its later job goes first.
    expect(await claimOne()).toEqual([other]);
    expect(await claimOne()).toEqual([batch[1]]);
    // A job this process still runs is never claimed by it again, even when it is queued anew.
    await ds.query(`UPDATE content.jobs SET status = 'queued', lease_owner = NULL, run_after = now() WHERE id = $1`, [batch[1]]);
    expect((await repo.claim('fair-test', [FAIR], 60_000, 5, [batch[1]])).map((j) => j.id)).toEqual([batch[2]]);
  });

  it('two runners polling at once process each job exactly once, and both take part', async () => {
    const seen: Array<{ job: string; by: string }> = [];
    const handler = (name: string): JobHandler => async (run) => {
      seen.push({ job: run.job.id, by: name });
      await new Promise((r) => setTimeout(r, 20));
      await run.report(50, { half: true });
      return { result: { by: name } };
    };
    const a = runner({}, handler('a'));
    const b = runner({}, handler('b'));
    const ids = await enqueue(24);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const got = await Promise.all([a.poll(), b.poll(), a.poll(), b.poll()]);
      // A runner never takes more than it has room for (concurrency 4).
      expect([got[0] + got[2] <= 4, got[1] + got[3] <= 4]).toEqual([true, true]);
      const open = (await rows(ids)).filter((r: { status: string }) => r.status !== 'done');
      if (!open.length) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all([a.idle(), b.idle()]);
    const done = await rows(ids);
    expect(done.map((r: { status: string; progress: number; attempts: number }) => [r.status, r.progress, r.attempts])).toEqual(ids.map(() => ['done', 100, 1]));
    expect(seen.map((s) => s.job).sort()).toEqual([...ids].sort());
    expect([seen.filter((s) => s.by === 'a').length > 0, seen.filter((s) => s.by === 'b').length > 0]).toEqual([true, true]);
    // Each job's completion went out once, through the outbox, in the transaction that ended it.
    const events = await ds.query(`SELECT type, payload->'data'->>'job_id' AS job FROM content.outbox WHERE payload->'data'->>'job_id' = ANY($1)`, [ids]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(ids.map(() => 'job.completed'));
  });

  it('takes over a job whose worker stopped renewing its lease, and resumes it; a frozen worker then changes nothing', async () => {
    const [id] = await enqueue(1);
    const handled: string[] = [];
    let release!: () => void;
    const frozenUntil = new Promise<void>((r) => { release = r; });
    const frozen = runner({ leaseMs: 60_000 }, async (run) => {
      handled.push('frozen');
      await run.report(10, { step: 1 });
      // Frozen (SIGSTOP, a long GC, a cut network): no heartbeat gets through while it hangs.
      await frozenUntil;
      await run.report(20, { step: 2 });
      return { result: { by: 'frozen' } };
    });
    await frozen.poll();
    await new Promise((r) => setTimeout(r, 50));
    // Simulate the freeze: its lease runs out without renewal.
    await ds.query(`UPDATE content.jobs SET lease_until = now() - interval '1 second' WHERE id = $1`, [id]);
    const healthy = runner({}, async (run) => {
      handled.push(`healthy attempt ${run.job.attempts}`);
      return { result: { by: 'healthy' } };
    });
    expect(await healthy.poll()).toBe(1);
    await healthy.idle();
    release();
    await frozen.idle();
    const [row] = await rows([id]);
    expect(row).toMatchObject({ status: 'done', attempts: 2, result: { by: 'healthy' } });
    expect(handled).toEqual(['frozen', 'healthy attempt 2']);
  });

  it('ends a job that keeps stopping without finishing as `error`, keeping what it made, with job.failed', async () => {
    const [id] = await enqueue(1);
    // Its third worker died mid-way (lease expired, attempts used up), after making two items.
    await ds.query(
      `UPDATE content.jobs SET status = 'processing', attempts = 3, lease_owner = 'dead-worker', lease_until = now() - interval '1 second',
              progress = 40, result = '{"content_ids": ["cnt_a", "cnt_b"]}' WHERE id = $1`, [id]);
    const called: string[] = [];
    const r = runner({ maxAttempts: 3 }, async () => { called.push('ran'); return { result: {} }; });
    expect(await r.poll()).toBe(1);
    await r.idle();
    const [row] = await rows([id]);
    expect(row).toMatchObject({ status: 'error', progress: 40, attempts: 4, result: { content_ids: ['cnt_a', 'cnt_b'] }, error: { code: 'job_abandoned' } });
    expect(called).toEqual([]);
    const events = await ds.query(`SELECT type FROM content.outbox WHERE payload->'data'->>'job_id' = $1`, [id]);
    expect(events).toEqual([{ type: 'job.failed' }]);
  });

  it('retries a failed attempt with backoff, then ends it `error`; a refusal ends it at once', async () => {
    const [flaky, refused] = await enqueue(2);
    let calls = 0;
    const r = runner({ maxAttempts: 2 }, async (run) => {
      if (run.job.id === refused) {
        throw new DomainError('not_found', 'Agent agent_x not found');
      }
      calls++;
      throw new Error('the model provider is down');
    });
    await r.poll();
    await r.idle();
    let [row] = await rows([flaky]);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, error: { code: 'job_failed' } });
    expect(new Date(row.run_after).getTime()).toBeGreaterThan(Date.now());
    expect((await rows([refused]))[0]).toMatchObject({ status: 'error', attempts: 1, error: { code: 'not_found' } });
    await ds.query(`UPDATE content.jobs SET run_after = now() WHERE id = $1`, [flaky]);
    await r.poll();
    await r.idle();
    [row] = await rows([flaky]);
    expect(row).toMatchObject({ status: 'error', attempts: 2, error: { code: 'job_failed', message: 'the model provider is down' } });
    expect(calls).toBe(2);
  });

  it('stops a cancelled job at its next report and records what it made; a stopping runner hands its job back uncounted', async () => {
    const [cancelled, handedBack] = await enqueue(2);
    const gates = new Map<string, { open: () => void; opened: Promise<void> }>();
    for (const id of [cancelled, handedBack]) {
      let open!: () => void;
      const opened = new Promise<void>((res) => { open = res; });
      gates.set(id, { open, opened });
    }
    const made = new Map<string, number>();
    const r = runner({}, async (run) => {
      for (let i = 0; i < 5; i++) {
        await run.report(i * 20, { made: made.get(run.job.id) ?? 0 });
        if (i === 1) await gates.get(run.job.id)!.opened;
        made.set(run.job.id, i + 1);
      }
      return { result: { made: 5 } };
    });
    await r.poll();
    await new Promise((res) => setTimeout(res, 100));
    expect(await repo.cancel(systemContext(org, true), cancelled)).toMatchObject({ status: 'cancelled' });
    gates.get(cancelled)!.open();
    await waitForRow(cancelled, (row) => row.lease_owner === null);
    const [c] = await rows([cancelled]);
    expect(c).toMatchObject({ status: 'cancelled', result: { made: 2 } });
    expect(made.get(cancelled)).toBe(2);

    const stopping = r.stop();
    gates.get(handedBack)!.open();
    await stopping;
    const [h] = await rows([handedBack]);
    expect(h).toMatchObject({ status: 'queued', attempts: 0, lease_owner: null });
    expect(made.get(handedBack)).toBe(2);
  });

  async function waitForRow(id: string, ok: (row: Record<string, unknown>) => boolean): Promise<void> {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      if (ok((await rows([id]))[0])) return;
      await new Promise((res) => setTimeout(res, 20));
    }
    throw new Error(`job ${id} did not get there`);
  }
});
