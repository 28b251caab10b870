import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '@influgentic/contracts';
import { ContentItemEntity, type ReservationState } from './content-item.entity';

export type CompletedFields = Pick<ContentItemEntity,
  'title' | 'body' | 'caption' | 'hashtags' | 'cta' | 'disclosures' | 'sections' | 'compliance_flags' | 'review_reasons'
  | 'model' | 'tokens_input' | 'tokens_output' | 'latency_ms' | 'status'>;

const INSERT_COLUMNS = [
  'id', 'organization_id', 'livemode', 'agent_id', 'campaign_id', 'content_type', 'format', 'platform', 'language', 'length',
  'status', 'title', 'body', 'caption', 'hashtags', 'cta', 'disclosures', 'sections', 'variants', 'selected_variant', 'media',
  'compliance_mode', 'compliance_flags', 'review_reasons', 'brief', 'model', 'tokens_input', 'tokens_output', 'latency_ms',
  'session_id', 'reservation_id', 'reservation_state', 'amount_cents', 'failure_reason', 'rejection_reason', 'scheduled_at',
  'published_at', 'created_at', 'updated_at',
] as const satisfies ReadonlyArray<keyof ContentItemEntity>;
const JSON_COLUMNS = new Set<string>(['sections', 'variants', 'media', 'compliance_flags', 'brief']);
const INSERT_SQL = `INSERT INTO content.content_items (${INSERT_COLUMNS.join(', ')})
  VALUES (${INSERT_COLUMNS.map((_c, i) => `$${i + 1}`).join(', ')})`;

/** Everything the content service reads and writes in Postgres; nothing else issues SQL against `content.content_items`. */
@Injectable()
export class ContentRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  private repo(m?: EntityManager) {
    return (m ?? this.ds.manager).getRepository(ContentItemEntity);
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  /** Plain SQL: this insert sits on the path to a stream's first chunk, and the ORM's insert costs a millisecond more. */
  async insert(row: ContentItemEntity, m?: EntityManager): Promise<void> {
    const values = INSERT_COLUMNS.map((c) => {
      const v = row[c];
      return JSON_COLUMNS.has(c) && v !== null ? JSON.stringify(v) : v;
    });
    await (m ?? this.ds.manager).query(INSERT_SQL, values);
  }

  /** An item of the caller's organization and mode, or null (another organization's item is simply not there). */
  async findForCaller(ctx: RequestContext, id: string): Promise<ContentItemEntity | null> {
    return this.repo().findOne({ where: { id, organization_id: ctx.organizationId, livemode: ctx.livemode } });
  }

  /** Writes the finished piece, only while the row is still generating (a cancel or the sweeper may have won). */
  async complete(m: EntityManager, id: string, fields: CompletedFields): Promise<ContentItemEntity | null> {
    const result = await this.repo(m).createQueryBuilder().update(ContentItemEntity)
      .set({ ...fields, updated_at: () => 'now()' })
      .where('id = :id AND status = :generating', { id, generating: 'generating' })
      .returning('*')
      .execute();
    const raw = (result.raw as ContentItemEntity[])[0];
    return raw ? this.repo(m).create(raw) : null;
  }

  /** Marks a generation as failed; returns the row when it was still generating. */
  async fail(id: string, reason: string, m?: EntityManager): Promise<ContentItemEntity | null> {
    const rows: ContentItemEntity[] = await (m ?? this.ds.manager).query(
      `UPDATE content.content_items SET status = 'failed', failure_reason = $2, updated_at = now()
        WHERE id = $1 AND status = 'generating' RETURNING *`,
      [id, reason.slice(0, 500)],
    );
    return rows[0] ? this.repo(m).create(rows[0]) : null;
  }

  async setReservationState(id: string, state: ReservationState, m?: EntityManager): Promise<void> {
    await (m ?? this.ds.manager).query(
      `UPDATE content.content_items SET reservation_state = $2 WHERE id = $1 AND reservation_state = 'held'`, [id, state]);
  }

  /** How many pieces a campaign already has (settles which format and language its next piece gets). */
  async countForCampaign(ctx: RequestContext, campaignId: string): Promise<number> {
    const [{ n }] = await this.ds.query(
      `SELECT count(*)::int AS n FROM content.content_items
        WHERE campaign_id = $1 AND organization_id = $2 AND livemode = $3 AND status <> 'failed'`,
      [campaignId, ctx.organizationId, ctx.livemode],
    );
    return n;
  }

  /**
   * Items whose spend hold is still open although their fate is known (settle or release did not get through), or
   * whose generation was abandoned (a replica died mid-stream). SKIP LOCKED lets every replica's sweeper share them.
   */
  async claimUnfinished(m: EntityManager, staleAfterMs: number, retryAfterMs: number, batch: number): Promise<ContentItemEntity[]> {
    const rows: ContentItemEntity[] = await m.query(
      `SELECT * FROM content.content_items
        WHERE (status = 'generating' AND updated_at < now() - make_interval(secs => $1::float8 / 1000))
           OR (reservation_state = 'held' AND status <> 'generating' AND updated_at < now() - make_interval(secs => $2::float8 / 1000))
        ORDER BY updated_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [staleAfterMs, retryAfterMs, batch],
    );
    return rows.map((r) => this.repo(m).create(r));
  }

  async touch(id: string, m: EntityManager): Promise<void> {
    await m.query(`UPDATE content.content_items SET updated_at = now() WHERE id = $1`, [id]);
  }

  /** Model settings layered over the environment's: the organization's (agent_id '') and the agent's. */
  async generationSettings(organizationId: string, livemode: boolean, agentId: string): Promise<{ organization: unknown; agent: unknown }> {
    const rows: Array<{ agent_id: string; llm: unknown }> = await this.ds.query(
      `SELECT agent_id, llm FROM content.generation_settings WHERE organization_id = $1 AND livemode = $2 AND agent_id IN ('', $3)`,
      [organizationId, livemode, agentId],
    );
    return { organization: rows.find((r) => r.agent_id === '')?.llm ?? null, agent: rows.find((r) => r.agent_id === agentId)?.llm ?? null };
  }
}
