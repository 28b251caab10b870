import type { Pool } from 'pg';
import type { Plan, Scope } from '@influgentic/contracts';

export interface OrganizationRow { id: string; name: string; plan: Plan; created_at: Date; updated_at: Date }
export interface ApiKeyRow {
  id: string; organization_id: string; name: string; token_hash: string; token_hint: string; mode: 'live' | 'test';
  scopes: Scope[]; created_at: Date; expires_at: Date | null; revoked_at: Date | null; last_used_at: Date | null;
}
export interface KeyWithPlan extends ApiKeyRow { plan: Plan }

/** All SQL against the gateway schema (organizations, keys, idempotency records, rate counters). */
export class GatewayRepository {
  constructor(readonly pool: Pool) {}

  async findKeyByHash(hash: string): Promise<KeyWithPlan | null> {
    const { rows } = await this.pool.query(
      `SELECT k.*, o.plan FROM gateway.api_keys k JOIN gateway.organizations o ON o.id = k.organization_id WHERE k.token_hash = $1`, [hash]);
    return rows[0] ?? null;
  }

  async insertKey(k: Omit<ApiKeyRow, 'created_at' | 'revoked_at' | 'last_used_at'>): Promise<ApiKeyRow> {
    const { rows } = await this.pool.query(
      `INSERT INTO gateway.api_keys (id, organization_id, name, token_hash, token_hint, mode, scopes, expires_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (token_hash) DO UPDATE SET revoked_at = NULL RETURNING *`,
      [k.id, k.organization_id, k.name, k.token_hash, k.token_hint, k.mode, k.scopes, k.expires_at]);
    return rows[0];
  }

  async listKeys(orgId: string, limit: number, afterId?: string): Promise<ApiKeyRow[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM gateway.api_keys WHERE organization_id = $1 AND revoked_at IS NULL AND ($2::text IS NULL OR id < $2)
       ORDER BY id DESC LIMIT $3`, [orgId, afterId ?? null, limit + 1]);
    return rows;
  }

  async countKeys(orgId: string): Promise<number> {
    const { rows } = await this.pool.query(`SELECT count(*)::int AS n FROM gateway.api_keys WHERE organization_id = $1 AND revoked_at IS NULL`, [orgId]);
    return rows[0].n;
  }

  async revokeKey(orgId: string, id: string): Promise<ApiKeyRow | null> {
    const { rows } = await this.pool.query(
      `UPDATE gateway.api_keys SET revoked_at = now() WHERE id = $1 AND organization_id = $2 AND revoked_at IS NULL RETURNING *`, [id, orgId]);
    return rows[0] ?? null;
  }

  async touchKey(id: string): Promise<void> {
    await this.pool.query(`UPDATE gateway.api_keys SET last_used_at = now() WHERE id = $1`, [id]);
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

  async updateOrganization(id: string, patch: { name?: string; plan?: Plan }): Promise<OrganizationRow | null> {
    const { rows } = await this.pool.query(
      `UPDATE gateway.organizations SET name = COALESCE($2, name), plan = COALESCE($3, plan), updated_at = now() WHERE id = $1 RETURNING *`,
      [id, patch.name ?? null, patch.plan ?? null]);
    return rows[0] ?? null;
  }
}
