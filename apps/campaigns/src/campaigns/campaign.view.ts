import type { Campaign, CampaignContext, CampaignPerformance, SpendReservation } from '@influgentic/contracts';
import { centsToUsd, itemPriceCents, remainingCents } from '../spend/spend-rules';
import { ZERO_PERFORMANCE } from './performance';
import type { CampaignEntity, SpendReservationEntity } from './campaign.entity';

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

/** The public campaign (API.md, Campaigns). */
export function toCampaign(c: CampaignEntity, performance: CampaignPerformance = ZERO_PERFORMANCE): Campaign {
  return {
    id: c.id, agent_id: c.agent_id, type: c.type, name: c.name, product: c.product, config: c.config,
    budget_usd: c.budget_cents === null ? null : centsToUsd(c.budget_cents),
    spent_usd: centsToUsd(c.spent_cents),
    reserved_usd: centsToUsd(c.held_cents),
    per_item_usd: centsToUsd(c.rate_cents),
    status: c.status, livemode: c.livemode,
    starts_at: iso(c.starts_at)!, ends_at: iso(c.ends_at)!,
    started_at: iso(c.started_at), paused_at: iso(c.paused_at), completed_at: iso(c.completed_at), cancelled_at: iso(c.cancelled_at),
    created_at: iso(c.created_at)!, updated_at: iso(c.updated_at)!,
    performance: { ...performance },
  };
}

/** The campaign as it travels in a domain event's `data`: the resource itself, without analytics figures. */
export function toEventData(c: CampaignEntity): Omit<Campaign, 'performance'> {
  const { performance: _omit, ...rest } = toCampaign(c);
  return rest;
}

/** What the content service needs to generate for a campaign and bill it. */
export function toContext(c: CampaignEntity, now: Date): CampaignContext {
  const remaining = remainingCents(c);
  const rate = itemPriceCents(c);
  return {
    ...toCampaign(c),
    organization_id: c.organization_id,
    rate_cents: rate,
    remaining_cents: remaining,
    accepting_spend: c.status === 'active' && now < c.ends_at && (remaining === null || rate <= remaining),
  };
}

export function toReservation(r: SpendReservationEntity): SpendReservation {
  return {
    reservation_id: r.id, campaign_id: r.campaign_id, content_id: r.content_id, amount_cents: r.amount_cents, status: r.status,
    livemode: r.livemode, expires_at: iso(r.expires_at)!, created_at: iso(r.created_at)!, settled_at: iso(r.settled_at), released_at: iso(r.released_at),
  };
}
