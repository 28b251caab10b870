import type { Job, JobError, JobStatus, JobType, RequestContext } from '@influgentic/contracts';

/** A row of `content.jobs`. */
export interface JobRow {
  id: string;
  organization_id: string;
  livemode: boolean;
  type: JobType;
  status: JobStatus;
  agent_id: string | null;
  input: Record<string, unknown>;
  context: { request_id: string; key_id: string | null };
  progress: number;
  result: Record<string, unknown> | null;
  error: JobError | null;
  dedupe_key: string | null;
  attempts: number;
  run_after: Date;
  lease_owner: string | null;
  lease_until: Date | null;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** The contract's job from a stored row. */
export function toJob<R = Record<string, unknown>>(row: JobRow): Job<R> {
  return {
    id: row.id, type: row.type, status: row.status, progress: row.progress, result: (row.result as R | null) ?? null,
    error: row.error ?? null, agent_id: row.agent_id, attempts: row.attempts, livemode: row.livemode,
    created_at: iso(row.created_at) as string, updated_at: iso(row.updated_at) as string,
    started_at: iso(row.started_at), finished_at: iso(row.finished_at),
  };
}

/** The caller a job works for: a worker acts in their organization and mode, under their request id. */
export function jobContext(row: JobRow): RequestContext {
  return {
    requestId: row.context.request_id, organizationId: row.organization_id, livemode: row.livemode,
    ...(row.context.key_id ? { keyId: row.context.key_id } : {}), scopes: [],
  };
}

/** Progress in percent of `done` out of `total`; a job with nothing to do is complete. */
export function percent(done: number, total: number): number {
  if (total <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

/**
 * What a claimed job's attempt count means: `run` it, or `give_up` when earlier attempts already crashed or failed
 * `maxAttempts` times (it ends `error` with what it made rather than looping forever).
 */
export function attemptDecision(attempts: number, maxAttempts: number): 'run' | 'give_up' {
  return attempts > maxAttempts ? 'give_up' : 'run';
}

/** Delay before attempt `attempt + 1` after a failed one: exponential from 1 s, capped, with jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + random() * (base / 2));
}
