/** Runs one SQL statement with positional parameters (a DataSource, an EntityManager or a pg pool's `query`). */
export type QueryRunnerFn = (sql: string, params: unknown[]) => Promise<Array<Record<string, any>>>;

/**
 * Planner estimates of large lists' totals, remembered per filter. A stale estimate is answered at once and refreshed
 * in the background (one refresh per filter at a time), so no request waits for the planner once a filter is known;
 * entries are bounded, the oldest dropped first.
 */
export class EstimateCache {
  private readonly entries = new Map<string, { n: number; at: number; refreshing: boolean }>();

  constructor(private readonly ttlMs = 30_000, private readonly maxEntries = 5_000, private readonly now: () => number = Date.now) {}

  /** The remembered estimate for `key` (refreshing it with `count` when stale), or undefined when there is none. */
  peek(key: string, count: () => Promise<{ n: number; estimated: boolean }>): number | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (!entry.refreshing && this.now() - entry.at >= this.ttlMs) {
      entry.refreshing = true;
      void count().then(
        (r) => (r.estimated ? this.remember(key, r.n) : this.entries.delete(key)),
        () => { entry.refreshing = false; },
      );
    }
    return entry.n;
  }

  remember(key: string, n: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { n, at: this.now(), refreshing: false });
  }
}

/**
 * A list's `meta.total`: exact up to `cap`, past it the planner's estimate — a large organization's list should not pay
 * for a full count. `selectSql` selects the matching rows (any columns); the estimate never undercuts the exact floor.
 * With `estimates`, a filter whose total was an estimate is answered from memory afterwards (exact totals are never
 * remembered: a small list must show the row just created).
 */
export async function cappedTotal(query: QueryRunnerFn, selectSql: string, params: unknown[], cap: number, estimates?: EstimateCache): Promise<number> {
  const count = () => countCapped(query, selectSql, params, cap);
  const key = `${selectSql}|${JSON.stringify(params)}`;
  const known = estimates?.peek(key, count);
  if (known !== undefined) return known;
  const { n, estimated } = await count();
  if (estimated) estimates?.remember(key, n);
  return n;
}

async function countCapped(query: QueryRunnerFn, selectSql: string, params: unknown[], cap: number): Promise<{ n: number; estimated: boolean }> {
  const [{ n }] = await query(`SELECT count(*)::int AS n FROM (${selectSql} LIMIT ${cap + 1}) t`, params);
  if (n <= cap) return { n, estimated: false };
  const plan = await query(`EXPLAIN (FORMAT JSON) ${selectSql}`, params);
  return { n: Math.max(Math.round(plan[0]['QUERY PLAN'][0].Plan['Plan Rows']), n), estimated: true };
}
