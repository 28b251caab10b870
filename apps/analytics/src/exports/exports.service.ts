import { Injectable } from '@nestjs/common';
import {
  DomainError, FINAL_JOB_STATUSES, MAX_REPORT_DAYS, newId, type CreateExportBody, type ExportDownloadQuery, type ExportFile, type Job,
  type RequestContext,
} from '@influgentic/contracts';
import type { Commit } from '@influgentic/messaging';
import { CatalogRepository } from '../catalog/catalog.repository';
import { daysBetween } from '../reports/report-builder';
import { linkProblem } from './download-link';
import { ExportJobsRepository, toJob, type ExportJobRow } from './export-jobs.repository';
import { ExportRunner, publicResult } from './export-runner';
import { ExportSecret } from './export-secret';

const view = (row: ExportJobRow): Job => ({ ...toJob(row), result: publicResult(row.result) });

/** `POST /v1/analytics/exports` and its job (`GET /v1/jobs/{id}`, cancel), and the check behind a download link. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly jobs: ExportJobsRepository,
    private readonly catalog: CatalogRepository,
    private readonly runner: ExportRunner,
    private readonly secret: ExportSecret,
  ) {}

  /** The period's order and length are checked here: CreateExportBody judges each date alone. */
  async create(ctx: RequestContext, body: CreateExportBody, commit: Commit = (write) => this.jobs.transaction(write)): Promise<Job> {
    if (body.start > body.end) throw DomainError.validation([{ field: 'start', code: 'range', message: 'must not be after end' }]);
    if (daysBetween(body.start, body.end).length > MAX_REPORT_DAYS) throw DomainError.validation([{ field: 'end', code: 'range', message: `an export spans at most ${MAX_REPORT_DAYS} days` }]);
    if (body.campaign_id) {
      const c = (await this.catalog.campaigns(ctx, [body.campaign_id])).get(body.campaign_id);
      if (!c) throw DomainError.validation([{ field: 'campaign_id', code: 'not_found', message: 'names no campaign of this organization' }]);
      if (ctx.agentId && c.agent_id !== ctx.agentId) throw new DomainError('forbidden', `Campaign ${c.id} is run by another agent than X-Influgentic-Agent`);
    }
    const job = await commit(async (m) => view(await this.jobs.insert(m, newId('job'), ctx, { format: body.format, start: body.start, end: body.end, campaign_id: body.campaign_id ?? null, agent_id: ctx.agentId ?? null })));
    this.runner.kick();
    return job;
  }

  async get(ctx: RequestContext, id: string): Promise<Job> {
    const row = await this.jobs.findForCaller(ctx, id);
    if (!row) throw DomainError.notFound('Job', id);
    return view(row);
  }

  async cancel(ctx: RequestContext, id: string, commit: Commit = (write) => this.jobs.transaction(write)): Promise<Job> {
    return commit(async (m) => {
      const row = await this.jobs.findForCaller(ctx, id, m, true);
      if (!row) throw DomainError.notFound('Job', id);
      if (FINAL_JOB_STATUSES.includes(row.status)) throw new DomainError('invalid_state', `Job ${id} is already ${row.status}`);
      return view(await this.jobs.cancel(m, id));
    });
  }

  /** The file behind a signed link, for the caller's organization and mode only. */
  async download(ctx: RequestContext, id: string, { expires, signature }: ExportDownloadQuery): Promise<ExportFile> {
    const row = await this.jobs.findForCaller(ctx, id);
    const file = row?.status === 'done' ? (row.result?.file as string | undefined) : undefined;
    if (!row || !file) throw DomainError.notFound('Export', id);
    const problem = linkProblem(await this.secret.get(), { jobId: id, organizationId: ctx.organizationId, livemode: ctx.livemode, expires }, signature);
    if (problem === 'bad_signature') throw new DomainError('forbidden', 'This download link is not valid');
    if (problem === 'expired') throw new DomainError('forbidden', 'This download link has expired; export again for a new one');
    const format = row.input.format;
    return {
      file, filename: `influgentic-export-${id}.${format}`, content_type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
      bytes: Number(row.result?.bytes ?? 0),
    };
  }
}
