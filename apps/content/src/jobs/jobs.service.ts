import { Injectable } from '@nestjs/common';
import { DomainError, type Job, type RequestContext } from '@influgentic/contracts';
import type { Commit } from '@influgentic/messaging';
import { toJob } from './job.types';
import { ContentRepository } from '../items/content.repository';
import { JobsRepository } from './jobs.repository';

/** The jobs API: read a job, cancel it. Another organization's (or mode's) job is a 404. */
@Injectable()
export class JobsService {
  constructor(private readonly jobs: JobsRepository, private readonly items: ContentRepository) {}

  async get(ctx: RequestContext, id: string): Promise<Job> {
    return toJob(await this.visible(ctx, id));
  }

  /**
   * Cancels a queued or running job; a running one stops at its next item boundary (what it already made stays, and
   * its `result` says so). Cancelling a cancelled job answers it again; a finished one is 409.
   */
  async cancel(ctx: RequestContext, id: string, commit: Commit = (w) => this.jobs.transaction(w)): Promise<Job> {
    const job = await this.visible(ctx, id);
    if (job.status === 'cancelled') return toJob(job);
    const cancelled = await commit(async (m) => {
      const row = await this.jobs.cancel(ctx, id, m);
      // A video's item waits for its render: with the render cancelled it fails with it, in the same transaction.
      if (row && typeof row.input.content_id === 'string' && row.type === 'content.video') {
        await this.items.fail(row.input.content_id, 'video: the render was cancelled', m);
      }
      return row ? toJob(row) : null;
    });
    if (cancelled) return cancelled;
    const now = (await this.jobs.findForCaller(ctx, id)) ?? job;
    if (now.status === 'cancelled') return toJob(now);
    throw new DomainError('invalid_state', `Job ${id} is ${now.status}; only a queued or processing job can be cancelled`, [
      { field: 'status', code: 'invalid_state', message: `is ${now.status}` },
    ]);
  }

  private async visible(ctx: RequestContext, id: string) {
    const job = await this.jobs.findForCaller(ctx, id);
    if (!job) throw DomainError.notFound('Job', id);
    if (ctx.agentId && job.agent_id && job.agent_id !== ctx.agentId) {
      throw new DomainError('forbidden', `This request is narrowed to agent ${ctx.agentId}`);
    }
    return job;
  }
}
