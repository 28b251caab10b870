import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '@influgentic/contracts';
import type { JobRow } from '../jobs/job.types';

export interface BatchRow {
  id: string;
  organization_id: string;
  livemode: boolean;
  agent_id: string;
  total_rows: number;
  created_at: Date;
}

/** Statements of the media feature beyond the jobs table's own: bulk batches and the jobs of one item or batch. */
@Injectable()
export class MediaJobsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async insertBatch(m: EntityManager, row: Omit<BatchRow, 'created_at'>): Promise<BatchRow> {
    const [inserted]: BatchRow[] = await m.query(
      `INSERT INTO content.media_batches (id, organization_id, livemode, agent_id, total_rows) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [row.id, row.organization_id, row.livemode, row.agent_id, row.total_rows],
    );
    return inserted;
  }

  async findBatch(ctx: RequestContext, id: string): Promise<BatchRow | null> {
    const rows: BatchRow[] = await this.ds.query(
      'SELECT * FROM content.media_batches WHERE id = $1 AND organization_id = $2 AND livemode = $3',
      [id, ctx.organizationId, ctx.livemode],
    );
    return rows[0] ?? null;
  }

  /** The jobs of a batch, in the order of the CSV's lines. */
  async batchJobs(ctx: RequestContext, batchId: string): Promise<JobRow[]> {
    return this.ds.query(
      `SELECT * FROM content.jobs WHERE input->>'batch_id' = $1 AND input ? 'batch_id' AND organization_id = $2 AND livemode = $3
        ORDER BY (input->>'line')::int`,
      [batchId, ctx.organizationId, ctx.livemode],
    );
  }

  /** The latest media job of one of the caller's items (a video's render). */
  async jobForContent(ctx: RequestContext, contentId: string, type: string): Promise<JobRow | null> {
    const rows: JobRow[] = await this.ds.query(
      `SELECT * FROM content.jobs WHERE input->>'content_id' = $1 AND input ? 'content_id' AND type = $2 AND organization_id = $3 AND livemode = $4
        ORDER BY created_at DESC LIMIT 1`,
      [contentId, type, ctx.organizationId, ctx.livemode],
    );
    return rows[0] ?? null;
  }
}
