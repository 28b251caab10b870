import type { Pool } from 'pg';
import type { Plan, RateClass, Scope } from '@influgentic/contracts';

/** Per-organization overrides of the plan's per-minute limits (operator API); absent classes follow the plan. */
export type RateLimitOverrides = Partial<Record<RateClass, number>>;

export interface OrganizationRow {
  id: string; name: string; plan: Plan; rate_limits: RateLimitOverrides | null; created_at: Date; updated_at: Date;
}
export interface ApiKeyRow {
  id: string; organization_id: string; name: string; token_hash: string; token_hint: string; mode: 'live' | 'test';
  scopes: Scope[]; created_at: Date; expires_at: Date | null; revoked_at: Date | null; last_used_at: Date | null;
}
export interface KeyWithPlan extends ApiKeyRow { plan: Plan; rate_limits: RateLimitOverrides | null }

/** A sandbox caller sees only sandbox keys; a live caller sees every key of its organization. */
export type KeyVisibility = 'all' | 'test';

/** All SQL against the gateway schema (organizations, keys, idempotency records, rate counters). */
export class GatewayRepository {
  constructor(readonly pool: Pool) {}

  async findKeyByHash(hash: string): Promise<KeyWithPlan | null> {
    const { rows } = await this.pool.query(
      `SELECT k.*, o.plan, o.rate_limits FROM gateway.api_keys k JOIN gateway.organizations o ON o.id = k.organization_id WHERE k.token_hash = $1`, [hash]);
    return rows[0] ?? null;
  }

  async insertKey(k: Omit<ApiKeyRow, 'created_at' | 'revoked_at' | 'last_used_at'>): Promise<ApiKeyRow> {
    const { rows } = await this.pool.query(
      `INSERT INTO gateway.api_keys (id, organization_id, name, token_hash, token_hint, mode, scopes, expires_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING *`,
      [k.id, k.organization_id, k.name, k.token_hash, k.token_hint, k.mode, k.scopes, k.expires_at]);
    return rows[0];
  }

  /**
   * Inserts a key unless one with the same token already exists, and returns whichever row holds the token. A
   * revoked row stays revoked: that is what makes revoking a configured (bootstrap) token permanent.
   */
  async insertKeyIfAbsent(k: Omit<ApiKeyRow, 'created_at' | 'revoked_at' | 'last_used_at'>): Promise<ApiKeyRow> {
    const { rows } = await this.pool.query(
      `INSERT INTO gateway.api_keys (id, organization_id, name, token_hash, token_hint, mode, scopes, expires_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (token_hash) DO NOTHING RETURNING *`,
      [k.id, k.organization_id, k.name, k.token_hash, k.token_hint, k.mode, k.scopes, k.expires_at]);
    if (rows[0]) return rows[0];
    const existing = await this.pool.query(`SELECT * FROM gateway.api_keys WHERE token_hash = $1`, [k.token_hash]);
    return existing.rows[0];
  }

  async listKeys(orgId: string, visibility: KeyVisibility, limit: number, afterId?: string): Promise<ApiKeyRow[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM gateway.api_keys WHERE organization_id = $1 AND revoked_at IS NULL AND ($2::text IS NULL OR id < $2)
         AND ($4::text IS NULL OR mode = $4)
       ORDER BY id DESC LIMIT $3`, [orgId, afterId ?? null, limit + 1, modeFilter(visibility)]);
    return rows;
  }

  async countKeys(orgId: string, visibility: KeyVisibility): Promise<number> {
    const { rows } = await this.pool.query(
      `SELECT count(*)::int AS n FROM gateway.api_keys WHERE organization_id = $1 AND revoked_at IS NULL AND ($2::text IS NULL OR mode = $2)`,
      [orgId, modeFilter(visibility)]);
    return rows[0].n;
  }

  async findKey(orgId: string, visibility: KeyVisibility, id: string): Promise<ApiKeyRow | null> {
    const { rows } = await this.pool.query(
      `SELECT * FROM gateway.api_keys WHERE id = $1 AND organization_id = $2 AND revoked_at IS NULL AND ($3::text IS NULL OR mode = $3)`,
      [id, orgId, modeFilter(visibility)]);
    return rows[0] ?? null;
  }

  /** Revokes a key; an already revoked key is returned as it is, so a repeated DELETE answers like the first. */
  async revokeKey(orgId: string, visibility: KeyVisibility, id: string): Promise<ApiKeyRow | null> {
    const { rows } = await this.pool.query(
      `UPDATE gateway.api_keys SET revoked_at = COALESCE(revoked_at, now())
       WHERE id = $1 AND organization_id = $2 AND ($3::text IS NULL OR mode = $3) RETURNING *`, [id, orgId, modeFilter(visibility)]);
    return rows[0] ?? null;
  }

  /**
   * Records when keys were last used, many at once. GREATEST keeps the newest time when several gateway replicas
   * flush the same key in any order.
   */
  async recordKeyUsage(ids: string[], usedAt: Date[]): Promise<void> {
    if (!ids.length) return;
    await this.pool.query(
      `UPDATE gateway.api_keys k SET last_used_at = GREATEST(k.last_used_at, u.used_at)
       FROM unnest($1::text[], $2::timestamptz[]) AS u(id, used_at) WHERE k.id = u.id`, [ids, usedAt]);
  }

  async upsertOrganization(id: string, name: string, plan: Plan): Promise<OrganizationRow> {
    const { rows } = await this.pool.query(
      `INSERT INTO gateway.organizations (id, name, plan) VALUES ($1,$2,$3)
       ON CONFLICT (id) DO UPDATE SET updated_at = gateway.organizations.updated_at RETURNING *`, [id, name, plan]);
    return rows[0];
  }

  async findOrganization(id: string): Promise<OrganizationRow | null> {
    const { rows } = await this.pool.query(`SELECT * FROM gateway.organizations WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async listOrganizations(limit: number, afterId?: string): Promise<OrganizationRow[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM gateway.organizations WHERE ($1::text IS NULL OR id > $1) ORDER BY id LIMIT $2`, [afterId ?? null, limit + 1]);
    return rows;
  }

  async countOrganizations(): Promise<number> {
    const { rows } = await this.pool.query(`SELECT count(*)::int AS n FROM gateway.organizations`);
    return rows[0].n;
  }

  /**
   * `rateLimits` is a merge patch: a class set to a number overrides the plan, a class set to null returns to the
   * plan, and `null` for the whole object clears every override. Merged in SQL so concurrent patches compose.
   */
  async updateOrganization(id: string, patch: { name?: string; plan?: Plan; rateLimits?: Record<string, number | null> | null }): Promise<OrganizationRow | null> {
    const { rows } = await this.pool.query(
      `UPDATE gateway.organizations SET name = COALESCE($2, name), plan = COALESCE($3, plan),
         rate_limits = CASE WHEN $4::boolean THEN NULL
                            WHEN $5::jsonb IS NULL THEN rate_limits
                            ELSE NULLIF(jsonb_strip_nulls(COALESCE(rate_limits, '{}'::jsonb) || $5::jsonb), '{}'::jsonb) END,
         updated_at = now()
       WHERE id = $1 RETURNING *`,
      [id, patch.name ?? null, patch.plan ?? null, patch.rateLimits === null, patch.rateLimits ? JSON.stringify(patch.rateLimits) : null]);
    return rows[0] ?? null;
  }
}

function modeFilter(visibility: KeyVisibility): string | null {
  return visibility === 'test' ? 'test' : null;
}
