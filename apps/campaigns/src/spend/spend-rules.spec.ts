import { CAMPAIGN_STATUSES, DomainError } from '@influgentic/contracts';
import { centsToUsd, decideReservation, rateCentsFor, remainingCents, usdToCents, type SpendState } from './spend-rules';

const future = new Date(Date.now() + 86_400_000);
const base: SpendState = {
  id: 'camp_t', status: 'active', livemode: true, budget_cents: 1000, spent_cents: 0, held_cents: 0, rate_cents: 400, ends_at: future,
};

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('money conversions', () => {
  it('converts dollars with two decimals to exact cents', () => {
    expect(usdToCents(0.29)).toBe(29);
    expect(usdToCents(5000)).toBe(500000);
    expect(usdToCents(19.99)).toBe(1999);
    expect(usdToCents(4.35)).toBe(435);
    expect(centsToUsd(1999)).toBe(19.99);
  });
});

describe('rate card', () => {
  it('uses per_item_usd when the agent has one', () => {
    expect(rateCentsFor({ per_item_usd: 4, base_rate_usd: 249 })).toBe(400);
    expect(rateCentsFor({ per_item_usd: 4.5, base_rate_usd: 279 })).toBe(450);
  });

  it('falls back to 1% of base_rate_usd, never below one cent', () => {
    expect(rateCentsFor({ per_item_usd: 0, base_rate_usd: 299 })).toBe(299);
    expect(rateCentsFor({ base_rate_usd: 0.2 })).toBe(1);
    expect(rateCentsFor({ per_item_usd: 0, base_rate_usd: 0 })).toBe(1);
    expect(rateCentsFor(null)).toBe(1);
    expect(rateCentsFor({ per_item_usd: 0.001 })).toBe(1);
  });
});

describe('reservation decision', () => {
  it('holds the rate on a live, active campaign with room', () => {
    expect(decideReservation(base, new Date())).toEqual({ amount_cents: 400 });
    expect(decideReservation({ ...base, spent_cents: 300, held_cents: 300 }, new Date())).toEqual({ amount_cents: 400 });
  });

  it('refuses with budget_exhausted when one more item would pass the budget', () => {
    const err = refusal(() => decideReservation({ ...base, spent_cents: 400, held_cents: 300 }, new Date()));
    expect(err.code).toBe('budget_exhausted');
    expect(err.message).toContain('3.00 USD left');
  });

  it('never charges sandbox campaigns, even with no budget left', () => {
    expect(decideReservation({ ...base, livemode: false, budget_cents: 0 }, new Date())).toEqual({ amount_cents: 0 });
  });

  it('has no cap without a budget', () => {
    expect(decideReservation({ ...base, budget_cents: null, spent_cents: 10_000_000 }, new Date())).toEqual({ amount_cents: 400 });
    expect(remainingCents({ budget_cents: null, spent_cents: 5, held_cents: 5 })).toBeNull();
  });

  it.each(CAMPAIGN_STATUSES.filter((s) => s !== 'active'))('refuses a %s campaign with invalid_state naming it', (status) => {
    const err = refusal(() => decideReservation({ ...base, status }, new Date()));
    expect(err.code).toBe('invalid_state');
    expect(err.message).toContain(`is ${status}`);
  });

  it('refuses once the end has passed, before the scheduler completes the campaign', () => {
    const err = refusal(() => decideReservation({ ...base, ends_at: new Date(Date.now() - 1) }, new Date()));
    expect(err.code).toBe('invalid_state');
  });

  it('property: a random sequence of reserve/settle/release never passes the budget', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 200; run++) {
      const c: SpendState = { ...base, budget_cents: Math.floor(rand() * 5000), rate_cents: 1 + Math.floor(rand() * 700) };
      const held: number[] = [];
      for (let step = 0; step < 100; step++) {
        const r = rand();
        if (r < 0.6) {
          try {
            const { amount_cents } = decideReservation(c, new Date());
            c.held_cents += amount_cents;
            held.push(amount_cents);
          } catch (err) {
            expect((err as DomainError).code).toBe('budget_exhausted');
            expect(c.spent_cents + c.held_cents + c.rate_cents).toBeGreaterThan(c.budget_cents!);
          }
        } else if (held.length) {
          const amount = held.splice(Math.floor(rand() * held.length), 1)[0];
          c.held_cents -= amount;
          if (r < 0.85) c.spent_cents += amount;
        }
        expect(c.spent_cents + c.held_cents).toBeLessThanOrEqual(c.budget_cents!);
      }
    }
  });
});
