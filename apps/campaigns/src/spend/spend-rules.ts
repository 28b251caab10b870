import { DomainError, type CampaignStatus } from '@influgentic/contracts';

/** Dollars (at most two decimals, validated at the edge) to integer cents; float noise such as 0.29 * 100 is rounded away. */
export function usdToCents(usd: number): number {
  return Math.round(usd * 100);
}

export function centsToUsd(cents: number): number {
  return Math.round(cents) / 100;
}

/**
 * Price of one generated item, in cents, from an agent's rate card:
 * `pricing.per_item_usd` when set; otherwise 1% of `pricing.base_rate_usd` (the per-campaign headline price spread
 * over a nominal hundred items); never below one cent, so every billable item leaves a trace in the ledger.
 */
export function rateCentsFor(pricing: { per_item_usd?: number | null; base_rate_usd?: number | null } | null | undefined): number {
  const perItem = Number(pricing?.per_item_usd ?? 0);
  if (Number.isFinite(perItem) && perItem > 0) return Math.max(1, usdToCents(perItem));
  const base = Number(pricing?.base_rate_usd ?? 0);
  if (Number.isFinite(base) && base > 0) return Math.max(1, Math.round(base));
  return 1;
}

export interface SpendState {
  id: string;
  status: CampaignStatus;
  livemode: boolean;
  budget_cents: number | null;
  spent_cents: number;
  held_cents: number;
  rate_cents: number;
  ends_at: Date;
}

/** What one item would cost right now: the rate in live mode, nothing in sandbox. */
export function itemPriceCents(c: Pick<SpendState, 'livemode' | 'rate_cents'>): number {
  return c.livemode ? c.rate_cents : 0;
}

/** Cents still free under the cap (null: no cap). */
export function remainingCents(c: Pick<SpendState, 'budget_cents' | 'spent_cents' | 'held_cents'>): number | null {
  return c.budget_cents === null ? null : Math.max(0, c.budget_cents - c.spent_cents - c.held_cents);
}

/**
 * Decides one reservation against a campaign row the caller holds locked: the amount to hold, or the refusal.
 * Only a running campaign inside its window accepts spend; held plus settled never passes the budget.
 */
export function decideReservation(c: SpendState, now: Date): { amount_cents: number } {
  if (c.status !== 'active') {
    throw new DomainError('invalid_state', `Campaign ${c.id} is ${c.status} and accepts no new spend`, undefined, `current status: ${c.status}; spend needs: active`);
  }
  if (now.getTime() >= c.ends_at.getTime()) {
    throw new DomainError('invalid_state', `Campaign ${c.id} ended at ${c.ends_at.toISOString()} and accepts no new spend`, undefined, 'current status: active (ending)');
  }
  const amount = itemPriceCents(c);
  const remaining = remainingCents(c);
  if (remaining !== null && amount > remaining) {
    throw new DomainError(
      'budget_exhausted',
      `Campaign ${c.id} has ${centsToUsd(remaining).toFixed(2)} USD left of its ${centsToUsd(c.budget_cents!).toFixed(2)} USD budget; one item costs ${centsToUsd(amount).toFixed(2)} USD`,
      undefined,
      `budget_cents=${c.budget_cents} spent_cents=${c.spent_cents} reserved_cents=${c.held_cents} item_cents=${amount}`,
    );
  }
  return { amount_cents: amount };
}
