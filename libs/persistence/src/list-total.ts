/** Runs one SQL statement with positional parameters (a DataSource, an EntityManager or a pg pool's `query`). */
export type QueryRunnerFn = (sql: string, params: unknown[]) => Promise<Array<Record<string, any>>>;

/**
 * A list's `meta.total`: exact up to `cap`, past it the planner's estimate — a large organization's list should not pay
 * for a full count. `selectSql` selects the matching rows (any columns); the estimate never undercuts the exact floor.
 */
export async function cappedTotal(query: QueryRunnerFn, selectSql: string, params: unknown[], cap: number): Promise<number> {
  const [{ n }] = await query(`SELECT count(*)::int AS n FROM (${selectSql} LIMIT ${cap + 1}) t`, params);
  if (n <= cap) return n;
  const plan = await query(`EXPLAIN (FORMAT JSON) ${selectSql}`, params);
  return Math.max(Math.round(plan[0]['QUERY PLAN'][0].Plan['Plan Rows']), n);
}
