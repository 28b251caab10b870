import { subject } from './subjects';
import { IsPathId } from './validation';

// ---------------------------------------------------------------------------------------------------------------
// Jobs: every asynchronous operation (API.md, Content → Jobs)
// ---------------------------------------------------------------------------------------------------------------

/** `stopped` (media jobs only): the work stopped and its credits went back; `continue` queues it again. */
export const JOB_STATUSES = ['queued', 'processing', 'done', 'error', 'cancelled', 'stopped'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Statuses a job never leaves. */
export const FINAL_JOB_STATUSES: readonly JobStatus[] = ['done', 'error', 'cancelled'];

/** Kinds of work the jobs table runs; each has one handler in the service that owns it. */
export const JOB_TYPES = ['content.generate_week', 'content.video', 'content.image', 'analytics.export'] as const;
export type JobType = (typeof JOB_TYPES)[number];

export interface JobError {
  code: string;
  message: string;
}

/**
 * A job as the API shows it. `progress` (0..100) moves as work is done; `result` is filled while the job runs (what
 * it made so far) and final once it is `done`, `error` or `cancelled`; `error` explains an `error`.
 */
export interface Job<R = Record<string, unknown>> {
  id: string;
  type: JobType;
  status: JobStatus;
  progress: number;
  result: R | null;
  error: JobError | null;
  /** The agent the work is for, when there is one. */
  agent_id: string | null;
  /** How many times a worker took the job up (more than 1 after a crash or a restart). */
  attempts: number;
  livemode: boolean;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** `job.completed` / `job.failed` event data. */
export interface JobEventData {
  job_id: string;
  type: JobType;
  status: JobStatus;
  agent_id: string | null;
  result: Record<string, unknown> | null;
  error: JobError | null;
}

export const JobSubjects = {
  get: subject('content.jobs.get.v1'),
  cancel: subject('content.jobs.cancel.v1'),
} as const;

export class JobIdParams {
  @IsPathId() id!: string;
}
