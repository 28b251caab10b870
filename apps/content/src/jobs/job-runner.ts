import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { DomainError, ERROR_STATUS, type JobError, type JobEventData, type JobType, type RequestContext } from '@influgentic/contracts';
import { OutboxWriter, PeriodicTask, SERVICE_LOGGER } from '@influgentic/messaging';
import { attemptDecision, jobContext, retryDelayMs, toJob, type JobRow } from './job.types';
import { JobsRepository } from './jobs.repository';

/** Why a running job stops before its handler finished (`stopped`: a media job paused by its owner, to be continued). */
export class JobStopped extends Error {
  constructor(readonly reason: 'cancelled' | 'stopped' | 'lost' | 'shutdown') {
    super(`job stopped: ${reason}`);
    this.name = 'JobStopped';
  }
}

/** What a handler sees of the job it runs. */
export interface JobRun {
  job: JobRow;
  ctx: RequestContext;
  /** Aborted (with a JobStopped) when the job is cancelled, taken over by another worker, or the service stops. */
  signal: AbortSignal;
  /**
   * Records progress (0..100) and what was made so far, and renews the lease. Call it at every item boundary: it
   * throws JobStopped when the job must stop there.
   */
  report(progress: number, result: object): Promise<void>;
  /**
   * Inside a transaction: locks the job and throws JobStopped unless this worker still holds it (see
   * JobsRepository.holdsLease), so a worker's last write commits only while the job is still its own.
   */
  assertHeld(m: EntityManager): Promise<void>;
}

/** How a handler ended: `error` set means the job ends `error` (with `result` still telling what it made). */
export interface JobOutcome {
  result: object;
  error?: JobError | null;
}

export type JobHandler = (run: JobRun) => Promise<JobOutcome>;

/** Why a worker no longer holds its job, from the status the job has now. */
function stopReason(status: string | null): JobStopped['reason'] {
  return status === 'cancelled' ? 'cancelled' : status === 'stopped' ? 'stopped' : 'lost';
}

export interface JobRunnerOptions {
  /** How long a claim lasts without renewal; a worker renews at a third of it. */
  leaseMs: number;
  /** How often idle workers look for jobs. */
  pollMs: number;
  /** Jobs one process runs at once. */
  concurrency: number;
  /** Attempts (claims) before a job that keeps crashing or failing ends `error`. */
  maxAttempts: number;
  /** Start polling with the application (tests drive `poll()` themselves). */
  autoStart: boolean;
}

export const JOB_RUNNER_OPTIONS = Symbol('JOB_RUNNER_OPTIONS');

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export function jobRunnerOptionsFromEnv(): JobRunnerOptions {
  return {
    leaseMs: envNumber('JOB_LEASE_MS', 30_000), pollMs: envNumber('JOB_POLL_MS', 1000),
    concurrency: envNumber('JOB_CONCURRENCY', 2), maxAttempts: envNumber('JOB_MAX_ATTEMPTS', 3), autoStart: true,
  };
}

/**
 * Runs the rows of `content.jobs` with the handler registered for their type. Any number of replicas run one each:
 * a claim is one statement (`SELECT … FOR UPDATE SKIP LOCKED` in a CTE, then `UPDATE`) that takes a lease, the worker renews the
 * lease while it works and writes only while it holds it, and a lease that runs out (a crashed or frozen worker) is
 * claimed again by whoever polls next, which resumes the job (handlers skip what is already made). A job claimed
 * more than `maxAttempts` times ends `error` with what it made; cancel stops it at the next `report`. A stopping
 * service hands its jobs back to the queue at once, without counting the attempt.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly owner = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly options: JobRunnerOptions;
  private readonly handlers = new Map<JobType, JobHandler>();
  private readonly running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private readonly task: PeriodicTask<number>;
  private stopping = false;
  private claiming = false;

  constructor(
    private readonly jobs: JobsRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
    @Optional() @Inject(JOB_RUNNER_OPTIONS) options?: Partial<JobRunnerOptions>,
  ) {
    this.options = { ...jobRunnerOptionsFromEnv(), ...options };
    this.task = new PeriodicTask('content-jobs', this.options.pollMs, () => this.poll(), log);
  }

  register(type: JobType, handler: JobHandler): void {
    this.handlers.set(type, handler);
  }

  onApplicationBootstrap(): void {
    if (this.options.autoStart) this.task.start(true);
  }

  /** Looks for work now (after a job was queued here) rather than at the next poll. */
  kick(): void {
    if (!this.stopping && this.options.autoStart) void this.task.tick();
  }

  /** Claims what this process has room for and starts it; returns how many jobs were started. */
  async poll(): Promise<number> {
    if (this.stopping || this.claiming) return 0;
    // One claim at a time per process, or two overlapping polls would both count the same free room.
    this.claiming = true;
    try {
      const room = this.options.concurrency - this.running.size;
      const claimed = await this.jobs.claim(this.owner, [...this.handlers.keys()], this.options.leaseMs, room, [...this.running.keys()]);
      for (const row of claimed) this.start(row);
      return claimed.length;
    } finally {
      this.claiming = false;
    }
  }

  /** Resolves once every job this process runs has ended or been handed back. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  get activeJobs(): string[] {
    return [...this.running.keys()];
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Stops polling and hands running jobs back (each stops at its next item boundary, or within 10 s). */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const r of this.running.values()) r.abort.abort(new JobStopped('shutdown'));
    await this.task.stop();
    await Promise.race([this.idle(), new Promise((r) => setTimeout(r, 10_000).unref())]);
  }

  // -------------------------------------------------------------------------------------------------------------

  private start(row: JobRow): void {
    const abort = new AbortController();
    const done = this.execute(row, abort)
      .catch((err) => this.log.error({ job_id: row.id, err: err instanceof Error ? err.stack : String(err) }, 'job bookkeeping failed; its lease will expire and another attempt resumes it'))
      .finally(() => this.running.delete(row.id));
    this.running.set(row.id, { abort, done });
  }

  private async execute(row: JobRow, abort: AbortController): Promise<void> {
    const { leaseMs, maxAttempts } = this.options;
    let last: { progress: number; result: object } = { progress: row.progress, result: row.result ?? {} };
    if (attemptDecision(row.attempts, maxAttempts) === 'give_up') {
      await this.end(row, {
        status: 'error', progress: last.progress, result: row.result,
        error: row.error?.code === 'job_failed' ? row.error : { code: 'job_abandoned', message: `stopped without finishing ${maxAttempts} times (the service crashed or was cut off); result lists what it made` },
      });
      return;
    }
    const handler = this.handlers.get(row.type);
    if (!handler) return;

    // The lease is renewed in the background too, so one slow item does not let another worker take the job over.
    const heartbeat = setInterval(() => {
      void this.jobs.renew(row.id, this.owner, leaseMs).then(({ held, status }) => {
        if (!held && !abort.signal.aborted) abort.abort(new JobStopped(stopReason(status)));
      }).catch(() => undefined);
    }, Math.max(50, Math.floor(leaseMs / 3)));
    heartbeat.unref();

    const run: JobRun = {
      job: row, ctx: jobContext(row), signal: abort.signal,
      assertHeld: async (m) => {
        if (await this.jobs.holdsLease(m, row.id, this.owner)) return;
        throw abort.signal.reason instanceof JobStopped ? abort.signal.reason : new JobStopped('lost');
      },
      report: async (progress, result) => {
        last = { progress, result };
        if (abort.signal.aborted) throw abort.signal.reason;
        const { held, status } = await this.jobs.renew(row.id, this.owner, leaseMs, last);
        if (!held) {
          abort.abort(new JobStopped(stopReason(status)));
          throw abort.signal.reason;
        }
      },
    };
    try {
      const outcome = await handler(run);
      if (abort.signal.aborted) throw abort.signal.reason;
      await this.end(row, { status: outcome.error ? 'error' : 'done', progress: outcome.error ? last.progress : 100, result: outcome.result, error: outcome.error ?? null });
    } catch (err) {
      const stopped = err instanceof JobStopped ? err : abort.signal.reason instanceof JobStopped ? abort.signal.reason : null;
      if (stopped?.reason === 'cancelled' || stopped?.reason === 'stopped') return this.jobs.recordHalted(row.id, this.owner, stopped.reason, last.progress, last.result);
      if (stopped?.reason === 'lost') return void this.log.warn({ job_id: row.id }, 'job taken over by another worker; stopped here');
      if (stopped?.reason === 'shutdown') return this.jobs.release(row.id, this.owner, 0, false);
      const error = { code: 'job_failed', message: err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500) };
      // A refusal (the agent is gone, the campaign is over) will not change on retry; anything else may.
      const permanent = err instanceof DomainError && ERROR_STATUS[err.code] < 500;
      if (permanent || row.attempts >= maxAttempts) {
        await this.end(row, { status: 'error', progress: last.progress, result: last.result, error: permanent ? { code: (err as DomainError).code, message: error.message } : error });
      } else {
        this.log.warn({ job_id: row.id, attempt: row.attempts, err: error.message }, 'job attempt failed; retrying');
        await this.jobs.release(row.id, this.owner, retryDelayMs(row.attempts), true, error);
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** The final state and its event (`job.completed` / `job.failed`), in one transaction. */
  private async end(row: JobRow, outcome: { status: 'done' | 'error'; progress: number; result: object | null; error: JobError | null }): Promise<void> {
    await this.jobs.transaction(async (m) => {
      const ended = await this.jobs.finish(m, row.id, this.owner, outcome);
      if (!ended) return;
      const job = toJob(ended);
      const data: JobEventData = { job_id: job.id, type: job.type, status: job.status, agent_id: job.agent_id, result: job.result, error: job.error };
      await this.outbox.enqueue(m, {
        type: outcome.status === 'done' ? 'job.completed' : 'job.failed', organizationId: ended.organization_id, livemode: ended.livemode,
        data, aggregateId: job.id,
      }, jobContext(ended));
    });
  }
}
