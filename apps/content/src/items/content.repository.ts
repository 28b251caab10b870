import { cappedTotal, EstimateCache } from '@influgentic/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { ContentActor, ContentHistoryEntry, ContentStatus, RequestContext } from '@influgentic/contracts';
import { ContentItemEntity, type ReservationState } from './content-item.entity';

/** One history row to write; `from` is null for the item's creation. */
export interface HistoryRecord {
  from: ContentStatus | null;
  to: ContentStatus;
  action: string;
  actor: ContentActor;
  reason?: string | null;
  media_index?: number | null;
}

/** Queue filters (already narrowed to the caller's agent when the request is). */
export interface ContentFilter {
  status?: ContentStatus;
  agent_id?: string;
  campaign_id?: string;
  platform?: string;
  created_after?: string;
  created_before?: string;
  scheduled_after?: string;
  scheduled_before?: string;
}

const SYSTEM: ContentActor = { kind: 'system', id: null };
const HISTORY_COLUMNS = 'content_id, from_status, to_status, action, actor_kind, actor_id, reason, media_index';

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
const INSERT_SQL = `WITH item AS (INSERT INTO content.content_items (${INSERT_COLUMNS.join(', ')})
  VALUES (${INSERT_COLUMNS.map((_c, i) => `$${i + 1}`).join(', ')}) RETURNING id, status)
  INSERT INTO content.content_history (${HISTORY_COLUMNS})
  SELECT id, NULL, status, 'generate', $${INSERT_COLUMNS.length + 1}, $${INSERT_COLUMNS.length + 2}, NULL, NULL FROM item`;

/** Everything the content service reads and writes in Postgres; nothing else issues SQL against `content.content_items`. */
@Injectable()
export class ContentRepository {
  /** Large lists' estimated totals, answered from memory and refreshed in the background. */
  private readonly estimates = new EstimateCache();

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  private repo(m?: EntityManager) {
    return (m ?? this.ds.manager).getRepository(ContentItemEntity);
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  /**
   * Plain SQL: this insert sits on the path to a stream's first chunk, and the ORM's insert costs a millisecond more.
   * The item's first history entry (its creation, by whoever asked for it) is written by the same statement.
   */
  async insert(row: ContentItemEntity, m?: EntityManager, by: ContentActor = SYSTEM): Promise<void> {
    const values = INSERT_COLUMNS.map((c) => {
      const v = row[c];
      return JSON_COLUMNS.has(c) && v !== null ? JSON.stringify(v) : v;
    });
    await (m ?? this.ds.manager).query(INSERT_SQL, [...values, by.kind, by.id]);
  }

  /** An item of the caller's organization and mode, or null (another organization's item, or a deleted one, is simply not there). */
  async findForCaller(ctx: RequestContext, id: string): Promise<ContentItemEntity | null> {
    return this.repo().findOne({ where: { id, organization_id: ctx.organizationId, livemode: ctx.livemode, deleted_at: IsNull() } });
  }

  /** The same, locked for the rest of `m`'s transaction (a decision reads and writes the row under this lock). */
  async lockForCaller(m: EntityManager, ctx: RequestContext, id: string): Promise<ContentItemEntity | null> {
    return this.repo(m).createQueryBuilder('c')
      .where('c.id = :id AND c.organization_id = :org AND c.livemode = :lm AND c.deleted_at IS NULL', { id, org: ctx.organizationId, lm: ctx.livemode })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Whether the caller's organization had this item and deleted it (a repeated DELETE answers like the first). */
  async wasDeletedByCaller(ctx: RequestContext, id: string): Promise<{ agent_id: string } | null> {
    const rows: Array<{ agent_id: string }> = await this.ds.query(
      `SELECT agent_id FROM content.content_items WHERE id = $1 AND organization_id = $2 AND livemode = $3 AND deleted_at IS NOT NULL`,
      [id, ctx.organizationId, ctx.livemode],
    );
    return rows[0] ?? null;
  }

  /** Writes changed columns of one item (and `updated_at`) inside the caller's transaction. */
  async update(m: EntityManager, id: string, fields: Partial<ContentItemEntity>): Promise<ContentItemEntity> {
    const result = await this.repo(m).createQueryBuilder().update(ContentItemEntity)
      .set({ ...fields, updated_at: () => 'now()' })
      .where('id = :id', { id })
      .returning('*')
      .execute();
    return this.repo(m).create((result.raw as ContentItemEntity[])[0]);
  }

  async addHistory(m: EntityManager, id: string, ...records: HistoryRecord[]): Promise<void> {
    for (const r of records) {
      await m.query(
        `INSERT INTO content.content_history (${HISTORY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, r.from, r.to, r.action, r.actor.kind, r.actor.id, r.reason ?? null, r.media_index ?? null],
      );
    }
  }

  /** The item's history, oldest first. */
  async history(id: string, m?: EntityManager): Promise<ContentHistoryEntry[]> {
    const rows: Array<{
      from_status: ContentStatus | null; to_status: ContentStatus; action: string; actor_kind: ContentActor['kind']; actor_id: string | null;
      reason: string | null; media_index: number | null; at: Date;
    }> = await (m ?? this.ds.manager).query(
      `SELECT from_status, to_status, action, actor_kind, actor_id, reason, media_index, at FROM content.content_history WHERE content_id = $1 ORDER BY id`,
      [id],
    );
    return rows.map((r) => ({
      from: r.from_status, to: r.to_status, action: r.action, actor: { kind: r.actor_kind, id: r.actor_id }, at: new Date(r.at).toISOString(),
      reason: r.reason, ...(r.media_index !== null ? { media_index: r.media_index } : {}),
    }));
  }

  /** Writes the finished piece, only while the row is still generating (a cancel or the sweeper may have won). */
  async complete(m: EntityManager, id: string, fields: CompletedFields): Promise<ContentItemEntity | null> {
    const result = await this.repo(m).createQueryBuilder().update(ContentItemEntity)
      .set({ ...fields, updated_at: () => 'now()' })
      .where('id = :id AND status = :generating', { id, generating: 'generating' })
      .returning('*')
      .execute();
    const raw = (result.raw as ContentItemEntity[])[0];
    if (!raw) return null;
    await this.addHistory(m, id, { from: 'generating', to: raw.status, action: raw.status === 'pending_review' ? 'complete' : raw.status, actor: SYSTEM });
    return this.repo(m).create(raw);
  }

  /** Marks a generation as failed (and records it); returns the row when it was still generating. */
  async fail(id: string, reason: string, m?: EntityManager): Promise<ContentItemEntity | null> {
    const rows: ContentItemEntity[] = await (m ?? this.ds.manager).query(
      `WITH failed AS (
         UPDATE content.content_items SET status = 'failed', failure_reason = $2, updated_at = now()
          WHERE id = $1 AND status = 'generating' RETURNING *),
       h AS (INSERT INTO content.content_history (${HISTORY_COLUMNS})
             SELECT id, 'generating', 'failed', 'fail', 'system', NULL, failure_reason, NULL FROM failed)
       SELECT * FROM failed`,
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
    const rows: Array<{ id: string }> = await this.ds.query(
      // The locked pick is a CTE: as `id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)` Postgres may re-run the
      // subquery and claim far more than n rows.
      `WITH picked AS (
         SELECT id FROM content.content_items
          WHERE status = 'generating' AND updated_at < now() - make_interval(secs => $1::float8 / 1000)
            -- A media job's item waits for its job while the job is open (queued behind a batch, or stopped); once the
            -- job has ended without finishing the item, the item fails here like any other.
            AND NOT (brief ? 'media_job' AND EXISTS (
              SELECT 1 FROM content.jobs j WHERE j.id = brief->>'media_job' AND j.status IN ('queued', 'processing', 'stopped')))
          ORDER BY updated_at LIMIT $3 FOR UPDATE SKIP LOCKED),
       failed AS (
         UPDATE content.content_items c
            SET status = 'failed', failure_reason = $2, updated_at = now(),
                reservation_retry_at = CASE WHEN c.reservation_state = 'held' THEN now() END
           FROM picked
          WHERE c.id = picked.id AND c.status = 'generating'
          RETURNING c.id, c.failure_reason),
       h AS (INSERT INTO content.content_history (${HISTORY_COLUMNS})
             SELECT id, 'generating', 'failed', 'fail', 'system', NULL, failure_reason, NULL FROM failed)
       SELECT id FROM failed`,
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
      `WITH picked AS (
         SELECT id FROM content.content_items
          WHERE reservation_state = 'held' AND status <> 'generating'
            AND COALESCE(reservation_retry_at, updated_at + make_interval(secs => $1::float8 / 1000)) <= now()
          ORDER BY COALESCE(reservation_retry_at, updated_at) LIMIT $3 FOR UPDATE SKIP LOCKED)
       UPDATE content.content_items c SET reservation_retry_at = now() + make_interval(secs => $2::float8 / 1000)
         FROM picked
        WHERE c.id = picked.id AND c.reservation_state = 'held' AND c.status <> 'generating'
        RETURNING c.*`,
      [retryAfterMs, leaseMs, batch],
    );
    return rows.map((r) => this.repo().create(r));
  }

  /** One keyset page of the queue, newest first; limit + 1 rows so the caller knows if more exist. */
  async page(ctx: RequestContext, f: ContentFilter, limit: number, after?: { created_at: string; id: string }): Promise<ContentItemEntity[]> {
    const { where, params } = this.filtered(ctx, f);
    if (after) {
      params.push(after.created_at, after.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length})`);
    }
    params.push(limit + 1);
    const rows: ContentItemEntity[] = await this.ds.query(
      `SELECT * FROM content.content_items WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params,
    );
    return rows.map((r) => this.repo().create(r));
  }

  /** Exact up to `cap`, then the planner's estimate: a large queue should not pay for a full count. */
  async count(ctx: RequestContext, f: ContentFilter, cap = 200): Promise<number> {
    const { where, params } = this.filtered(ctx, f);
    return cappedTotal((sql, p) => this.ds.query(sql, p), `SELECT 1 FROM content.content_items WHERE ${where.join(' AND ')}`, params, cap, this.estimates);
  }

  private filtered(ctx: RequestContext, f: ContentFilter): { where: string[]; params: unknown[] } {
    const where = ['organization_id = $1', 'livemode = $2', 'deleted_at IS NULL'];
    const params: unknown[] = [ctx.organizationId, ctx.livemode];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.status) add('status = ?', f.status);
    if (f.agent_id) add('agent_id = ?', f.agent_id);
    if (f.campaign_id) add('campaign_id = ?', f.campaign_id);
    if (f.platform) add('platform = ?', f.platform);
    if (f.created_after) add('created_at >= ?::timestamptz', f.created_after);
    if (f.created_before) add('created_at < ?::timestamptz', f.created_before);
    if (f.scheduled_after) add('scheduled_at >= ?::timestamptz', f.scheduled_after);
    if (f.scheduled_before) add('scheduled_at < ?::timestamptz', f.scheduled_before);
    return { where, params };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Publishing claims: whoever posts an item holds `publish_claim` until it records the outcome or the claim expires.
  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Scheduled items whose time has come, claimed in one statement: SKIP LOCKED against other replicas' schedulers and
   * a lease of `leaseMs`, so a replica that dies mid-post leaves the item to another one once the lease runs out.
   */
  async claimDue(claim: string, leaseMs: number, batch: number): Promise<ContentItemEntity[]> {
    const [rows]: [ContentItemEntity[], number] = await this.ds.query(
      `WITH picked AS (
         SELECT id FROM content.content_items
          WHERE status = 'scheduled' AND deleted_at IS NULL AND scheduled_at <= now()
            AND (publish_claim_until IS NULL OR publish_claim_until < now())
          ORDER BY scheduled_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       UPDATE content.content_items c
          SET publish_claim = $1, publish_claim_until = now() + make_interval(secs => $2::float8 / 1000)
         FROM picked
        WHERE c.id = picked.id
        RETURNING c.*`,
      [claim, leaseMs, batch],
    );
    return rows.map((r) => this.repo().create(r));
  }

  /** Claims one locked item for a request that posts it now; false when another poster holds it. */
  async claimOne(m: EntityManager, id: string, claim: string, leaseMs: number): Promise<boolean> {
    const [rows]: [unknown[], number] = await m.query(
      `UPDATE content.content_items SET publish_claim = $2, publish_claim_until = now() + make_interval(secs => $3::float8 / 1000)
        WHERE id = $1 AND (publish_claim_until IS NULL OR publish_claim_until < now()) RETURNING id`,
      [id, claim, leaseMs],
    );
    return rows.length > 0;
  }

  /** The item locked, only while `claim` is still its claim (an unpublish or another poster may have taken it). */
  async lockClaimed(m: EntityManager, id: string, claim: string): Promise<ContentItemEntity | null> {
    return this.repo(m).createQueryBuilder('c')
      .where('c.id = :id AND c.publish_claim = :claim AND c.deleted_at IS NULL', { id, claim })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Gives up a claim without an outcome (a transient failure), so the item is tried again after `retryMs`. */
  async releaseClaim(id: string, claim: string, retryMs: number, error: string): Promise<void> {
    await this.ds.query(
      `UPDATE content.content_items SET publish_claim = NULL, publish_error = $3, publish_attempts = publish_attempts + 1,
              publish_claim_until = now() + make_interval(secs => $4::float8 / 1000)
        WHERE id = $1 AND publish_claim = $2`,
      [id, claim, error.slice(0, 500), retryMs],
    );
  }

  /** A published item by id alone, for its public page (a published post is public). */
  async findPublished(id: string): Promise<ContentItemEntity | null> {
    return this.repo().findOne({ where: { id, status: 'published', deleted_at: IsNull() } });
  }

  /** Model settings layered over the environment's: the organization's (agent_id '') and the agent's. */
  async generationSettings(organizationId: string, livemode: boolean, agentId: string): Promise<{ organization: unknown; agent: unknown }> {
    const rows: Array<{ agent_id: string; llm: unknown }> = await this.ds.query(
      `SELECT agent_id, llm FROM content.generation_settings WHERE organization_id = $1 AND livemode = $2 AND agent_id IN ('', $3)`,
      [organizationId, livemode, agentId],
    );
    return { organization: rows.find((r) => r.agent_id === '')?.llm ?? null, agent: rows.find((r) => r.agent_id === agentId)?.llm ?? null };
  }

  /** Week plans: the items that fill slots of an agent's week (deleted ones do not), with the job that made each. */
  async plannedItems(ctx: RequestContext, agentId: string, week: string): Promise<PlannedItem[]> {
    return this.ds.query(
      `SELECT id, status, updated_at, brief->'plan'->>'slot' AS slot, brief->'plan'->>'job_id' AS job_id FROM content.content_items
        WHERE organization_id = $1 AND livemode = $2 AND agent_id = $3 AND brief ? 'plan' AND brief->'plan'->>'week' = $4
          AND deleted_at IS NULL`,
      [ctx.organizationId, ctx.livemode, agentId, week],
    );
  }

  /**
   * The calendar: items of the caller that go (or went) out in [start, end), in time order, at most `limit`; and how
   * many there are per local day (in `timeZone`) and status, over the whole range.
   */
  async calendar(ctx: RequestContext, q: CalendarFilter): Promise<{ rows: ContentItemEntity[]; counts: Array<{ date: string; status: ContentStatus; n: number }> }> {
    const where = ['organization_id = $1', 'livemode = $2', 'deleted_at IS NULL', 'status = ANY($3::text[])',
      'COALESCE(published_at, scheduled_at) >= $4', 'COALESCE(published_at, scheduled_at) < $5'];
    const args: unknown[] = [ctx.organizationId, ctx.livemode, q.statuses, q.start, q.end];
    if (q.agentId) where.push(`agent_id = $${args.push(q.agentId)}`);
    if (q.platform) where.push(`platform = $${args.push(q.platform)}`);
    const filter = where.join(' AND ');
    const rows: ContentItemEntity[] = await this.ds.query(
      `SELECT * FROM content.content_items WHERE ${filter} ORDER BY COALESCE(published_at, scheduled_at), id LIMIT $${args.length + 1}`,
      [...args, q.limit],
    );
    const counts: Array<{ date: string; status: ContentStatus; n: number }> = await this.ds.query(
      `SELECT to_char(COALESCE(published_at, scheduled_at) AT TIME ZONE $${args.length + 1}, 'YYYY-MM-DD') AS date, status, count(*)::int AS n
         FROM content.content_items WHERE ${filter} GROUP BY 1, 2`,
      [...args, q.timeZone],
    );
    return { rows: rows.map((r) => this.repo().create(r)), counts };
  }

  /** Review links: the caller's items among `ids` (deleted ones are not there), in no particular order. */
  async findManyForCaller(ctx: RequestContext, ids: readonly string[]): Promise<ContentItemEntity[]> {
    if (!ids.length) return [];
    const rows: ContentItemEntity[] = await this.ds.query(
      `SELECT * FROM content.content_items WHERE id = ANY($1::text[]) AND organization_id = $2 AND livemode = $3 AND deleted_at IS NULL`,
      [ids, ctx.organizationId, ctx.livemode],
    );
    return rows.map((r) => this.repo().create(r));
  }

  /** Review links for a week: an agent's items scheduled (or published) in [start, end), in time order. */
  async scheduledIdsBetween(ctx: RequestContext, agentId: string, start: Date, end: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM content.content_items
        WHERE organization_id = $1 AND livemode = $2 AND agent_id = $3 AND deleted_at IS NULL AND status NOT IN ('failed', 'generating')
          AND COALESCE(published_at, scheduled_at) >= $4 AND COALESCE(published_at, scheduled_at) < $5
        ORDER BY COALESCE(published_at, scheduled_at), id LIMIT $6`,
      [ctx.organizationId, ctx.livemode, agentId, start, end, limit],
    );
    return rows.map((r) => r.id);
  }
}

/** An item filling a week plan slot. */
export interface PlannedItem { id: string; status: ContentStatus; updated_at: Date; slot: string; job_id: string }

export interface CalendarFilter {
  start: Date;
  end: Date;
  timeZone: string;
  statuses: readonly ContentStatus[];
  agentId?: string;
  platform?: string;
  limit: number;
}
