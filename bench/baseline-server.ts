// The bench baseline: the same agents query (the registry's SQL, rows written as JSON by Postgres) served by bare
// Fastify + pg in one process, with no gateway, auth, rate limiting, bus or service in between. Listens on BASELINE_PORT.
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import { Pool } from 'pg';
import { cappedTotal } from '../libs/persistence/src/list-total';
import { AGENT_SUMMARY_JSON } from '../apps/registry/src/agents/agent-summary.sql';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
const SORTS: Record<string, string> = { reach: 'reach', engagement: 'engagement_rate', campaigns: 'total_campaigns', rating: 'rating' };

app.get('/v1/agents', async (req, reply) => {
  const q = req.query as Record<string, string>;
  const params: unknown[] = [false, 'org_default'];
  const where = [`a.deleted_at IS NULL`, `(a.organization_id IS NULL OR (a.livemode = $1 AND (a.organization_id = $2 OR (a.visibility <> 'private' AND a.status IN ('ready', 'available')))))`];
  if (q.category) { params.push(q.category); where.push(`a.category = $${params.length}`); }
  if (q.q) { params.push(q.q); where.push(`a.search @@ websearch_to_tsquery('english', $${params.length})`); }
  const col = SORTS[q.sort ?? 'reach'] ?? 'reach';
  const limit = Math.min(100, Number(q.limit ?? 20));
  const whereSql = where.join(' AND ');
  const pageSql = `SELECT ${AGENT_SUMMARY_JSON} AS doc, a.${col} AS sort_value, a.id
                  FROM registry.agents a WHERE ${whereSql} ORDER BY a.${col} DESC, a.id DESC LIMIT ${limit + 1}`;
  // As the registry does: full-text queries are planned each time (no generic plan), the rest are prepared once.
  const run = (sql: string) => (q.q ? pool.query(sql, params) : pool.query({ name: hash(sql), text: sql, values: params }));
  const [page, total] = await Promise.all([run(pageSql), count(whereSql, params, run)]);
  const rows = page.rows.slice(0, limit) as Array<{ doc: string }>;
  const meta = { total, limit, next_cursor: page.rows.length > limit ? 'x' : null };
  reply.type('application/json');
  return `{"data":[${rows.map((r) => r.doc).join(',')}],"meta":${JSON.stringify(meta)}}`;
});

// The review queue of org_default (live) with the content repository's SQL: filters, newest first, keyset pages
// (`after` = created_at|id of the last row, a plain cursor), the same capped total.
app.get('/v1/content', async (req) => {
  const q = req.query as Record<string, string>;
  const params: unknown[] = ['org_default', true];
  const where = ['organization_id = $1', 'livemode = $2', 'deleted_at IS NULL'];
  for (const f of ['status', 'agent_id', 'platform']) if (q[f]) { params.push(q[f]); where.push(`${f} = $${params.length}`); }
  const filterSql = where.join(' AND ');
  const filterParams = [...params];
  if (q.after) {
    const [createdAt, id] = q.after.split('|');
    params.push(createdAt, id);
    where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  const limit = Math.min(100, Number(q.limit ?? 20));
  const pageSql = `SELECT * FROM content.content_items WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`;
  const [page, total] = await Promise.all([
    pool.query({ name: hash(pageSql), text: pageSql, values: params }),
    cappedTotal(async (sql, p) => (await pool.query(sql, p)).rows, `SELECT 1 FROM content.content_items WHERE ${filterSql}`, filterParams, 200),
  ]);
  const rows = page.rows.slice(0, limit);
  const last = rows[rows.length - 1];
  return { data: rows, meta: { total, limit, next_cursor: page.rows.length > limit ? `${last.created_at.toISOString()}|${last.id}` : null } };
});

// The same total strategy as the registry: exact up to 200, else the planner's estimate kept for 30 s.
const estimates = new Map<string, { n: number; at: number }>();
async function count(whereSql: string, params: unknown[], run: (sql: string) => Promise<{ rows: Array<{ n: number }> }>): Promise<number> {
  const key = `${whereSql}|${JSON.stringify(params)}`;
  const hit = estimates.get(key);
  if (hit && Date.now() - hit.at < 30_000) return hit.n;
  const sql = `SELECT count(*)::int AS n FROM (SELECT 1 FROM registry.agents a WHERE ${whereSql} LIMIT 201) t`;
  const n = (await run(sql)).rows[0].n;
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
