import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { JobError, JobStatus, JobType, RequestContext } from '@influgentic/contracts';
import type { JobRow } from './job.types';

const OPEN = `('queued', 'processing')`;

/**
 * SQL for a job result whose held credits went back: `credits_reserved` becomes 0 and is added to `credits_refunded`
 * (media jobs hold credits; other results pass unchanged).
 */
const refundHeldCredits = (r: string) => `CASE WHEN ${r} ? 'credits_reserved' THEN ${r} || jsonb_build_object(
    'credits_reserved', 0,
    'credits_refunded', COALESCE((${r}->>'credits_refunded')::int, 0) + COALESCE((${r}->>'credits_reserved')::int, 0))
  ELSE ${r} END`;
const REFUND_HELD_CREDITS = refundHeldCredits('result');

export interface NewJob {
  id: string;
  ctx: RequestContext;
  type: JobType;
  agentId: string | null;
  input: Record<string, unknown>;
  result: object | null;
  dedupeKey: string | null;
}

/** Every statement against `content.jobs`. A worker's writes are conditional on its lease, so a worker that lost it changes nothing. */
@Injectable()
export class JobsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  /**
   * Inserts a queued job, unless an open job with the same dedupe key exists: then that one is returned and `created`
   * is false (the unique partial index decides a race between two requests).
   */
  async insert(m: EntityManager, job: NewJob): Promise<{ row: JobRow; created: boolean }> {
    const [inserted]: JobRow[] = await m.query(
      `INSERT INTO content.jobs (id, organization_id, livemode, type, status, agent_id, input, context, result, dedupe_key)
       VALUES ($1, $2, $3, $4, 'queued', $5, $6, $7, $8, $9)
       ON CONFLICT (organization_id, livemode, dedupe_key) WHERE status IN ${OPEN} AND dedupe_key IS NOT NULL DO NOTHING
       RETURNING *`,
      [job.id, job.ctx.organizationId, job.ctx.livemode, job.type, job.agentId, JSON.stringify(job.input),
        JSON.stringify({ request_id: job.ctx.requestId, key_id: job.ctx.keyId ?? null }), job.result === null ? null : JSON.stringify(job.result), job.dedupeKey],
    );
    if (inserted) return { row: inserted, created: true };
    const [open]: JobRow[] = await m.query(
      `SELECT * FROM content.jobs WHERE organization_id = $1 AND livemode = $2 AND dedupe_key = $3 AND status IN ${OPEN}`,
      [job.ctx.organizationId, job.ctx.livemode, job.dedupeKey],
    );
    if (!open) throw new Error('job dedupe conflict without an open job');
    return { row: open, created: false };
  }

  /** Open jobs of one type in the caller's organization and mode. */
  async countOpen(ctx: RequestContext, type: JobType): Promise<number> {
    const [{ n }] = await this.ds.query(
      `SELECT count(*)::int AS n FROM content.jobs WHERE organization_id = $1 AND livemode = $2 AND type = $3 AND status IN ${OPEN}`,
      [ctx.organizationId, ctx.livemode, type],
    );
    return n;
  }

  /** A job of the caller's organization and mode, or null (another organization's job is simply not there). */
  async findForCaller(ctx: RequestContext, id: string): Promise<JobRow | null> {
    const rows: JobRow[] = await this.ds.query(
      'SELECT * FROM content.jobs WHERE id = $1 AND organization_id = $2 AND livemode = $3',
      [id, ctx.organizationId, ctx.livemode],
    );
    return rows[0] ?? null;
  }

  async find(id: string): Promise<JobRow | null> {
    const rows: JobRow[] = await this.ds.query('SELECT * FROM content.jobs WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  /**
   * Claims up to `batch` jobs for `owner`: queued ones that are due, and processing ones whose worker stopped renewing
   * its lease (crashed, frozen, cut off). One statement; SKIP LOCKED lets every replica claim at once without
   * waiting on, or taking, each other's rows. Each claim counts as an attempt.
   */
  async claim(owner: string, types: readonly JobType[], leaseMs: number, batch: number, runningHere: readonly string[] = []): Promise<JobRow[]> {
    if (!types.length || batch <= 0) return [];
    // The candidates are picked in a CTE, evaluated once: as an `IN (subquery)` the planner may rescan the subquery
    // per row, and each rescan skips the rows this statement already updated and locks the next ones (no LIMIT).
    const [rows]: [JobRow[], number] = await this.ds.query(
      `WITH busy AS (
         -- Jobs each organization (and mode) has running now, on any replica.
         SELECT organization_id, livemode, count(*) AS running FROM content.jobs
          WHERE status = 'processing' AND lease_until >= now() GROUP BY organization_id, livemode),
       picked AS (
         SELECT j.id FROM content.jobs j
           LEFT JOIN busy b ON b.organization_id = j.organization_id AND b.livemode = j.livemode
          WHERE j.type = ANY($2::text[])
            AND ((j.status = 'queued' AND j.run_after <= now()) OR (j.status = 'processing' AND j.lease_until < now()))
            -- A job stopped and continued while this process still winds down its earlier run waits for that run.
            AND j.id <> ALL($5::text[])
          -- Fair across organizations: whoever has the fewest jobs running goes first, so one organization's
          -- 100-row batch does not hold every other organization's jobs back; in order of arrival within that.
          ORDER BY COALESCE(b.running, 0), j.run_after, j.id LIMIT $4 FOR UPDATE OF j SKIP LOCKED)
       UPDATE content.jobs j
          SET status = 'processing', lease_owner = $1, lease_until = now() + make_interval(secs => $3::float8 / 1000),
              attempts = j.attempts + 1, started_at = COALESCE(j.started_at, now()), updated_at = now()
         FROM picked
        WHERE j.id = picked.id
        RETURNING j.*`,
      [owner, types, leaseMs, batch, runningHere],
    );
    return rows;
  }

  /**
   * Renews the lease and records progress. Returns the job's status when `owner` still holds it, else the status it
   * has now (`cancelled`, another worker's `processing`, …) with `held: false`.
   */
  async renew(id: string, owner: string, leaseMs: number, progress?: { progress: number; result: object }): Promise<{ held: boolean; status: JobStatus | null }> {
    const [rows]: [Array<{ status: JobStatus }>, number] = await this.ds.query(
      `UPDATE content.jobs
          SET lease_until = now() + make_interval(secs => $3::float8 / 1000), updated_at = now(),
              progress = COALESCE($4, progress), result = COALESCE($5::jsonb, result)
        WHERE id = $1 AND lease_owner = $2 AND status = 'processing'
        RETURNING status`,
      [id, owner, leaseMs, progress?.progress ?? null, progress ? JSON.stringify(progress.result) : null],
    );
    if (rows.length) return { held: true, status: 'processing' };
    const now = await this.find(id);
    return { held: false, status: now?.status ?? null };
  }

  /**
   * Locks the job's row for the rest of `m`'s transaction and says whether `owner` still holds it: a worker's last write
   * (the item it made) commits only together with this check, so a job stopped, cancelled or taken over meanwhile
   * changes nothing.
   */
  async holdsLease(m: EntityManager, id: string, owner: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM content.jobs WHERE id = $1 AND lease_owner = $2 AND status = 'processing' FOR UPDATE`, [id, owner]);
    return rows.length > 0;
  }

  /** Ends a job this worker holds (`done` or `error`); null when it no longer holds it. */
  async finish(m: EntityManager, id: string, owner: string, outcome: { status: 'done' | 'error'; progress: number; result: object | null; error: JobError | null }): Promise<JobRow | null> {
    const [rows]: [JobRow[], number] = await m.query(
      `UPDATE content.jobs
          SET status = $3, progress = $4, error = $6, lease_owner = NULL, lease_until = NULL, finished_at = now(), updated_at = now(),
              -- A job that ends in error keeps no credits held, whoever ended it (its handler, or the runner giving up).
              result = CASE WHEN $3 = 'error' THEN ${refundHeldCredits('$5::jsonb')} ELSE $5::jsonb END
        WHERE id = $1 AND lease_owner = $2 AND status = 'processing'
        RETURNING *`,
      [id, owner, outcome.status, outcome.progress, outcome.result === null ? null : JSON.stringify(outcome.result),
        outcome.error === null ? null : JSON.stringify(outcome.error)],
    );
    return rows[0] ?? null;
  }

  /**
   * Records what a cancelled or stopped job made by the time its worker noticed (the cancel or stop itself already
   * changed its status). The result is merged, so credits the stop refunded stay refunded.
   */
  async recordHalted(id: string, owner: string, status: 'cancelled' | 'stopped', progress: number, result: object): Promise<void> {
    await this.ds.query(
      // The stop or cancel refunded the held credits: the worker's view of them is older, so the row's stay.
      `UPDATE content.jobs
          SET progress = $3,
              result = $4::jsonb || CASE WHEN result ? 'credits_reserved'
                THEN jsonb_build_object('credits_reserved', result->'credits_reserved', 'credits_refunded', result->'credits_refunded')
                ELSE '{}'::jsonb END,
              lease_owner = NULL, lease_until = NULL, updated_at = now()
        WHERE id = $1 AND lease_owner = $2 AND status = $5`,
      [id, owner, progress, JSON.stringify(result), status],
    );
  }

  /**
   * Hands a job back to the queue: at shutdown (at once, and the attempt is not counted: nothing failed) or after a
   * failed attempt (after `delayMs`).
   */
  async release(id: string, owner: string, delayMs: number, countAttempt: boolean, error: JobError | null = null): Promise<void> {
    await this.ds.query(
      `UPDATE content.jobs
          SET status = 'queued', lease_owner = NULL, lease_until = NULL, run_after = now() + make_interval(secs => $3::float8 / 1000),
              attempts = CASE WHEN $4 THEN attempts ELSE GREATEST(attempts - 1, 0) END, error = COALESCE($5::jsonb, error), updated_at = now()
        WHERE id = $1 AND lease_owner = $2 AND status = 'processing'`,
      [id, owner, delayMs, countAttempt, error === null ? null : JSON.stringify(error)],
    );
  }

  /** Cancels an open job of the caller; null when it is not open (or not theirs). */
  async cancel(ctx: RequestContext, id: string, m?: EntityManager): Promise<JobRow | null> {
    const [rows]: [JobRow[], number] = await (m ?? this.ds.manager).query(
      `UPDATE content.jobs SET status = 'cancelled', finished_at = now(), updated_at = now(), result = ${REFUND_HELD_CREDITS},
              lease_until = CASE WHEN status = 'processing' THEN lease_until ELSE NULL END
        WHERE id = $1 AND organization_id = $2 AND livemode = $3 AND status IN ('queued', 'processing', 'stopped')
        RETURNING *`,
      [id, ctx.organizationId, ctx.livemode],
    );
    return rows[0] ?? null;
  }

  /**
   * Stops an open job of the caller (its worker notices at its next report and lets go) and refunds its held credits;
   * null when it is not open.
   */
  async stop(m: EntityManager, ctx: RequestContext, id: string): Promise<JobRow | null> {
    const [rows]: [JobRow[], number] = await m.query(
      `UPDATE content.jobs SET status = 'stopped', updated_at = now(), result = ${REFUND_HELD_CREDITS},
              lease_until = CASE WHEN status = 'processing' THEN lease_until ELSE NULL END
        WHERE id = $1 AND organization_id = $2 AND livemode = $3 AND status IN ${OPEN}
        RETURNING *`,
      [id, ctx.organizationId, ctx.livemode],
    );
    return rows[0] ?? null;
  }

  /** Queues a stopped job again, holding `credits` for it anew; null when it is not stopped. */
  async resume(m: EntityManager, ctx: RequestContext, id: string, credits: number): Promise<JobRow | null> {
    const [rows]: [JobRow[], number] = await m.query(
      `UPDATE content.jobs SET status = 'queued', run_after = now(), updated_at = now(), lease_owner = NULL, lease_until = NULL,
              attempts = 0, error = NULL, result = COALESCE(result, '{}'::jsonb) || jsonb_build_object('credits_reserved', $4::int)
        WHERE id = $1 AND organization_id = $2 AND livemode = $3 AND status = 'stopped'
        RETURNING *`,
      [id, ctx.organizationId, ctx.livemode, credits],
    );
    return rows[0] ?? null;
  }
}
