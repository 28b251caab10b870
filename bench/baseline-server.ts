// The bench baseline: the same agents query served by bare Fastify + pg in one process, with no gateway, auth,
// rate limiting, bus or service in between. Listens on BASELINE_PORT.
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
const SORTS: Record<string, string> = { reach: 'reach', engagement: 'engagement_rate', campaigns: 'total_campaigns', rating: 'rating' };

app.get('/v1/agents', async (req) => {
  const q = req.query as Record<string, string>;
  const params: unknown[] = [false, 'org_default'];
  const where = [`a.deleted_at IS NULL`, `(a.organization_id IS NULL OR (a.livemode = $1 AND (a.organization_id = $2 OR (a.visibility <> 'private' AND a.status IN ('ready', 'available')))))`];
  if (q.category) { params.push(q.category); where.push(`a.category = $${params.length}`); }
  if (q.q) { params.push(q.q); where.push(`a.search @@ websearch_to_tsquery('english', $${params.length})`); }
  const col = SORTS[q.sort ?? 'reach'] ?? 'reach';
  const limit = Math.min(100, Number(q.limit ?? 20));
  const whereSql = where.join(' AND ');
  const pageSql = `SELECT a.id, a.name, a.category, a.subcategories, a.use_cases, a.languages, a.reach::float8 AS reach, a.engagement_rate,
                       a.total_campaigns, a.rating, a.tier, a.status, a.created_at
                  FROM registry.agents a WHERE ${whereSql} ORDER BY a.${col} DESC, a.id DESC LIMIT ${limit + 1}`;
  const [page, total] = await Promise.all([pool.query({ name: hash(pageSql), text: pageSql, values: params }), count(whereSql, params)]);
  return { data: page.rows.slice(0, limit), meta: { total, limit, next_cursor: page.rows.length > limit ? 'x' : null } };
});

// The same total strategy as the registry: exact up to 200, else the planner's estimate kept for 30 s.
const estimates = new Map<string, { n: number; at: number }>();
async function count(whereSql: string, params: unknown[]): Promise<number> {
  const key = `${whereSql}|${JSON.stringify(params)}`;
  const hit = estimates.get(key);
  if (hit && Date.now() - hit.at < 30_000) return hit.n;
  const sql = `SELECT count(*)::int AS n FROM (SELECT 1 FROM registry.agents a WHERE ${whereSql} LIMIT 201) t`;
  const n = (await pool.query({ name: hash(sql), text: sql, values: params })).rows[0].n as number;
  if (n <= 200) return n;
  const plan = await pool.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM registry.agents a WHERE ${whereSql}`, params);
  const estimate = Math.max(n, Math.round(plan.rows[0]['QUERY PLAN'][0].Plan['Plan Rows']));
  estimates.set(key, { n: estimate, at: Date.now() });
  return estimate;
}

function hash(sql: string): string {
  return `b_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
}

app.listen({ port: Number(process.env.BASELINE_PORT ?? 3901), host: '127.0.0.1' }).then(() => process.stdout.write('baseline ready\n'));
