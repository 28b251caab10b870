import { cappedTotal, EstimateCache } from '@influgentic/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { CampaignStatus, RequestContext } from '@influgentic/contracts';
import type { SpendState } from '../spend/spend-rules';
import { CampaignEntity, SpendReservationEntity } from './campaign.entity';

export interface CampaignFilter { status?: CampaignStatus; agent_id?: string }

type RawReservation = Omit<SpendReservationEntity, 'amount_cents'> & { amount_cents: string };

function reservationFromRaw(r: RawReservation): SpendReservationEntity {
  return { ...r, amount_cents: Number(r.amount_cents) };
}

type Mutable = Partial<Omit<CampaignEntity, 'id' | 'organization_id' | 'livemode' | 'spent_cents' | 'held_cents'>>;

/**
 * Everything the campaigns service reads and writes in Postgres; nothing else issues SQL against the `campaigns`
 * schema. Money totals change only through `addToTotals`, always in the transaction that writes the ledger row.
 */
@Injectable()
export class CampaignsRepository {
  /** Large lists' estimated totals, answered from memory and refreshed in the background. */
  private readonly estimates = new EstimateCache();

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  private campaigns(m?: EntityManager) {
    return (m ?? this.ds.manager).getRepository(CampaignEntity);
  }

  private reservations(m?: EntityManager) {
    return (m ?? this.ds.manager).getRepository(SpendReservationEntity);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Campaigns
  // -------------------------------------------------------------------------------------------------------------

  async insert(m: EntityManager, campaign: CampaignEntity): Promise<void> {
    await this.campaigns(m).insert(campaign);
  }

  /** The caller's campaign (same organization and mode), optionally locked for the rest of the transaction. */
  async findOwned(ctx: RequestContext, id: string, m?: EntityManager, lock = false): Promise<CampaignEntity | null> {
    const qb = this.campaigns(m).createQueryBuilder('c')
      .where('c.id = :id AND c.organization_id = :org AND c.livemode = :lm', { id, org: ctx.organizationId, lm: ctx.livemode });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async findById(id: string, m?: EntityManager): Promise<CampaignEntity | null> {
    return this.campaigns(m).findOneBy({ id });
  }

  async update(m: EntityManager, id: string, patch: Mutable): Promise<void> {
    await this.campaigns(m).update({ id }, patch);
  }

  private filtered(ctx: RequestContext, f: CampaignFilter): SelectQueryBuilder<CampaignEntity> {
    const qb = this.campaigns().createQueryBuilder('c')
      .where('c.organization_id = :org AND c.livemode = :lm', { org: ctx.organizationId, lm: ctx.livemode });
    if (f.status) qb.andWhere('c.status = :status', { status: f.status });
    if (f.agent_id) qb.andWhere('c.agent_id = :agent', { agent: f.agent_id });
    return qb;
  }

  /** One keyset page, newest first (ids are time-ordered); limit + 1 rows so the caller knows if more exist. */
  async page(ctx: RequestContext, f: CampaignFilter, limit: number, afterId?: string): Promise<CampaignEntity[]> {
    const qb = this.filtered(ctx, f);
    if (afterId) qb.andWhere('c.id < :after', { after: afterId });
    return qb.orderBy('c.id', 'DESC').limit(limit + 1).getMany();
  }

  /** Exact up to `cap`, then the planner's estimate: a large organization's list should not pay for a full count. */
  async count(ctx: RequestContext, f: CampaignFilter, cap = 1000): Promise<number> {
    const [sql, params] = this.filtered(ctx, f).select('1').getQueryAndParameters();
    return cappedTotal((q, p) => this.ds.query(q, p), sql, params, cap, this.estimates);
  }

  /**
   * Scheduled campaigns whose start has come, locked. SKIP LOCKED: another replica's scheduler takes the rows this
   * one holds, so no campaign is started twice and replicas never wait on each other.
   */
  async claimDueStarts(m: EntityManager, batch: number): Promise<CampaignEntity[]> {
    return this.campaigns(m).createQueryBuilder('c')
      .where(`c.status = 'scheduled' AND c.starts_at <= now()`)
      .orderBy('c.starts_at', 'ASC').limit(batch)
      .setLock('pessimistic_write').setOnLocked('skip_locked')
      .getMany();
  }

  /** Running or paused campaigns past their end, locked the same way. */
  async claimDueCompletions(m: EntityManager, batch: number): Promise<CampaignEntity[]> {
    return this.campaigns(m).createQueryBuilder('c')
      .where(`c.status IN ('active', 'paused') AND c.ends_at <= now()`)
      .orderBy('c.ends_at', 'ASC').limit(batch)
      .setLock('pessimistic_write').setOnLocked('skip_locked')
      .getMany();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Spend ledger
  // -------------------------------------------------------------------------------------------------------------

  /** Moves money between the campaign's totals; the CHECK constraint refuses anything that would pass the budget. */
  async addToTotals(m: EntityManager, campaignId: string, heldDelta: number, spentDelta: number): Promise<void> {
    await m.query(
      `UPDATE campaigns.campaigns SET held_cents = held_cents + $2, spent_cents = spent_cents + $3, updated_at = now() WHERE id = $1`,
      [campaignId, heldDelta, spentDelta],
    );
  }

  /**
   * The reservation hot path in one statement: the conditional UPDATE holds one item's price only if the campaign is
   * the caller's, active, inside its window and has room (re-checked by Postgres against the latest row version when
   * another reservation committed first), and the ledger row is written with it. Null: refused, the caller explains.
   * A second open hold for the same item violates the partial unique index and the whole statement rolls back.
   */
  async tryReserve(ctx: RequestContext, campaignId: string, contentId: string, reservationId: string, ttlMs: number): Promise<SpendReservationEntity | null> {
    const rows: RawReservation[] = await this.ds.query(
      `WITH c AS (
         UPDATE campaigns.campaigns
            SET held_cents = held_cents + CASE WHEN livemode THEN rate_cents ELSE 0 END, updated_at = now()
          WHERE id = $1 AND organization_id = $2 AND livemode = $3 AND ($4::text IS NULL OR agent_id = $4)
            AND status = 'active' AND ends_at > now()
            AND (budget_cents IS NULL OR spent_cents + held_cents + CASE WHEN livemode THEN rate_cents ELSE 0 END <= budget_cents)
          RETURNING id, organization_id, livemode, CASE WHEN livemode THEN rate_cents ELSE 0 END AS amount)
       INSERT INTO campaigns.spend_reservations (id, campaign_id, organization_id, livemode, content_id, amount_cents, status, expires_at)
       SELECT $5, c.id, c.organization_id, c.livemode, $6, c.amount, 'held', now() + make_interval(secs => $7::float8 / 1000) FROM c
       RETURNING *`,
      [campaignId, ctx.organizationId, ctx.livemode, ctx.agentId ?? null, reservationId, contentId, ttlMs],
    );
    return rows[0] ? reservationFromRaw(rows[0]) : null;
  }

  async insertReservation(m: EntityManager, r: SpendReservationEntity): Promise<void> {
    await this.reservations(m).insert(r);
  }

  async findOpenHold(m: EntityManager | undefined, campaignId: string, contentId: string): Promise<SpendReservationEntity | null> {
    return this.reservations(m).findOneBy({ campaign_id: campaignId, content_id: contentId, status: 'held' });
  }

  async findReservationOwned(ctx: RequestContext, id: string, m?: EntityManager, lock = false): Promise<SpendReservationEntity | null> {
    const qb = this.reservations(m).createQueryBuilder('r')
      .where('r.id = :id AND r.organization_id = :org AND r.livemode = :lm', { id, org: ctx.organizationId, lm: ctx.livemode });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /**
   * Closes a held reservation of the caller's (settled or released) and moves its amount between the campaign's
   * totals, in one statement: the campaign row is locked first (the `c` CTE feeds the reservation's UPDATE), the same
   * order reserve, cancel and expiry use, so they cannot deadlock; and the lock is held for this one statement only,
   * not for a transaction's round trips, so a crowd of reservations does not queue behind it. Null when nothing was
   * held (or X-Influgentic-Agent narrows the caller away from the campaign): the caller explains.
   */
  async closeHoldOwned(ctx: RequestContext, reservationId: string, to: 'settled' | 'released', reason: string | null): Promise<SpendReservationEntity | null> {
    const rows: RawReservation[] = await this.ds.query(
      `WITH c AS (
         SELECT c.id FROM campaigns.campaigns c
          WHERE c.id = (SELECT campaign_id FROM campaigns.spend_reservations WHERE id = $1 AND organization_id = $4 AND livemode = $5)
            AND ($6::text IS NULL OR c.agent_id = $6)
          FOR UPDATE),
       r AS (
         UPDATE campaigns.spend_reservations s
            SET status = $2::text,
                settled_at = CASE WHEN $2::text = 'settled' THEN now() END,
                released_at = CASE WHEN $2::text = 'released' THEN now() END,
                release_reason = $3::text
           FROM c
          WHERE s.id = $1 AND s.campaign_id = c.id AND s.status = 'held'
          RETURNING s.*),
       totals AS (
         UPDATE campaigns.campaigns cc
            SET held_cents = cc.held_cents - r.amount_cents,
                spent_cents = cc.spent_cents + CASE WHEN $2::text = 'settled' THEN r.amount_cents ELSE 0 END,
                updated_at = now()
           FROM r WHERE cc.id = r.campaign_id)
       SELECT * FROM r`,
      [reservationId, to, reason, ctx.organizationId, ctx.livemode, ctx.agentId ?? null],
    );
    return rows[0] ? reservationFromRaw(rows[0]) : null;
  }

  /** A reservation of the caller's with its campaign's agent (to explain why it could not be closed). */
  async findReservationWithAgent(ctx: RequestContext, id: string): Promise<(SpendReservationEntity & { agent_id: string }) | null> {
    const rows: Array<RawReservation & { agent_id: string }> = await this.ds.query(
      `SELECT r.*, c.agent_id FROM campaigns.spend_reservations r JOIN campaigns.campaigns c ON c.id = r.campaign_id
        WHERE r.id = $1 AND r.organization_id = $2 AND r.livemode = $3`,
      [id, ctx.organizationId, ctx.livemode],
    );
    return rows[0] ? { ...reservationFromRaw(rows[0]), agent_id: rows[0].agent_id } : null;
  }

  /**
   * The committed state a reservation is decided on, read without waiting for the campaign's row lock: the campaign's
   * money and state, and the item's open hold if it already has one. One query.
   */
  async spendSnapshot(ctx: RequestContext, campaignId: string, contentId: string): Promise<{ campaign: SpendState & { agent_id: string }; open: SpendReservationEntity | null } | null> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT c.id, c.agent_id, c.status, c.livemode, c.budget_cents, c.spent_cents, c.held_cents, c.rate_cents, c.ends_at,
              (SELECT row_to_json(r) FROM campaigns.spend_reservations r
                WHERE r.campaign_id = c.id AND r.content_id = $4 AND r.status = 'held' LIMIT 1) AS open_hold
         FROM campaigns.campaigns c
        WHERE c.id = $1 AND c.organization_id = $2 AND c.livemode = $3`,
      [campaignId, ctx.organizationId, ctx.livemode, contentId],
    );
    const row = rows[0];
    if (!row) return null;
    const open = row.open_hold as (Omit<SpendReservationEntity, 'amount_cents'> & { amount_cents: number | string }) | null;
    return {
      campaign: {
        id: String(row.id), agent_id: String(row.agent_id), status: row.status as SpendState['status'], livemode: Boolean(row.livemode),
        budget_cents: row.budget_cents === null ? null : Number(row.budget_cents), spent_cents: Number(row.spent_cents),
        held_cents: Number(row.held_cents), rate_cents: Number(row.rate_cents), ends_at: new Date(row.ends_at as string),
      },
      open: open ? { ...open, amount_cents: Number(open.amount_cents) } : null,
    };
  }

  /** Releases every open hold of a campaign (its row must be locked by the caller): how many, and the cents freed. */
  async releaseHolds(m: EntityManager, campaignId: string, reason: string, onlyExpired = false): Promise<{ released: number; cents: number }> {
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [rows]: [Array<{ amount_cents: string }>, number] = await m.query(
      `UPDATE campaigns.spend_reservations SET status = 'released', released_at = now(), release_reason = $2
        WHERE campaign_id = $1 AND status = 'held' ${onlyExpired ? 'AND expires_at <= now()' : ''}
        RETURNING amount_cents`,
      [campaignId, reason],
    );
    const cents = rows.reduce((sum, r) => sum + Number(r.amount_cents), 0);
    if (rows.length) await this.addToTotals(m, campaignId, -cents, 0);
    return { released: rows.length, cents };
  }

  /** Campaigns holding expired reservations, their rows locked (SKIP LOCKED, so busy campaigns wait for the next pass). */
  async claimCampaignsWithExpiredHolds(m: EntityManager, batch: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(
      `SELECT c.id FROM campaigns.campaigns c
        WHERE c.id IN (SELECT DISTINCT campaign_id FROM campaigns.spend_reservations WHERE status = 'held' AND expires_at <= now() LIMIT $1)
        FOR UPDATE OF c SKIP LOCKED`,
      [batch],
    );
    return rows.map((r) => r.id);
  }

  /** Ledger sums by status, straight from the reservations (for audits and tests). */
  async ledgerTotals(campaignId: string): Promise<{ held: number; settled: number; released: number; count: number }> {
    const [row] = await this.ds.query(
      `SELECT COALESCE(sum(amount_cents) FILTER (WHERE status = 'held'), 0)::bigint AS held,
              COALESCE(sum(amount_cents) FILTER (WHERE status = 'settled'), 0)::bigint AS settled,
              COALESCE(sum(amount_cents) FILTER (WHERE status = 'released'), 0)::bigint AS released,
              count(*)::int AS count
         FROM campaigns.spend_reservations WHERE campaign_id = $1`,
      [campaignId],
    );
    return { held: Number(row.held), settled: Number(row.settled), released: Number(row.released), count: row.count };
  }
}
