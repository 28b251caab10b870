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
    const [rows]: [ContentItemEntity[], number] = await (m ?? this.ds.manager).query(
      `UPDATE content.content_items SET status = 'failed', failure_reason = $2, updated_at = now()
        WHERE id = $1 AND status = 'generating' RETURNING *`,
      [id, reason.slice(0, 500)],
    );
    return rows[0] ? this.repo(m).create(rows[0]) : null;
  }

  /**
   * Records how an item's hold ended (settled, released, or void with the ledger's reason), only while it is still
   * held: whoever records first wins, and a late writer changes nothing. True when this call recorded it.
   */
  async endReservation(id: string, state: Exclude<ReservationState, 'held'>, error: string | null = null, m?: EntityManager): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [rows]: [unknown[], number] = await (m ?? this.ds.manager).query(
      `UPDATE content.content_items SET reservation_state = $2, reservation_error = $3, reservation_retry_at = NULL
        WHERE id = $1 AND reservation_state = 'held' RETURNING id`,
      [id, state, error === null ? null : error.slice(0, 500)],
    );
    return rows.length > 0;
  }

  /** The ledger could not be reached: count the attempt and try again after `delayMs`, if the hold is still open. */
  async retryReservationLater(id: string, delayMs: number, error: string, m?: EntityManager): Promise<void> {
    await (m ?? this.ds.manager).query(
      `UPDATE content.content_items
          SET reservation_attempts = reservation_attempts + 1, reservation_error = $3,
              reservation_retry_at = now() + make_interval(secs => $2::float8 / 1000)
        WHERE id = $1 AND reservation_state = 'held'`,
      [id, delayMs, error.slice(0, 500)],
    );
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
   * Generations silent for `staleAfterMs` lost their replica: each becomes `failed` in one short statement (SKIP LOCKED
   * against another replica's sweeper; the status check against a late finish) and its hold, if any, is due at once.
   */
  async failAbandoned(staleAfterMs: number, reason: string, batch: number): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await this.ds.query(
      `UPDATE content.content_items c
          SET status = 'failed', failure_reason = $2, updated_at = now(),
              reservation_retry_at = CASE WHEN c.reservation_state = 'held' THEN now() END
        WHERE c.id IN (SELECT id FROM content.content_items
                        WHERE status = 'generating' AND updated_at < now() - make_interval(secs => $1::float8 / 1000)
                        ORDER BY updated_at LIMIT $3 FOR UPDATE SKIP LOCKED)
          AND c.status = 'generating'
        RETURNING c.id`,
      [staleAfterMs, reason.slice(0, 500), batch],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Items whose fate is known but whose hold is still open (settle or release did not get through), due now: first
   * tries `retryAfterMs` after the item last changed, later ones when their backoff says. The claim is one statement
   * that pushes the rows' next try `leaseMs` ahead, so other replicas leave them alone while this one calls the ledger,
   * without a transaction or a row lock held across that call.
   */
  async claimOpenHolds(retryAfterMs: number, leaseMs: number, batch: number): Promise<ContentItemEntity[]> {
    const [rows]: [ContentItemEntity[], number] = await this.ds.query(
      `UPDATE content.content_items c SET reservation_retry_at = now() + make_interval(secs => $2::float8 / 1000)
        WHERE c.id IN (SELECT id FROM content.content_items
                        WHERE reservation_state = 'held' AND status <> 'generating'
                          AND COALESCE(reservation_retry_at, updated_at + make_interval(secs => $1::float8 / 1000)) <= now()
                        ORDER BY COALESCE(reservation_retry_at, updated_at) LIMIT $3 FOR UPDATE SKIP LOCKED)
          AND c.reservation_state = 'held' AND c.status <> 'generating'
        RETURNING c.*`,
      [retryAfterMs, leaseMs, batch],
    );
    return rows.map((r) => this.repo().create(r));
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
