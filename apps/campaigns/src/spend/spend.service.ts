import { Injectable } from '@nestjs/common';
import { ulid } from 'ulid';
import {
  DomainError, ReleaseSpendBody, ReserveSpendBody, SettleSpendBody, validateOrThrow, type RequestContext, type SpendReservation,
} from '@influgentic/contracts';
import type { SpendReservationEntity } from '../campaigns/campaign.entity';
import { toReservation } from '../campaigns/campaign.view';
import { assertAgentScope, campaignNotFound } from '../campaigns/campaigns.errors';
import { CampaignsRepository } from '../campaigns/campaigns.repository';
import { decideReservation } from './spend-rules';

/** A hold neither settled nor released by then (its generator died) goes back to the budget. */
export const RESERVATION_TTL_MS = () => Number(process.env.CAMPAIGNS_RESERVATION_TTL_MS ?? 30 * 60_000);

const isCheckViolation = (err: unknown) => (err as { code?: string })?.code === '23514';
const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === '23505';

/**
 * The spend ledger around each generated item: reserve before generating, settle when the item exists, release when
 * it does not. A reservation is decided atomically on the campaign row (one conditional UPDATE, or the row lock), so
 * concurrent generations can never hold more than the budget; settle and release lock the campaign row first, the
 * same order cancel and the scheduler use, so they never deadlock each other.
 */
@Injectable()
export class SpendService {
  constructor(private readonly campaigns: CampaignsRepository) {}

  /**
   * Holds one item's price. The common case is a single conditional statement (see `tryReserve`); when it refuses,
   * the current row says why (or shows the item already holds a reservation). Should the row have changed in between
   * so that the item now fits, the decision is taken again under the campaign's row lock.
   */
  async reserve(ctx: RequestContext, rawBody: unknown): Promise<SpendReservation> {
    const body = validateOrThrow(ReserveSpendBody, rawBody);
    const newReservationId = () => `rsv_${ulid().toLowerCase()}`;
    try {
      const held = await this.campaigns.tryReserve(ctx, body.campaign_id, body.content_id, newReservationId(), RESERVATION_TTL_MS());
      if (held) return toReservation(held);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const c = await this.campaigns.findOwned(ctx, body.campaign_id);
    if (!c) throw campaignNotFound(body.campaign_id);
    assertAgentScope(ctx, c.agent_id);
    const open = await this.campaigns.findOpenHold(undefined, c.id, body.content_id);
    if (open) return toReservation(open);
    decideReservation(c, new Date());
    return this.reserveLocked(ctx, body, newReservationId());
  }

  /** The same decision with the campaign row locked for the whole transaction. */
  private async reserveLocked(ctx: RequestContext, body: ReserveSpendBody, reservationId: string): Promise<SpendReservation> {
    try {
      return await this.campaigns.transaction(async (m) => {
        const c = await this.campaigns.findOwned(ctx, body.campaign_id, m, true);
        if (!c) throw campaignNotFound(body.campaign_id);
        assertAgentScope(ctx, c.agent_id);
        // A retried reserve for the same item returns its open hold instead of holding twice.
        const open = await this.campaigns.findOpenHold(m, c.id, body.content_id);
        if (open) return toReservation(open);
        const now = new Date();
        const { amount_cents } = decideReservation(c, now);
        const reservation: SpendReservationEntity = {
          id: reservationId, campaign_id: c.id, organization_id: c.organization_id, livemode: c.livemode,
          content_id: body.content_id, amount_cents, status: 'held', release_reason: null,
          expires_at: new Date(now.getTime() + RESERVATION_TTL_MS()), created_at: now, settled_at: null, released_at: null,
        };
        await this.campaigns.insertReservation(m, reservation);
        if (amount_cents > 0) await this.campaigns.addToTotals(m, c.id, amount_cents, 0);
        return toReservation(reservation);
      });
    } catch (err) {
      // The database's own budget CHECK: unreachable while the row lock decides, kept as the last word.
      if (isCheckViolation(err)) throw new DomainError('budget_exhausted', `Campaign ${body.campaign_id} has no budget left for another item`);
      throw err;
    }
  }

  /** Makes a held charge final; settling twice answers the same settled reservation. */
  async settle(ctx: RequestContext, rawBody: unknown): Promise<SpendReservation> {
    const { reservation_id } = validateOrThrow(SettleSpendBody, rawBody);
    return this.finish(ctx, reservation_id, 'settled');
  }

  /** Returns a held charge to the budget; releasing twice answers the same released reservation. */
  async release(ctx: RequestContext, rawBody: unknown): Promise<SpendReservation> {
    const body = validateOrThrow(ReleaseSpendBody, rawBody);
    return this.finish(ctx, body.reservation_id, 'released', body.reason ?? 'released_by_caller');
  }

  private async finish(ctx: RequestContext, id: string, to: 'settled' | 'released', reason?: string): Promise<SpendReservation> {
    const found = await this.campaigns.findReservationOwned(ctx, id);
    if (!found) throw DomainError.notFound('Reservation', id);
    return this.campaigns.transaction(async (m) => {
      // The campaign row first, as everywhere that touches reservations.
      const c = await this.campaigns.findOwned(ctx, found.campaign_id, m, true);
      if (!c) throw DomainError.notFound('Reservation', id);
      assertAgentScope(ctx, c.agent_id);
      const closed = await this.campaigns.closeHold(m, id, to, to === 'released' ? reason ?? null : null);
      if (closed) return toReservation(closed);
      const r = (await this.campaigns.findReservationOwned(ctx, id, m))!;
      if (r.status === to) return toReservation(r);
      const why = r.release_reason ? ` (${r.release_reason})` : '';
      throw new DomainError('invalid_state', `Reservation ${id} is already ${r.status}${why} and cannot be ${to}`, undefined, `current status: ${r.status}`);
    });
  }
}
