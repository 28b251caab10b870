import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgentSort, RequestContext } from '@influgentic/contracts';
import { cappedTotal, EstimateCache, poolOf, type CursorValueType } from '@influgentic/persistence';
import { AgentEntity } from './agent.entity';
import { AGENT_SUMMARY_JSON } from './agent-summary.sql';

/** Each sort column, its SQL type, and what a cursor's copy of its value must be to be compared with it. */
export const SORT_COLUMNS: Record<AgentSort, { column: string; type: string; cursor: CursorValueType }> = {
  reach: { column: 'reach', type: 'bigint', cursor: 'int64' },
  engagement: { column: 'engagement_rate', type: 'double precision', cursor: 'float8' },
  campaigns: { column: 'total_campaigns', type: 'integer', cursor: 'int32' },
  rating: { column: 'rating', type: 'real', cursor: 'float4' },
};

export interface AgentFilter {
  q?: string; category?: string; use_case?: string; language?: string; min_reach?: number; tier?: string;
  visibility?: string; agent_id?: string;
}

/** A list row: the agent's summary as JSON text, and the values its page's next cursor is made of. */
export interface AgentPageRow { doc: string; sort_value: unknown; id: string }

/** Everything the registry reads and writes in Postgres; nothing else issues SQL against `registry.agents`. */
/** Exact totals up to this many matches; past it the planner's estimate, remembered per filter. */
const EXACT_COUNT_CAP = 200;

@Injectable()
export class AgentsRepository {
  private readonly estimates = new EstimateCache();

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /**
   * The list queries go straight to the pool as named prepared statements: the plan is made once per connection
   * and statement shape, not on every request (planning cost more than execution at catalog scale).
   */
  private async prepared<T>(sql: string, params: unknown[], f: AgentFilter): Promise<T[]> {
    const pool = poolOf(this.ds);
    // Full-text search is planned for each query's own words: a prepared statement's generic plan cannot know how
    // many rows a term matches and may walk the whole sort index for a term that matches none (seconds at 1M agents).
    if (f.q) return (await pool.query(sql, params)).rows as T[];
    const name = `agents_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    const { rows } = await pool.query({ name, text: sql, values: params });
    return rows as T[];
  }

  private repo(m?: EntityManager) {
    return (m ?? this.ds.manager).getRepository(AgentEntity);
  }

  /** Visibility: the shared catalog, plus (same mode only) the caller's own agents and others' published ready ones. */
  private visibleTo(ctx: RequestContext, params: unknown[]): string {
    params.push(ctx.livemode, ctx.organizationId);
    const lm = `$${params.length - 1}`;
    const org = `$${params.length}`;
    return `(a.organization_id IS NULL OR (a.livemode = ${lm} AND (a.organization_id = ${org}
      OR (a.visibility <> 'private' AND a.status IN ('ready', 'available')))))`;
  }

  private whereFor(ctx: RequestContext, f: AgentFilter, params: unknown[]): string[] {
    const where = ['a.deleted_at IS NULL', this.visibleTo(ctx, params)];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (f.agent_id) add((p) => `a.id = ${p}`, f.agent_id);
    if (f.category) add((p) => `a.category = ${p}`, f.category);
    if (f.use_case) add((p) => `a.use_cases @> ARRAY[${p}]::text[]`, f.use_case);
    if (f.language) add((p) => `a.languages @> ARRAY[${p}]::text[]`, f.language);
    if (f.min_reach !== undefined) add((p) => `a.reach >= ${p}`, f.min_reach);
    if (f.tier) add((p) => `a.tier = ${p}`, f.tier);
    if (f.visibility) add((p) => `a.visibility = ${p}`, f.visibility);
    if (f.q) add((p) => `a.search @@ websearch_to_tsquery('english', ${p})`, f.q);
    return where;
  }

  /**
   * One keyset page ordered by (sort column DESC, id DESC); fetches limit + 1 rows to know if more exist. Postgres
   * writes each row's summary as JSON (AGENT_SUMMARY_JSON): the registry and the gateway pass it on without parsing
   * a field, and the sort value and id come beside it for the next cursor.
   */
  async page(ctx: RequestContext, f: AgentFilter, sort: AgentSort, limit: number, after?: [unknown, string]): Promise<AgentPageRow[]> {
    const { column, type } = SORT_COLUMNS[sort];
    const params: unknown[] = [];
    const where = this.whereFor(ctx, f, params);
    if (after) {
      params.push(after[0], after[1]);
      // Parameters cast to the column's own type: comparing a real column with a double would skip or repeat rows.
      where.push(`(a.${column}, a.id) < ($${params.length - 1}::${type}, $${params.length})`);
    }
    // The limit is written into the statement (it is a validated integer): a prepared statement's generic plan with
    // an unknown LIMIT stops trusting the sort index and sorts every match instead.
    const rows = Math.trunc(limit) + 1;
    return this.prepared<AgentPageRow>(
      `SELECT ${AGENT_SUMMARY_JSON} AS doc, a.${column}${column === 'reach' ? '::float8' : ''} AS sort_value, a.id
         FROM registry.agents a WHERE ${where.join(' AND ')}
        ORDER BY a.${column} DESC, a.id DESC LIMIT ${rows}`,
      params, f,
    );
  }

  /**
   * Total matches: exact up to EXACT_COUNT_CAP; past it, the planner's estimate (an exact count over a broad
   * match at catalog scale would cost more than the page itself), remembered and refreshed off the request path.
   */
  async count(ctx: RequestContext, f: AgentFilter): Promise<number> {
    const params: unknown[] = [];
    const where = this.whereFor(ctx, f, params).join(' AND ');
    return cappedTotal((sql, p) => this.prepared(sql, p, f), `SELECT 1 FROM registry.agents a WHERE ${where}`, params, EXACT_COUNT_CAP, this.estimates);
  }

  async findVisible(ctx: RequestContext, id: string): Promise<AgentEntity | null> {
    const params: unknown[] = [id];
    const rows = await this.repo().query(
      `SELECT a.* FROM registry.agents a WHERE a.id = $1 AND a.deleted_at IS NULL AND ${this.visibleTo(ctx, params)}`, params);
    return rows[0] ? this.repo().create(rows[0] as AgentEntity) : null;
  }

  async findOwned(ctx: RequestContext, id: string, m?: EntityManager, lock = false): Promise<AgentEntity | null> {
    const qb = this.repo(m).createQueryBuilder('a')
      .where('a.id = :id AND a.deleted_at IS NULL AND a.organization_id = :org AND a.livemode = :lm', { id, org: ctx.organizationId, lm: ctx.livemode });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** Whether the caller's organization owned this agent and deleted it (a repeated DELETE answers like the first). */
  async wasDeletedByOwner(ctx: RequestContext, id: string): Promise<boolean> {
    const rows = await this.repo().query(
      `SELECT 1 FROM registry.agents WHERE id = $1 AND organization_id = $2 AND livemode = $3 AND deleted_at IS NOT NULL`,
      [id, ctx.organizationId, ctx.livemode]);
    return rows.length > 0;
  }

  async insert(agent: Partial<AgentEntity>, m?: EntityManager): Promise<void> {
    await this.repo(m).insert(agent as Parameters<ReturnType<AgentsRepository['repo']>['insert']>[0]);
  }

  async save(agent: AgentEntity, m?: EntityManager): Promise<AgentEntity> {
    return this.repo(m).save(agent);
  }

  /** Claims agents due for training; SKIP LOCKED lets every replica's worker take a different batch. */
  async claimDueTraining(m: EntityManager, batch: number): Promise<AgentEntity[]> {
    return this.repo(m).createQueryBuilder('a')
      .where(`a.status = 'training' AND a.deleted_at IS NULL AND a.train_after <= now()`)
      .orderBy('a.train_after', 'ASC')
      .limit(batch)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async adjustCampaignCounters(m: EntityManager, agentId: string, totalDelta: number, completedDelta: number): Promise<void> {
    await m.query(
      `UPDATE registry.agents SET total_campaigns = GREATEST(0, total_campaigns + $2),
         performance = jsonb_set(performance, '{campaigns_completed}', to_jsonb(GREATEST(0, COALESCE((performance->>'campaigns_completed')::int, 0) + $3))),
         updated_at = now()
       WHERE id = $1`,
      [agentId, totalDelta, completedDelta],
    );
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }
}
