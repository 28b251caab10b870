import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import {
  AdvisoryKeyLocks, decideIdempotency, idempotencyInProgress, idempotencyMismatch, IDEMPOTENCY_RETENTION_MS,
  type IdempotencyKey,
} from '@influgentic/messaging';
import { TransactionScope } from './transaction-scope';

export interface StoredResponse { status: number; body: string }

/** A keyed request: whose key it is, the key, and the fingerprint of the request it was first used with. */
export interface KeyedRequest extends IdempotencyKey { organizationId: string; livemode: boolean }

/** Keys of the operator API (no organization) live beside the organizations' keys without ever meeting them. */
export const OPERATOR_SCOPE = 'operator';

const RETENTION_HOURS = IDEMPOTENCY_RETENTION_MS / 3_600_000;

/** Fields that hold a credential shown once (an API key's token, a signing secret). */
const SECRET_FIELDS = new Set(['token', 'secret']);

/**
 * A response as it may be kept at rest: credentials shown once are stored hashed or not at all, so a replay carries
 * `null` in their place (the object itself, its id included, is the same; a client that lost the first answer revokes
 * that key and makes another).
 */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.has(k) && typeof v === 'string' ? null : withoutSecrets(v)]));
}

/** A key of SECRET_FIELDS as it appears in JSON text (Postgres writes `"key" : value`, JSON.stringify `"key":value`). */
const SECRET_KEY_TEXT = new RegExp(`"(${[...SECRET_FIELDS].join('|')})"\\s*:`);

/**
 * `withoutSecrets` of an answer kept as JSON text: parsed only when a credential's field name occurs in it (rare), so
 * a service's answer is otherwise stored as the text it sent.
 */
export function storableJson(json: string): string {
  return SECRET_KEY_TEXT.test(json) ? JSON.stringify(withoutSecrets(JSON.parse(json))) : json;
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

/**
 * The gateway's side of Idempotency-Key. Services record the outcome of their own writes (see `IdempotencyStore` in
 * libs/messaging); here the gateway keeps finished outcomes only — the answers of its own routes (API keys,
 * organizations), written in the transaction of their insert, and a copy of what services answered, so a replay
 * costs no round trip. Nothing here says "in progress": a running request is known by its advisory lock (here for
 * the gateway's own routes, in the service for the others), so a gateway that crashes mid-request leaves no key
 * stuck. Rows without a status (claims of earlier versions) are ignored.
 */
export class IdempotencyService {
  /** Hand this pool to the repository of gateway-owned routes: inside `runLocal` its queries join the transaction. */
  readonly scope: TransactionScope;

  constructor(private readonly pool: Pool, private readonly locks = new AdvisoryKeyLocks('gateway.idempotency')) {
    this.scope = new TransactionScope(pool);
  }

  /** The finished outcome recorded for this key, null when there is none (yet); a different request is a 409. */
  async lookup(k: KeyedRequest, q: Pick<Pool, 'query'> = this.pool): Promise<StoredResponse | null> {
    const { rows } = await q.query(
      `SELECT request_hash, status_code, response_body, created_at FROM gateway.idempotency_keys
        WHERE organization_id = $1 AND livemode = $2 AND key = $3`,
      [k.organizationId, k.livemode, k.key]);
    const row = rows[0] as { request_hash: string; status_code: number | null; response_body: string | null; created_at: Date } | undefined;
    const decision = decideIdempotency(row ? {
      fingerprint: row.request_hash, outcome: row.status_code === null ? 'pending' : 'done',
      response: { status: row.status_code, body: row.response_body ?? '' }, resource_id: null, created_at: row.created_at,
    } : null, k.fingerprint, new Date());
    if (decision.kind === 'mismatch') throw idempotencyMismatch();
    return decision.kind === 'replay' ? decision.response as StoredResponse : null;
  }

  /** Keeps a finished outcome; an existing finished one stays (the first answer is the answer). */
  async remember(k: KeyedRequest, response: StoredResponse, q: Pick<Pool, 'query'> = this.pool): Promise<boolean> {
    const { rowCount } = await q.query(
      `INSERT INTO gateway.idempotency_keys AS r (organization_id, livemode, key, request_hash, status_code, response_body, created_at, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, now(), now())
       ON CONFLICT (organization_id, livemode, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status_code = EXCLUDED.status_code, response_body = EXCLUDED.response_body,
             created_at = EXCLUDED.created_at, completed_at = EXCLUDED.completed_at
         WHERE r.status_code IS NULL OR r.created_at < now() - interval '${RETENTION_HOURS} hours'`,
      [k.organizationId, k.livemode, k.key, k.fingerprint, response.status, response.body]);
    return (rowCount ?? 0) > 0;
  }

  /**
   * Runs a gateway-owned operation once per key: under the key's lock (a concurrent one is 409, Retry-After: 1), in
   * one transaction with the record of its answer, so a crash leaves either both or neither.
   */
  async runLocal<T>(k: KeyedRequest, status: number, fn: () => Promise<T>): Promise<{ replayed: true; response: StoredResponse } | { replayed: false; body: string }> {
    const release = await this.locks.tryLock(`${k.organizationId}\u0000${k.livemode}\u0000${k.key}`);
    if (!release) throw idempotencyInProgress();
    try {
      // It may have finished between the caller's lookup and this lock.
      const done = await this.lookup(k);
      if (done) return { replayed: true, response: done };
      const client: PoolClient = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const value = await this.scope.run(client, fn);
        const body = JSON.stringify(value ?? {});
        if (!(await this.remember(k, { status, body: JSON.stringify(withoutSecrets(value ?? {})) }, client))) throw idempotencyInProgress();
        await client.query('COMMIT');
        return { replayed: false, body };
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    } finally {
      await release();
    }
  }

  async prune(): Promise<void> {
    await this.pool.query(`DELETE FROM gateway.idempotency_keys WHERE created_at < now() - interval '${RETENTION_HOURS} hours'`);
  }

  async close(): Promise<void> {
    await this.locks.close();
  }
}
