import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Job, JobError, JobStatus, RequestContext } from '@influgentic/contracts';

/** A row of `analytics.jobs`. */
export interface ExportJobRow {
  id: string;
  organization_id: string;
  livemode: boolean;
  type: 'analytics.export';
  status: JobStatus;
  input: { format: 'csv' | 'json'; start: string; end: string; campaign_id: string | null; agent_id?: string | null };
  context: { request_id: string; key_id: string | null };
  progress: number;
  result: Record<string, unknown> | null;
  error: JobError | null;
  attempts: number;
  lease_owner: string | null;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const iso = (d: Date | null): string | null => (d === null ? null : new Date(d).toISOString());

/** The contract's job from a stored row. */
export function toJob(row: ExportJobRow): Job {
  return {
    id: row.id, type: row.type, status: row.status, progress: row.progress, result: row.result, error: row.error, agent_id: null,
    attempts: row.attempts, livemode: row.livemode, created_at: iso(row.created_at)!, updated_at: iso(row.updated_at)!,
    started_at: iso(row.started_at), finished_at: iso(row.finished_at),
  };
}

const OPEN = `('queued', 'processing')`;

/** TypeORM answers an UPDATE … RETURNING with `[rows, affected]`. */
const returned = <T>(result: unknown): T[] => (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];

/** Every statement against `analytics.jobs`; a worker's writes hold only while it holds the lease. */
@Injectable()
export class ExportJobsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  async insert(m: EntityManager, id: string, ctx: RequestContext, input: ExportJobRow['input']): Promise<ExportJobRow> {
    const [row] = await m.query(
      `INSERT INTO analytics.jobs (id, organization_id, livemode, type, status, input, context) VALUES ($1, $2, $3, 'analytics.export', 'queued', $4, $5) RETURNING *`,
      [id, ctx.organizationId, ctx.livemode, JSON.stringify(input), JSON.stringify({ request_id: ctx.requestId, key_id: ctx.keyId ?? null })]);
    return row;
  }

  async findForCaller(ctx: RequestContext, id: string, m: EntityManager = this.ds.manager, lock = false): Promise<ExportJobRow | null> {
    const rows: ExportJobRow[] = await m.query(
      `SELECT * FROM analytics.jobs WHERE id = $1 AND organization_id = $2 AND livemode = $3${lock ? ' FOR UPDATE' : ''}`,
      [id, ctx.organizationId, ctx.livemode]);
    return rows[0] ?? null;
  }

  /** Takes up to `limit` runnable jobs (queued, or whose worker's lease ran out) with a lease for `owner`. */
  async claim(owner: string, leaseMs: number, limit: number): Promise<ExportJobRow[]> {
    if (limit <= 0) return [];
    return returned<ExportJobRow>(await this.ds.query(
      `WITH picked AS (
         SELECT id FROM analytics.jobs
          WHERE status IN ${OPEN} AND run_after <= now() AND (lease_until IS NULL OR lease_until < now())
          ORDER BY run_after LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE analytics.jobs j SET status = 'processing', lease_owner = $1, lease_until = now() + make_interval(secs => $3::float8 / 1000),
              attempts = j.attempts + 1, started_at = COALESCE(j.started_at, now()), updated_at = now()
         FROM picked WHERE j.id = picked.id RETURNING j.*`,
      [owner, limit, leaseMs]));
  }

  /** Renews the lease and records progress; `held` is false when the job was cancelled or taken over. */
  async renew(id: string, owner: string, leaseMs: number, progress: number): Promise<{ held: boolean; status: JobStatus | null }> {
    const rows = returned<{ status: JobStatus }>(await this.ds.query(
      `UPDATE analytics.jobs SET lease_until = now() + make_interval(secs => $3::float8 / 1000), progress = GREATEST(progress, $4), updated_at = now()
        WHERE id = $1 AND lease_owner = $2 AND status = 'processing' RETURNING status`,
      [id, owner, leaseMs, progress]));
    if (rows.length) return { held: true, status: rows[0].status };
    const [row] = await this.ds.query(`SELECT status FROM analytics.jobs WHERE id = $1`, [id]);
    return { held: false, status: row?.status ?? null };
  }

  /** The final state, if this worker still holds the job. */
  async finish(m: EntityManager, id: string, owner: string, status: 'done' | 'error', result: object | null, error: JobError | null): Promise<ExportJobRow | null> {
    const rows = returned<ExportJobRow>(await m.query(
      `UPDATE analytics.jobs SET status = $3, progress = CASE WHEN $3 = 'done' THEN 100 ELSE progress END, result = $4, error = $5,
              lease_owner = NULL, lease_until = NULL, finished_at = now(), updated_at = now()
        WHERE id = $1 AND lease_owner = $2 AND status = 'processing' RETURNING *`,
      [id, owner, status, result === null ? null : JSON.stringify(result), error === null ? null : JSON.stringify(error)]));
    return rows[0] ?? null;
  }

  /** Back to the queue after a failed attempt (or a stop), to be tried again after `delayMs`. */
  async release(id: string, owner: string, delayMs: number, error: JobError | null): Promise<void> {
    await this.ds.query(
      `UPDATE analytics.jobs SET status = 'queued', lease_owner = NULL, lease_until = NULL, error = $4,
              run_after = now() + make_interval(secs => $3::float8 / 1000), updated_at = now()
        WHERE id = $1 AND lease_owner = $2 AND status = 'processing'`,
      [id, owner, delayMs, error === null ? null : JSON.stringify(error)]);
  }

  async cancel(m: EntityManager, id: string): Promise<ExportJobRow> {
    const [row] = returned<ExportJobRow>(await m.query(
      `UPDATE analytics.jobs SET status = 'cancelled', lease_owner = NULL, lease_until = NULL, finished_at = now(), updated_at = now()
        WHERE id = $1 RETURNING *`, [id]));
    return row;
  }

  /** Finished exports whose link expired more than `graceMs` ago and still name a file. */
  async expiredFiles(olderThanMs: number, limit = 100): Promise<Array<{ id: string; file: string }>> {
    return this.ds.query(
      `SELECT id, result->>'file' AS file FROM analytics.jobs
        WHERE status = 'done' AND finished_at < now() - make_interval(secs => $1::float8 / 1000) AND result->>'file' IS NOT NULL
        LIMIT $2`, [olderThanMs, limit]);
  }

  async markFileRemoved(id: string): Promise<void> {
    await this.ds.query(`UPDATE analytics.jobs SET result = (result - 'file') || '{"download_url": null, "expired": true}'::jsonb, updated_at = now() WHERE id = $1`, [id]);
  }
}
