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
 * same order cancel and the scheduler use, so they never deadlock each other. Every hot path is a single statement,
 * so the campaign's row lock is never held across round trips while a crowd waits for it.
 */
@Injectable()
export class SpendService {
  constructor(private readonly campaigns: CampaignsRepository) {}

  /**
   * Holds one item's price. The decision is first taken on the committed row, read without waiting for its lock: a
   * refusal (a budget that ran out, a campaign that stopped) or a retry of an item that already holds a reservation
   * is answered at once, so a crowd refused by an exhausted budget never queues on the campaign's row lock. What fits
   * is held by a single conditional statement (see `tryReserve`); should the row have changed in between, the
   * refusal is explained from a fresh read, or the decision taken again under the row lock.
   */
  async reserve(ctx: RequestContext, rawBody: unknown): Promise<SpendReservation> {
    const body = validateOrThrow(ReserveSpendBody, rawBody);
    const newReservationId = () => `rsv_${ulid().toLowerCase()}`;
    const decideOnSnapshot = async (): Promise<SpendReservation | null> => {
      const snap = await this.campaigns.spendSnapshot(ctx, body.campaign_id, body.content_id);
      if (!snap) throw campaignNotFound(body.campaign_id);
      assertAgentScope(ctx, snap.campaign.agent_id);
      if (snap.open) return toReservation(snap.open);
      decideReservation(snap.campaign, new Date());
      return null;
    };
    const early = await decideOnSnapshot();
    if (early) return early;
    try {
      const held = await this.campaigns.tryReserve(ctx, body.campaign_id, body.content_id, newReservationId(), RESERVATION_TTL_MS());
      if (held) return toReservation(held);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const again = await decideOnSnapshot();
    if (again) return again;
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

  /** One statement closes a held reservation; only when it closed nothing is the reservation read to say why. */
  private async finish(ctx: RequestContext, id: string, to: 'settled' | 'released', reason?: string): Promise<SpendReservation> {
    const closed = await this.campaigns.closeHoldOwned(ctx, id, to, to === 'released' ? reason ?? null : null);
    if (closed) return toReservation(closed);
    const r = await this.campaigns.findReservationWithAgent(ctx, id);
    if (!r) throw DomainError.notFound('Reservation', id);
    assertAgentScope(ctx, r.agent_id);
    const { agent_id: _agent, ...reservation } = r;
    if (r.status === to) return toReservation(reservation);
    const why = r.release_reason ? ` (${r.release_reason})` : '';
    throw new DomainError('invalid_state', `Reservation ${id} is already ${r.status}${why} and cannot be ${to}`, undefined, `current status: ${r.status}`);
  }
}
