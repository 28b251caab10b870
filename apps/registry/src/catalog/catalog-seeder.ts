import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { poolOf } from '@influgentic/persistence';
import { flagshipAgents, generateCatalogAgent, type CatalogAgent } from './catalog-generator';

const COLUMNS = [
  'id', 'organization_id', 'livemode', 'name', 'category', 'subcategories', 'use_cases', 'languages', 'reach',
  'engagement_rate', 'total_campaigns', 'rating', 'tier', 'status', 'headline', 'persona_prompt', 'expertise_domains',
  'target_audience', 'tone_modes', 'visibility', 'capabilities', 'performance', 'pricing', 'style_profile', 'keywords',
  'created_at', 'updated_at', 'timezone',
] as const;

/** COPY text format: backslash, tab and newlines escaped; \N is NULL. */
const text = (v: string | null) => (v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'));
const arr = (values: string[]) => text(`{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`);
const json = (v: unknown) => text(JSON.stringify(v));

function copyLine(a: CatalogAgent): string {
  return [
    text(a.id), '\\N', 't', text(a.name), text(a.category), arr(a.subcategories), arr(a.use_cases), arr(a.languages),
    String(a.reach), String(a.engagement_rate), String(a.total_campaigns), String(a.rating), a.tier, a.status,
    text(a.headline), text(a.persona_prompt), arr(a.expertise_domains), text(a.target_audience), arr(a.tone_modes),
    a.visibility, json(a.capabilities), json(a.performance), json(a.pricing), json(a.style_profile), arr(a.keywords),
    a.created_at, a.created_at, text(a.timezone),
  ].join('\t') + '\n';
}

/** The catalog in order: flagships, then generated agents, `count` in all. */
function* catalog(count: number): Generator<CatalogAgent> {
  const flagships = flagshipAgents().slice(0, count);
  yield* flagships;
  for (let i = 0; i < count - flagships.length; i++) yield generateCatalogAgent(i);
}

export interface SeedResult { inserted: number; skipped: boolean; ms: number }

/**
 * Loads the catalog with COPY (a million agents in minutes, not hours). `ifEmpty` makes it a one-off: nothing
 * happens when catalog agents already exist. Existing ids are left alone, so a bigger seed tops up a smaller one.
 */
export async function seedCatalog(ds: DataSource, count: number, opts: { ifEmpty?: boolean; onProgress?: (n: number) => void } = {}): Promise<SeedResult> {
  const started = Date.now();
  const pool = poolOf(ds);
  const client = await pool.connect();
  // A million rows take longer than the pool's query timeout allows one request's query: lifted on this connection.
  const params = (client as unknown as { connectionParameters: { query_timeout?: number | false } }).connectionParameters;
  const queryTimeout = params.query_timeout;
  params.query_timeout = false;
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('influgentic.seed-catalog'))`);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM registry.agents WHERE organization_id IS NULL`);
    if (opts.ifEmpty && rows[0].n > 0) return { inserted: 0, skipped: true, ms: Date.now() - started };
    await client.query('BEGIN');
    await client.query(`CREATE TEMP TABLE seed_agents (LIKE registry.agents INCLUDING DEFAULTS) ON COMMIT DROP`);
    await client.query(`ALTER TABLE seed_agents DROP COLUMN search`);
    let produced = 0;
    const source = Readable.from((function* () {
      let chunk = '';
      for (const agent of catalog(count)) {
        chunk += copyLine(agent);
        produced++;
        if (produced % 2000 === 0) {
          yield chunk;
          chunk = '';
          opts.onProgress?.(produced);
        }
      }
      if (chunk) yield chunk;
    })());
    await pipeline(source, client.query(copyFrom(`COPY seed_agents (${COLUMNS.join(', ')}) FROM STDIN`)));
    const inserted = await client.query(
      `INSERT INTO registry.agents (${COLUMNS.join(', ')}) SELECT ${COLUMNS.join(', ')} FROM seed_agents ON CONFLICT (id) DO NOTHING`);
    await client.query('COMMIT');
    await client.query('VACUUM (ANALYZE) registry.agents');
    return { inserted: inserted.rowCount ?? 0, skipped: false, ms: Date.now() - started };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext('influgentic.seed-catalog'))`).catch(() => undefined);
    params.query_timeout = queryTimeout;
    client.release();
  }
}
