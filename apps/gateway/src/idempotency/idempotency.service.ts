import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DomainError } from '@influgentic/contracts';

export interface StoredResponse { status: number; body: string }

export type IdempotencyOutcome =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse };

const RETENTION_HOURS = 24;

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

/**
 * Idempotency-Key on POST: the first request with a key claims it; a retry with the same body gets the first
 * response back; a different body, or a retry while the first is still running, is a 409.
 */
export class IdempotencyService {
  constructor(private readonly pool: Pool) {}

  async begin(orgId: string, livemode: boolean, key: string, fingerprint: string): Promise<IdempotencyOutcome> {
    const claimed = await this.pool.query(
      `INSERT INTO gateway.idempotency_keys (organization_id, livemode, key, request_hash) VALUES ($1,$2,$3,$4)
       ON CONFLICT (organization_id, livemode, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, created_at = now(), status_code = NULL, response_body = NULL, completed_at = NULL
         WHERE gateway.idempotency_keys.created_at < now() - interval '${RETENTION_HOURS} hours'
       RETURNING key`,
      [orgId, livemode, key, fingerprint],
    );
    if (claimed.rowCount) return { kind: 'new' };
    const { rows } = await this.pool.query(
      `SELECT request_hash, status_code, response_body FROM gateway.idempotency_keys WHERE organization_id = $1 AND livemode = $2 AND key = $3`,
      [orgId, livemode, key]);
    const row = rows[0];
    if (!row) return this.begin(orgId, livemode, key, fingerprint);
    if (row.request_hash !== fingerprint) {
      throw new DomainError('idempotency_conflict', 'This Idempotency-Key was already used with a different request body');
    }
    if (row.status_code === null) {
      throw new DomainError('conflict', 'A request with this Idempotency-Key is still being processed; retry shortly');
    }
    return { kind: 'replay', response: { status: row.status_code, body: row.response_body } };
  }

  async complete(orgId: string, livemode: boolean, key: string, response: StoredResponse): Promise<void> {
    await this.pool.query(
      `UPDATE gateway.idempotency_keys SET status_code = $4, response_body = $5, completed_at = now()
       WHERE organization_id = $1 AND livemode = $2 AND key = $3`,
      [orgId, livemode, key, response.status, response.body]);
  }

  /** A request that failed on our side may be retried with the same key. */
  async release(orgId: string, livemode: boolean, key: string): Promise<void> {
    await this.pool.query(`DELETE FROM gateway.idempotency_keys WHERE organization_id = $1 AND livemode = $2 AND key = $3 AND status_code IS NULL`, [orgId, livemode, key]);
  }

  async prune(): Promise<void> {
    await this.pool.query(`DELETE FROM gateway.idempotency_keys WHERE created_at < now() - interval '${RETENTION_HOURS} hours'`);
  }
}
