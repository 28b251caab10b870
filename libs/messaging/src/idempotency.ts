import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { Client } from 'pg';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { DomainError, ERROR_STATUS, isRpcErrorPayload, type RequestContext, type RpcErrorPayload } from '@influgentic/contracts';
import { databaseTimeouts, databaseUrl, pgTimeoutSettings } from '@influgentic/persistence';
import { headersToRecord } from './rpc-context';

/**
 * Idempotency-Key, end to end. The gateway forwards the client's key and a fingerprint of the request in NATS headers;
 * the service that does the work records the outcome in its own schema, in the transaction of its own write, so a
 * retry after the gateway gave up (503) finds that outcome instead of doing the work again. While one request with a
 * key runs, a session advisory lock on the key (held on a dedicated connection) answers concurrent ones with 409 +
 * Retry-After: 1; a worker that dies takes its connection, and so its lock, with it, so nothing stays stuck.
 */

export const IDEMPOTENCY_HEADERS = { key: 'idempotency-key', fingerprint: 'x-influgentic-request-hash' } as const;

/** Outcomes are kept this long (the contract's 24 h); older records are ignored, overwritten and pruned. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

/** What the gateway forwards with a keyed request. */
export interface IdempotencyKey { key: string; fingerprint: string }

/** The record as stored: `pending` points at an object still being made, `done` holds the answer, `refused` the 4xx. */
export interface IdempotencyRecord {
  fingerprint: string;
  outcome: 'pending' | 'done' | 'refused';
  response: unknown;
  resource_id: string | null;
  created_at: Date;
}

export type IdempotencyDecision =
  | { kind: 'fresh' }
  | { kind: 'mismatch' }
  | { kind: 'replay'; response: unknown }
  | { kind: 'refused'; error: RpcErrorPayload }
  | { kind: 'resolve'; resourceId: string };

/** What a record means for a request carrying the same key. Pure, so every branch has a unit test. */
export function decideIdempotency(record: IdempotencyRecord | null, fingerprint: string, now: Date, retentionMs = IDEMPOTENCY_RETENTION_MS): IdempotencyDecision {
  if (!record || now.getTime() - new Date(record.created_at).getTime() >= retentionMs) return { kind: 'fresh' };
  // A claim that never got an answer nor an object (a crashed caller) holds nothing: the key is free.
  if (record.outcome === 'pending' && !record.resource_id) return { kind: 'fresh' };
  if (record.fingerprint !== fingerprint) return { kind: 'mismatch' };
  if (record.outcome === 'done') return { kind: 'replay', response: record.response };
  if (record.outcome === 'refused' && isRpcErrorPayload(record.response)) return { kind: 'refused', error: record.response };
  if (record.outcome === 'pending') return { kind: 'resolve', resourceId: record.resource_id! };
  return { kind: 'fresh' };
}

/** A refusal worth recording: final for this request (4xx), but not the answers that say "not now" or "not this key". */
export function isRecordableRefusal(err: unknown): err is DomainError {
  if (!(err instanceof DomainError)) return false;
  const status = ERROR_STATUS[err.code];
  return status >= 400 && status < 500 && err.code !== 'rate_limited' && err.code !== 'idempotency_conflict' && !isIdempotencyInProgress(err);
}

export function idempotencyInProgress(): DomainError {
  return new DomainError('conflict', 'A request with this Idempotency-Key is still being processed; retry shortly', [
    { field: 'Idempotency-Key', code: 'in_progress', message: 'a request with this key is still running' },
  ]);
}

/** The gateway answers this one with Retry-After: 1. */
export function isIdempotencyInProgress(err: unknown): boolean {
  return err instanceof DomainError && err.code === 'conflict' && !!err.errors?.some((e) => e.field === 'Idempotency-Key' && e.code === 'in_progress');
}

export function idempotencyMismatch(): DomainError {
  return new DomainError('idempotency_conflict', 'This Idempotency-Key was already used with a different request', [
    { field: 'Idempotency-Key', code: 'reused', message: 'was already used with a different method, path or body' },
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Replays travel back to the gateway marked, so it can say Idempotent-Replayed: true.
// ---------------------------------------------------------------------------------------------------------------

const REPLAY = '$idempotent_replay';

export interface IdempotentReplay { [REPLAY]: true; response?: unknown; error?: RpcErrorPayload }

export function replayOf(response: unknown): IdempotentReplay {
  return { [REPLAY]: true, response };
}

export function replayedRefusal(error: RpcErrorPayload): IdempotentReplay {
  return { [REPLAY]: true, error };
}

/** How every replay starts on the wire: JSON.stringify keeps the key order `replayOf` and `replayedRefusal` write. */
const REPLAY_PREFIX = new TextEncoder().encode(`{"${REPLAY}":true`);

/** Whether a service's reply is a marked replay, judged from its first bytes (a fresh answer is never parsed). */
export function isReplayBytes(bytes: Uint8Array): boolean {
  if (bytes.length < REPLAY_PREFIX.length) return false;
  for (let i = 0; i < REPLAY_PREFIX.length; i++) if (bytes[i] !== REPLAY_PREFIX[i]) return false;
  return true;
}

/** Unwraps a service answer: a replayed refusal becomes its DomainError again. */
export function readReplay(value: unknown): { replayed: boolean; response?: unknown; error?: DomainError } {
  if (typeof value !== 'object' || value === null || (value as Record<string, unknown>)[REPLAY] !== true) return { replayed: false, response: value };
  const r = value as IdempotentReplay;
  if (r.error) return { replayed: true, error: new DomainError(r.error.code, r.error.message, r.error.errors, r.error.detail) };
  return { replayed: true, response: r.response };
}

/** Handler parameter: the forwarded Idempotency-Key and request fingerprint, if the caller sent a key. */
export const ForwardedIdempotencyKey = createParamDecorator((_data: unknown, exec: ExecutionContext): IdempotencyKey | undefined => {
  const natsCtx = exec.switchToRpc().getContext<NatsContext>();
  return idempotencyKeyFromHeaders(headersToRecord(natsCtx.getHeaders()));
});

export function idempotencyKeyFromHeaders(h: Record<string, string>): IdempotencyKey | undefined {
  const key = h[IDEMPOTENCY_HEADERS.key];
  if (!key) return undefined;
  return { key, fingerprint: h[IDEMPOTENCY_HEADERS.fingerprint] ?? '' };
}

// ---------------------------------------------------------------------------------------------------------------
// Locks
// ---------------------------------------------------------------------------------------------------------------

/** A stable signed 64-bit advisory lock id for a name. */
export function advisoryLockId(namespace: string, name: string): string {
  return createHash('sha256').update(`${namespace}\u0000${name}`).digest().readBigInt64BE(0).toString();
}

/**
 * Session advisory locks on one dedicated connection per process: locks for many keys at once without holding a pool
 * connection per running request. Postgres lets a session take its own lock again, so this process's holders are also
 * tracked in memory. A crashed process closes its connection and Postgres frees every lock it held.
 */
export class AdvisoryKeyLocks {
  private client?: Client;
  private connecting?: Promise<Client>;
  private readonly held = new Set<string>();

  constructor(private readonly namespace: string, private readonly url: () => string = databaseUrl) {}

  /** The release function, or null when another request holds the key. */
  async tryLock(name: string): Promise<(() => Promise<void>) | null> {
    const id = advisoryLockId(this.namespace, name);
    if (this.held.has(id)) return null;
    this.held.add(id);
    let client: Client;
    try {
      client = await this.connection();
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [id]);
      if (!rows[0]?.ok) {
        this.held.delete(id);
        return null;
      }
    } catch {
      // The lock may still be granted once a slow answer arrives: a connection that did not answer is dropped, and
      // every lock it held with it, so no key stays locked behind a lost answer.
      if (client!) this.discard(client);
      this.held.delete(id);
      throw new DomainError('service_unavailable', 'The database is unreachable; retry shortly');
    }
    return async () => {
      // On a replaced connection the lock died with the old one.
      if (this.client === client) await client.query('SELECT pg_advisory_unlock($1::bigint)', [id]).catch(() => this.discard(client));
      this.held.delete(id);
    };
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Closes a connection that failed or did not answer in time; Postgres frees its session locks when it goes. */
  private discard(client: Client): void {
    if (this.client === client) this.client = undefined;
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    client.end().catch(() => undefined);
  }

  private connection(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new Client({
        connectionString: this.url(), application_name: `influgentic-${this.namespace}-idempotency`, ...pgTimeoutSettings(databaseTimeouts()),
      });
      client.on('error', () => {
        if (this.client === client) this.client = undefined;
        client.end().catch(() => undefined);
      });
      await client.connect();
      this.client = client;
      return client;
    })().finally(() => { this.connecting = undefined; });
    return this.connecting;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The service-side store
// ---------------------------------------------------------------------------------------------------------------

/** DDL of the idempotency records every service keeps in its own schema. */
export function idempotencyTableSql(schema: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS "${schema}".idempotency (
      organization_id text NOT NULL, livemode boolean NOT NULL, key text NOT NULL, fingerprint text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('pending', 'done', 'refused')), response jsonb, resource_id text,
      created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (organization_id, livemode, key))`,
    `CREATE INDEX IF NOT EXISTS idempotency_created ON "${schema}".idempotency (created_at)`,
  ];
}

/** A migration that adds the idempotency table to a service's schema (`name` ends with its 13-digit timestamp). */
export function idempotencyTableMigration(schema: string, name: string): new () => MigrationInterface {
  return class IdempotencyTable implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      for (const sql of idempotencyTableSql(schema)) await q.query(sql);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE IF EXISTS "${schema}".idempotency`);
    }
  };
}

/** Runs the write in a transaction; with a key, the write's result is recorded in that same transaction. */
export type Commit = <R>(write: (m: EntityManager) => Promise<R>) => Promise<R>;

export interface IdempotentRun {
  commit: Commit;
  /**
   * Records which object this key is making before it exists (its id), for work that spans more than one
   * transaction or calls other services first: a retry then resolves that object instead of making another.
   */
  point(resourceId: string): Promise<void>;
  /** The object an earlier attempt with this key pointed at and did not finish (see `resolve`). */
  previousResource?: string;
}

export interface ExecuteOptions<T> {
  /**
   * For `point`ed records: the answer for the object, or undefined when the earlier attempt did not finish and the
   * work should run again (it gets the id as `previousResource`).
   */
  resolve?: (resourceId: string) => Promise<T | undefined>;
}

const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Idempotency records in a service's schema (`<schema>.idempotency`, keyed by organization, mode and key). Wrap each
 * creating or charging handler in `execute`, and do its write through `commit`.
 */
export class IdempotencyStore {
  private readonly locks: AdvisoryKeyLocks;
  private lastPrune = 0;

  constructor(private readonly ds: DataSource, private readonly schema: string, locks?: AdvisoryKeyLocks) {
    this.locks = locks ?? new AdvisoryKeyLocks(`${schema}.idempotency`);
  }

  async execute<T>(ctx: RequestContext, keyed: IdempotencyKey | undefined, work: (run: IdempotentRun) => Promise<T>, opts: ExecuteOptions<T> = {}): Promise<T | IdempotentReplay> {
    if (!keyed) return work({ commit: (write) => this.ds.transaction(write), point: async () => undefined });
    this.maybePrune();
    const release = await this.locks.tryLock(`${ctx.organizationId}\u0000${ctx.livemode}\u0000${keyed.key}`);
    if (!release) throw idempotencyInProgress();
    try {
      const decision = decideIdempotency(await this.find(ctx, keyed.key), keyed.fingerprint, new Date());
      let previousResource: string | undefined;
      switch (decision.kind) {
        case 'mismatch': throw idempotencyMismatch();
        case 'replay': return replayOf(decision.response);
        case 'refused': return replayedRefusal(decision.error);
        case 'resolve': {
          const answer = opts.resolve ? await opts.resolve(decision.resourceId) : undefined;
          if (answer !== undefined) return replayOf(answer);
          previousResource = decision.resourceId;
          break;
        }
        case 'fresh': break;
      }
      let recorded = false;
      const run: IdempotentRun = {
        previousResource,
        commit: (write) => this.ds.transaction(async (m) => {
          const result = await write(m);
          if (!(await this.record(m, ctx, keyed, 'done', result ?? null, null))) throw idempotencyInProgress();
          recorded = true;
          return result;
        }),
        point: async (resourceId) => {
          if (!(await this.record(this.ds.manager, ctx, keyed, 'pending', null, resourceId))) throw idempotencyInProgress();
        },
      };
      try {
        return await work(run);
      } catch (err) {
        // A refusal is the answer for this key too; a failure on our side is not, so a retry does the work.
        if (!recorded && isRecordableRefusal(err)) await this.record(this.ds.manager, ctx, keyed, 'refused', err.toPayload(), null).catch(() => undefined);
        throw err;
      }
    } finally {
      await release();
    }
  }

  async close(): Promise<void> {
    await this.locks.close();
  }

  /** Nest calls this on the provider at shutdown. */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  private async find(ctx: RequestContext, key: string): Promise<IdempotencyRecord | null> {
    const rows: IdempotencyRecord[] = await this.ds.query(
      `SELECT fingerprint, outcome, response, resource_id, created_at FROM "${this.schema}".idempotency
        WHERE organization_id = $1 AND livemode = $2 AND key = $3`,
      [ctx.organizationId, ctx.livemode, key]);
    return rows[0] ?? null;
  }

  /**
   * Writes the record unless another attempt already recorded a final one (a pending pointer or an expired record may
   * be replaced): false then, and the caller's transaction must not commit.
   */
  private async record(m: EntityManager, ctx: RequestContext, keyed: IdempotencyKey, outcome: IdempotencyRecord['outcome'], response: unknown, resourceId: string | null): Promise<boolean> {
    const t = `"${this.schema}".idempotency`;
    const rows: unknown[] = await m.query(
      `INSERT INTO ${t} AS r (organization_id, livemode, key, fingerprint, outcome, response, resource_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, now())
       ON CONFLICT (organization_id, livemode, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, outcome = EXCLUDED.outcome, response = EXCLUDED.response,
             resource_id = EXCLUDED.resource_id, created_at = EXCLUDED.created_at
         WHERE r.outcome = 'pending' OR r.created_at < now() - make_interval(secs => $8::float8 / 1000)
       RETURNING 1`,
      [ctx.organizationId, ctx.livemode, keyed.key, keyed.fingerprint, outcome, response === null ? null : JSON.stringify(response), resourceId, IDEMPOTENCY_RETENTION_MS]);
    return rows.length > 0;
  }

  private maybePrune(): void {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    void this.ds.query(
      `DELETE FROM "${this.schema}".idempotency WHERE ctid IN (
         SELECT ctid FROM "${this.schema}".idempotency WHERE created_at < now() - make_interval(secs => $1::float8 / 1000) LIMIT 5000)`,
      [IDEMPOTENCY_RETENTION_MS]).catch(() => undefined);
  }
}
