/** What analytics knows of a campaign's billing, from the campaigns service's events. */
export interface CampaignBilling {
  livemode: boolean;
  /** `spent_usd` of the latest campaign event, in cents. */
  spent_cents: number;
  /** The rate card fixed at creation (`per_item_usd`), in cents. */
  per_item_cents: number;
  /** Content items generated for the campaign (agent.content_generated events). */
  generated_items: number;
  /** Null: no cap. */
  budget_cents: number | null;
}

/**
 * A campaign's spend in cents. The campaigns service charges its fixed rate per generated item and says what it spent
 * in each lifecycle event; items generated since the last such event are charged at that rate, never past the
 * budget. Sandbox campaigns are never billed.
 */
export function spendCents(c: CampaignBilling): number {
  if (!c.livemode) return 0;
  const accrued = Math.max(c.spent_cents, c.per_item_cents * c.generated_items);
  return c.budget_cents === null ? accrued : Math.min(accrued, Math.max(c.budget_cents, c.spent_cents));
}

/** Dollars (with cents) to integer cents. */
export const usdToCents = (usd: number | null | undefined): number | null => (usd === null || usd === undefined ? null : Math.round(usd * 100));
