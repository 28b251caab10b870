import { cappedTotal, EstimateCache } from './list-total';

/** A query runner that answers the count and EXPLAIN statements cappedTotal issues, and records them. */
function runner(matching: () => number) {
  const calls: string[] = [];
  const query = async (sql: string) => {
    calls.push(sql.startsWith('EXPLAIN') ? 'explain' : 'count');
    const n = matching();
    if (sql.startsWith('EXPLAIN')) return [{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': n } }] }];
    return [{ n: Math.min(n, 201) }];
  };
  return { query, calls };
}

describe('cappedTotal', () => {
  it('counts exactly up to the cap and never remembers an exact total', async () => {
    const cache = new EstimateCache();
    let rows = 5;
    const { query, calls } = runner(() => rows);
    expect(await cappedTotal(query, 'SELECT 1 FROM t', [], 200, cache)).toBe(5);
    rows = 6;
    expect(await cappedTotal(query, 'SELECT 1 FROM t', [], 200, cache)).toBe(6);
    expect(calls).toEqual(['count', 'count']);
  });

  it('answers a known large filter from memory and refreshes a stale estimate off the request path', async () => {
    let t = 0;
    const cache = new EstimateCache(30_000, 10, () => t);
    let rows = 50_000;
    const { query, calls } = runner(() => rows);
    expect(await cappedTotal(query, 'SELECT 1 FROM t', [1], 200, cache)).toBe(50_000);
    expect(calls).toEqual(['count', 'explain']);
    rows = 60_000;
    expect(await cappedTotal(query, 'SELECT 1 FROM t', [1], 200, cache)).toBe(50_000);
    expect(calls).toHaveLength(2);
    t = 31_000;
    // Stale: the old figure at once, one refresh behind it, the new one next time.
    expect(await cappedTotal(query, 'SELECT 1 FROM t', [1], 200, cache)).toBe(50_000);
    expect(await cappedTotal(query, 'SELECT 1 FROM t', [1], 200, cache)).toBe(50_000);
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual(['count', 'explain', 'count', 'explain']);
    expect(await cappedTotal(query, 'SELECT 1 FROM t', [1], 200, cache)).toBe(60_000);
    // Another filter is another entry.
    expect(await cappedTotal(query, 'SELECT 1 FROM t', [2], 200, cache)).toBe(60_000);
    expect(calls).toHaveLength(6);
  });

  it('forgets a filter whose refreshed total became exact, and keeps memory bounded', async () => {
    let t = 0;
    const cache = new EstimateCache(1_000, 2, () => t);
    let rows = 10_000;
    const { query } = runner(() => rows);
    for (const k of [1, 2, 3]) await cappedTotal(query, 'SELECT 1 FROM t', [k], 200, cache);
    const never = async () => ({ n: 0, estimated: false });
    expect(cache.peek('SELECT 1 FROM t|[1]', never)).toBeUndefined(); // the oldest, dropped
    expect(cache.peek('SELECT 1 FROM t|[2]', never)).toBe(10_000);
    rows = 10;
    t = 2_000;
    expect(await cappedTotal(query, 'SELECT 1 FROM t', [3], 200, cache)).toBe(10_000);
    await new Promise((r) => setImmediate(r));
    expect(await cappedTotal(query, 'SELECT 1 FROM t', [3], 200, cache)).toBe(10);
  });
});
