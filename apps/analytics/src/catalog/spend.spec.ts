import { spendCents, usdToCents } from './spend';

const base = { livemode: true, spent_cents: 0, per_item_cents: 400, generated_items: 0, budget_cents: 500_000 };

describe('campaign spend', () => {
  it('is what the campaigns service reported, or the rate card times the items generated since, whichever is more', () => {
    expect(spendCents({ ...base, spent_cents: 1200, generated_items: 2 })).toBe(1200);
    expect(spendCents({ ...base, spent_cents: 1200, generated_items: 5 })).toBe(2000);
  });

  it('never passes the budget, and a sandbox campaign is never billed', () => {
    expect(spendCents({ ...base, budget_cents: 1000, generated_items: 10 })).toBe(1000);
    expect(spendCents({ ...base, budget_cents: null, generated_items: 10 })).toBe(4000);
    expect(spendCents({ ...base, livemode: false, spent_cents: 800, generated_items: 10 })).toBe(0);
  });

  it('reads dollars as cents', () => {
    expect([usdToCents(4), usdToCents(49.99), usdToCents(null), usdToCents(undefined)]).toEqual([400, 4999, null, null]);
  });
});
