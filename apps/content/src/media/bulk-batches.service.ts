import { Injectable } from '@nestjs/common';
import {
  DomainError, newId, type BulkBatch, type BulkRowResult, type BulkVideosBody, type RequestContext,
} from '@influgentic/contracts';
import type { IdempotentRun } from '@influgentic/messaging';
import { PlatformClients } from '../generate/platform-clients';
import { ContentRepository } from '../items/content.repository';
import { JobRunner } from '../jobs/job-runner';
import { parseBulkCsv } from './bulk-csv';
import { MediaJobsRepository, type BatchRow } from './media-jobs.repository';
import { VideoJobsService, type VideoJobInput } from './video-jobs.service';
import { presentMedia } from './media-links';

/**
 * `POST /v1/content/bulk`: a CSV of up to 100 scripts becomes one video job per row under a batch. Every row is
 * checked first (the CSV, then each row against the agent and campaign); any bad row refuses the whole batch with its
 * line number and nothing starts. The batch, its items and its jobs are written in one transaction with the
 * idempotency record, so a retried upload never makes a second batch.
 */
@Injectable()
export class BulkBatchesService {
  constructor(
    private readonly media: MediaJobsRepository,
    private readonly videos: VideoJobsService,
    private readonly runner: JobRunner,
    private readonly clients: PlatformClients,
    private readonly items: ContentRepository,
  ) {}

  async accept(ctx: RequestContext, body: BulkVideosBody, keyed: IdempotentRun): Promise<BulkBatch> {
    const parsed = parseBulkCsv(body.csv, { platform: body.platform });
    if (parsed.errors.length) throw DomainError.validation(parsed.errors);
    if (ctx.agentId && ctx.agentId !== body.agent_id) throw new DomainError('forbidden', `This request is narrowed to agent ${ctx.agentId}`);
    const agent = await this.clients.agent(ctx, body.agent_id);
    const batchId = newId('batch');
    const settled: Array<Omit<VideoJobInput, 'content_id'>> = [];
    for (const row of parsed.rows) {
      try {
        settled.push(await this.videos.settle(ctx, {
          agent_id: agent.id, platform: row.platform, scene_description: row.scene_description,
          duration_seconds: row.duration_seconds ?? body.duration_seconds ?? 8, aspect_ratio: row.aspect_ratio ?? body.aspect_ratio ?? '9:16',
          type: row.type ?? (row.platform === 'tiktok' || row.platform === 'youtube' ? 'short' : 'reel'), language: row.language,
          script: row.script, voice: row.voice, campaign_id: body.campaign_id ?? null, product: null, batch_id: batchId, line: row.line,
        }, agent));
      } catch (err) {
        // A row the agent cannot make (a language it does not speak) names its line, like a malformed one.
        if (err instanceof DomainError && err.code !== 'not_found' && err.code !== 'forbidden' && err.code !== 'agent_not_ready') {
          throw DomainError.validation([{ field: 'csv', code: 'invalid_row', message: `line ${row.line}: ${err.errors?.[0]?.message ? `${err.errors[0].field} ${err.errors[0].message}` : err.message}` }]);
        }
        throw err;
      }
    }
    const batch = await keyed.commit(async (m) => {
      const b = await this.media.insertBatch(m, { id: batchId, organization_id: ctx.organizationId, livemode: ctx.livemode, agent_id: agent.id, total_rows: settled.length });
      for (const input of settled) await this.videos.insert(m, ctx, input);
      return b;
    });
    this.runner.kick();
    return this.view(ctx, batch);
  }

  async get(ctx: RequestContext, id: string): Promise<BulkBatch> {
    const batch = await this.media.findBatch(ctx, id);
    if (!batch) throw DomainError.notFound('Batch', id);
    if (ctx.agentId && batch.agent_id !== ctx.agentId) throw new DomainError('forbidden', `This request is narrowed to agent ${ctx.agentId}`);
    return this.view(ctx, batch);
  }

  private async view(ctx: RequestContext, batch: BatchRow): Promise<BulkBatch> {
    const jobs = await this.media.batchJobs(ctx, batch.id);
    // Links are signed afresh from the items' media, so a batch read later still downloads.
    const items = new Map((await this.items.findManyForCaller(ctx, jobs.map((j) => String(j.input.content_id)))).map((i) => [i.id, i]));
    const rows: BulkRowResult[] = jobs.map((j) => {
      const video = presentMedia(items.get(String(j.input.content_id))?.media).find((x) => x.type === 'video');
      return {
        line: Number(j.input.line), content_id: String(j.input.content_id), job_id: j.id, status: j.status, progress: j.progress,
        video_url: video?.url ?? null, error: j.error ?? null,
      };
    });
    const done = rows.filter((r) => r.status === 'done').length;
    const failed = rows.filter((r) => r.status === 'error').length;
    const open = rows.some((r) => r.status === 'queued' || r.status === 'processing');
    const status: BulkBatch['status'] = open ? 'processing'
      : rows.some((r) => r.status === 'stopped') ? 'stopped'
        : done === rows.length ? 'done' : done === 0 && failed > 0 ? 'error' : rows.every((r) => r.status === 'cancelled') ? 'cancelled' : 'done';
    const progress = rows.length ? Math.floor(rows.reduce((n, r) => n + (r.status === 'done' || r.status === 'error' || r.status === 'cancelled' ? 100 : r.progress), 0) / rows.length) : 100;
    return {
      id: batch.id, object: 'bulk_batch', agent_id: batch.agent_id, status, total_rows: batch.total_rows, rows_done: done, rows_failed: failed,
      progress, rows, created_at: new Date(batch.created_at).toISOString(),
    };
  }
}
