import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { EXPORT_LINK_TTL_MS, systemContext, type ExportJobResult, type JobError, type JobEventData } from '@influgentic/contracts';
import { PeriodicTask, SERVICE_LOGGER } from '@influgentic/messaging';
import { enqueueBatch } from '../store/outbox-batch';
import { downloadPath } from './download-link';
import { exportFileName, exportsDirectory } from './export-files';
import { ExportJobsRepository, toJob, type ExportJobRow } from './export-jobs.repository';
import { ExportSecret } from './export-secret';
import { writeExport } from './export-writer';

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const MAX_ATTEMPTS = 3;

class ExportStopped extends Error {}

/**
 * Runs export jobs from `analytics.jobs` on every replica: a claim takes a lease (SKIP LOCKED), the lease is renewed
 * as rows stream, a crashed worker's job is claimed again when its lease runs out and written again from the start
 * (the file appears under its name only once complete). Ends with `job.completed` / `job.failed` in the transaction
 * of the final state. Files are deleted once their link has expired.
 */
@Injectable()
export class ExportRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly owner = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly leaseMs = envNumber('ANALYTICS_EXPORT_LEASE_MS', 30_000);
  private readonly concurrency = envNumber('ANALYTICS_EXPORT_CONCURRENCY', 1);
  private readonly poll: PeriodicTask<number>;
  private readonly sweep: PeriodicTask;
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly jobs: ExportJobsRepository,
    private readonly secret: ExportSecret,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
  ) {
    this.poll = new PeriodicTask('analytics-exports', envNumber('ANALYTICS_EXPORT_POLL_MS', 1000), () => this.claim(), log);
    this.sweep = new PeriodicTask('analytics-export-files', 10 * 60_000, () => this.removeExpired(), log);
  }

  onApplicationBootstrap(): void {
    this.poll.start(true);
    this.sweep.start(false);
  }

  /** Looks for work now (a job was just queued here). */
  kick(): void {
    if (!this.stopping) void this.poll.tick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all([this.poll.stop(), this.sweep.stop()]);
    await Promise.allSettled([...this.running]);
  }

  async claim(): Promise<number> {
    if (this.stopping) return 0;
    const rows = await this.jobs.claim(this.owner, this.leaseMs, this.concurrency - this.running.size);
    for (const row of rows) {
      const run = this.execute(row).catch((err) => this.log.error({ job_id: row.id, err: String(err) }, 'export bookkeeping failed; the lease will expire and another attempt runs it'));
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }
    return rows.length;
  }

  private async execute(row: ExportJobRow): Promise<void> {
    if (row.attempts > MAX_ATTEMPTS) {
      await this.end(row, 'error', null, { code: 'job_abandoned', message: `stopped without finishing ${MAX_ATTEMPTS} times` });
      return;
    }
    const { format, start, end, campaign_id, agent_id } = row.input;
    const dir = exportsDirectory();
    await mkdir(dir, { recursive: true });
    const file = exportFileName(row.id, format);
    const from = new Date(`${start}T00:00:00Z`);
    const to = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000);
    try {
      const written = await writeExport({ organizationId: row.organization_id, livemode: row.livemode, from, to, campaignId: campaign_id, agentId: agent_id ?? null }, format, join(dir, file), async (_rows, at) => {
        const progress = Math.min(99, Math.max(0, Math.floor(((at.getTime() - from.getTime()) / (to.getTime() - from.getTime())) * 100)));
        const { held } = await this.jobs.renew(row.id, this.owner, this.leaseMs, progress);
        if (!held || this.stopping) throw new ExportStopped();
      });
      const expires = Math.floor((Date.now() + EXPORT_LINK_TTL_MS) / 1000);
      const url = downloadPath(await this.secret.get(), { jobId: row.id, organizationId: row.organization_id, livemode: row.livemode, expires });
      const result: ExportJobResult & { file: string } = {
        format, rows: written.rows, bytes: written.bytes, download_url: url, expires_at: new Date(expires * 1000).toISOString(), file,
      };
      if (!(await this.end(row, 'done', result, null))) await rm(join(dir, file), { force: true });
    } catch (err) {
      if (err instanceof ExportStopped) {
        if (this.stopping) await this.jobs.release(row.id, this.owner, 0, null);
        return;
      }
      const error = { code: 'export_failed', message: err instanceof Error ? err.message.slice(0, 300) : String(err).slice(0, 300) };
      if (row.attempts >= MAX_ATTEMPTS) await this.end(row, 'error', null, error);
      else await this.jobs.release(row.id, this.owner, 1000 * 2 ** row.attempts, error);
    }
  }

  /** The final state and its event in one transaction; false when the job was cancelled or taken over meanwhile. */
  private async end(row: ExportJobRow, status: 'done' | 'error', result: object | null, error: JobError | null): Promise<boolean> {
    return this.jobs.transaction(async (m) => {
      const ended = await this.jobs.finish(m, row.id, this.owner, status, result, error);
      if (!ended) return false;
      const job = toJob(ended);
      const data: JobEventData = { job_id: job.id, type: job.type, status: job.status, agent_id: null, result: publicResult(job.result), error: job.error };
      await enqueueBatch(m, systemContext(ended.organization_id, ended.livemode, ended.context.request_id), [{ type: status === 'done' ? 'job.completed' : 'job.failed', data }]);
      return true;
    });
  }

  private async removeExpired(): Promise<void> {
    const dir = exportsDirectory();
    for (const { id, file } of await this.jobs.expiredFiles(EXPORT_LINK_TTL_MS + 60_000)) {
      if (/^[a-z0-9_]+\.(csv|json)$/.test(file)) await rm(join(dir, file), { force: true });
      await this.jobs.markFileRemoved(id);
    }
  }
}

/** The job's result as clients see it: the file's name on disk is the service's business. */
export function publicResult(result: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!result) return result;
  const { file: _file, ...rest } = result;
  return rest;
}
