import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { newId, type WebhookDeliveryStatus } from '@influgentic/contracts';
import { cappedTotal } from '@influgentic/persistence';

/** Channel the dispatchers LISTEN on: a NOTIFY (sent at commit) wakes them when deliveries become due. */
export const DELIVERIES_CHANNEL = 'influgentic_webhooks_deliveries';

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  organization_id: string;
  livemode: boolean;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts_count: number;
  max_attempts: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A claimed delivery with what its attempt needs: the endpoint's address and secrets, and the body to send. */
export interface ClaimedDelivery extends DeliveryRow {
  url: string;
  endpoint_status: string;
  endpoint_deleted_at: Date | null;
  secret_ciphertext: string;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Date | null;
  body: string;
  /** The endpoint had no failure streak and a recent success when claimed: a success need not write its health. */
  endpoint_healthy: boolean;
}

export interface AttemptRow {
  delivery_id: string;
  attempt: number;
  endpoint_id: string;
  started_at: Date;
  latency_ms: number;
  address: string | null;
  status_code: number | null;
  response_snippet: string | null;
  location: string | null;
  error_code: string | null;
  error_message: string | null;
}

export type NewAttempt = Omit<AttemptRow, 'delivery_id' | 'attempt' | 'endpoint_id'>;

/** Where a delivery goes after an attempt. */
export interface DeliveryNext {
  status: WebhookDeliveryStatus;
  nextAttemptAt: Date | null;
  lastError: string | null;
}

export interface ClaimLimits {
  /** Deliveries to claim at most (this process's free room). */
  batch: number;
  /** Attempts in flight per endpoint while its circuit is closed. */
  endpointConcurrency: number;
  /** Failures in a row that open an endpoint's circuit (then one probe at a time). */
  breakerThreshold: number;
  leaseMs: number;
}

export interface NewEventRecord {
  id: string;
  organization_id: string;
  livemode: boolean;
  type: string;
  created_at: string;
  body: string;
}

/** An enabled endpoint that may want some of a batch's events (its `events` decide which). */
export interface SubscribedEndpoint {
  id: string;
  organization_id: string;
  livemode: boolean;
  events: string[];
}

const DELIVERY_COLUMNS = `id, endpoint_id, event_id, organization_id, livemode, event_type, status, attempts_count, max_attempts,
  next_attempt_at, last_attempt_at, last_status_code, last_error, created_at, updated_at`;

/** Every statement against `webhooks.events`, `webhooks.deliveries` and `webhooks.delivery_attempts`. */
@Injectable()
export class DeliveriesRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  /** Runs each statement in its own transaction. */
  get manager(): EntityManager {
    return this.ds.manager;
  }

  /**
   * Stores the payload once (a redelivered event finds it there) and one pending delivery per endpoint, due now, and
   * wakes the dispatchers at commit — one statement.
   */
  async insertEventDeliveries(m: EntityManager, event: NewEventRecord, endpointIds: string[], maxAttempts: number): Promise<DeliveryRow[]> {
    if (!endpointIds.length) return [];
    return m.query(
      `WITH stored AS (
         INSERT INTO webhooks.events (id, organization_id, livemode, type, body, created_at) VALUES ($3, $4, $5, $6, $8, $9)
         ON CONFLICT (id) DO NOTHING
       ), inserted AS (
         INSERT INTO webhooks.deliveries (id, endpoint_id, event_id, organization_id, livemode, event_type, max_attempts, next_attempt_at)
         SELECT d.id, d.endpoint_id, $3, $4, $5, $6, $7, now() FROM unnest($1::text[], $2::text[]) AS d(id, endpoint_id)
         ON CONFLICT (event_id, endpoint_id) DO NOTHING
         RETURNING ${DELIVERY_COLUMNS}
       ), wake AS (SELECT pg_notify($10, ''))
       SELECT inserted.* FROM inserted, wake`,
      [endpointIds.map(() => newId('delivery')), endpointIds, event.id, event.organization_id, event.livemode, event.type, maxAttempts,
        event.body, event.created_at, DELIVERIES_CHANNEL],
    );
  }

  /** The enabled endpoints of the organizations and modes of `events` subscribed to any of their types (or `*`). */
  subscribedEndpoints(m: EntityManager, events: Array<Pick<NewEventRecord, 'organization_id' | 'livemode' | 'type'>>): Promise<SubscribedEndpoint[]> {
    return m.query(
      `SELECT DISTINCT e.id, e.organization_id, e.livemode, e.events
         FROM unnest($1::text[], $2::boolean[], $3::text[]) AS w(organization_id, livemode, type)
         JOIN webhooks.endpoints e ON e.organization_id = w.organization_id AND e.livemode = w.livemode
        WHERE e.status = 'enabled' AND e.deleted_at IS NULL AND e.events && ARRAY[w.type, '*']::text[]
        ORDER BY e.id`,
      [events.map((e) => e.organization_id), events.map((e) => e.livemode), events.map((e) => e.type)],
    );
  }

  /**
   * The batch form of `insertEventDeliveries`: every event's payload once and one pending delivery per (event,
   * endpoint), due now, and one wake-up at commit — one statement for the whole batch. Returns how many were new.
   */
  async insertManyEventDeliveries(m: EntityManager, targets: Array<{ event: NewEventRecord; endpointIds: string[] }>, maxAttempts: number): Promise<number> {
    const pairs = targets.flatMap((t) => t.endpointIds.map((endpointId) => ({ event: t.event, endpointId })));
    if (!pairs.length) return 0;
    const events = targets.map((t) => t.event);
    const [{ n }]: Array<{ n: number }> = await m.query(
      `WITH stored AS (
         INSERT INTO webhooks.events (id, organization_id, livemode, type, body, created_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::text[], $6::timestamptz[])
         ON CONFLICT (id) DO NOTHING
       ), inserted AS (
         INSERT INTO webhooks.deliveries (id, endpoint_id, event_id, organization_id, livemode, event_type, max_attempts, next_attempt_at)
         SELECT d.id, d.endpoint_id, d.event_id, d.organization_id, d.livemode, d.event_type, $7, now()
           FROM unnest($8::text[], $9::text[], $10::text[], $11::text[], $12::boolean[], $13::text[])
                AS d(id, endpoint_id, event_id, organization_id, livemode, event_type)
         ON CONFLICT (event_id, endpoint_id) DO NOTHING
         RETURNING 1
       ), wake AS (SELECT pg_notify($14, ''))
       SELECT (SELECT count(*) FROM inserted)::int AS n FROM wake`,
      [events.map((e) => e.id), events.map((e) => e.organization_id), events.map((e) => e.livemode), events.map((e) => e.type),
        events.map((e) => e.body), events.map((e) => e.created_at), maxAttempts,
        pairs.map(() => newId('delivery')), pairs.map((p) => p.endpointId), pairs.map((p) => p.event.id), pairs.map((p) => p.event.organization_id),
        pairs.map((p) => p.event.livemode), pairs.map((p) => p.event.type), DELIVERIES_CHANNEL],
    );
    return n;
  }

  /** Wakes every dispatcher when the caller's transaction commits. */
  async notify(m: EntityManager): Promise<void> {
    await m.query(`SELECT pg_notify($1, '')`, [DELIVERIES_CHANNEL]);
  }

  /**
   * Leases due deliveries for `owner`, fairly across endpoints: each enabled endpoint whose circuit lets it gets at
   * most its room — its concurrency (one probe while the circuit is half-open, none while open) less what is in
   * flight, and under its per-minute rate limit — so one endpoint's backlog never takes every slot. Endpoints are
   * visited in random order, so a batch smaller than the work rotates among them. One statement: candidates are
   * locked with SKIP LOCKED in a CTE, and a crashed worker's expired lease makes its rows claimable again. Mirrors `attemptsAllowed` in circuit-breaker.ts. Only endpoints with pending deliveries
   * are visited (a skip scan of the due index: one probe per such endpoint), not every enabled endpoint.
   */
  async claim(owner: string, limits: ClaimLimits): Promise<ClaimedDelivery[]> {
    if (limits.batch <= 0) return [];
    // Claims of every replica take turns (a transaction lock held for one statement), so each sees what the others
    // claimed before it: per-endpoint concurrency, the half-open probe and the per-minute limit hold across replicas.
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('influgentic.webhooks.claim'))`);
      const [rows]: [ClaimedDelivery[], number] = await m.query(
      `WITH RECURSIVE with_pending(endpoint_id) AS (
         (SELECT endpoint_id FROM webhooks.deliveries WHERE status = 'pending' ORDER BY endpoint_id LIMIT 1)
         UNION ALL
         SELECT (SELECT n.endpoint_id FROM webhooks.deliveries n WHERE n.status = 'pending' AND n.endpoint_id > w.endpoint_id ORDER BY n.endpoint_id LIMIT 1)
           FROM with_pending w WHERE w.endpoint_id IS NOT NULL
       ), ready AS (
         SELECT e.id, e.rate_limit_per_minute, random() AS turn,
                CASE WHEN e.consecutive_failures >= $4 THEN 1 ELSE $3 END AS cap,
                (SELECT count(*) FROM webhooks.deliveries f
                  WHERE f.endpoint_id = e.id AND f.claimed_by IS NOT NULL AND f.claimed_until > now())::int AS in_flight
           FROM with_pending w JOIN webhooks.endpoints e ON e.id = w.endpoint_id
          WHERE e.status = 'enabled' AND e.deleted_at IS NULL
            AND (e.consecutive_failures < $4 OR e.circuit_open_until IS NULL OR e.circuit_open_until <= now())
            AND EXISTS (SELECT 1 FROM webhooks.deliveries x WHERE x.endpoint_id = e.id AND x.status = 'pending' AND x.next_attempt_at <= now())
       ), room AS (
         SELECT r.id, r.turn, LEAST(r.cap - r.in_flight,
                  CASE WHEN r.rate_limit_per_minute IS NULL THEN $3
                       ELSE r.rate_limit_per_minute - r.in_flight - (SELECT count(*) FROM webhooks.delivery_attempts a
                              WHERE a.endpoint_id = r.id AND a.started_at > now() - interval '1 minute')::int END) AS n
           FROM ready r
       ), picked AS (
         SELECT d.id FROM room, LATERAL (
           SELECT x.id FROM webhooks.deliveries x
            WHERE x.endpoint_id = room.id AND x.status = 'pending' AND x.next_attempt_at <= now()
              AND (x.claimed_until IS NULL OR x.claimed_until < now())
            ORDER BY x.next_attempt_at, x.id
            LIMIT GREATEST(room.n, 0)
            FOR UPDATE SKIP LOCKED) d
          WHERE room.n > 0
          ORDER BY room.turn
          LIMIT $2
       )
       UPDATE webhooks.deliveries d
          SET claimed_by = $1, claimed_until = now() + make_interval(secs => $5::float8 / 1000)
         FROM picked, webhooks.endpoints e, webhooks.events ev
        WHERE d.id = picked.id AND e.id = d.endpoint_id AND ev.id = d.event_id
        RETURNING d.id, d.endpoint_id, d.event_id, d.organization_id, d.livemode, d.event_type, d.status, d.attempts_count,
                  d.max_attempts, d.next_attempt_at, d.last_attempt_at, d.last_status_code, d.last_error, d.created_at, d.updated_at,
                  e.url, e.status AS endpoint_status, e.deleted_at AS endpoint_deleted_at, e.secret_ciphertext,
                  e.previous_secret_ciphertext, e.previous_secret_expires_at, ev.body,
                  (e.consecutive_failures = 0 AND e.failing_since IS NULL AND e.circuit_open_until IS NULL
                   AND e.last_success_at > now() - interval '1 minute') AS endpoint_healthy`,
      [owner, limits.batch, limits.endpointConcurrency, limits.breakerThreshold, limits.leaseMs],
      );
      return rows;
    });
  }

  /** Gives a claimed delivery back untried (the service is stopping, or its endpoint changed under it). */
  async release(ids: string[], owner: string): Promise<void> {
    if (!ids.length) return;
    await this.ds.query(
      `UPDATE webhooks.deliveries SET claimed_by = NULL, claimed_until = NULL WHERE id = ANY($1) AND claimed_by = $2`,
      [ids, owner],
    );
  }

  /**
   * Records an attempt and moves the delivery on, if `owner` still holds it (a worker whose lease ran out and was
   * taken over records nothing: the new holder tries again). Returns the attempt number, or null.
   */
  async recordAttempt(m: EntityManager, owner: string, delivery: Pick<DeliveryRow, 'id' | 'endpoint_id'>, attempt: NewAttempt, next: DeliveryNext): Promise<number | null> {
    const [rows]: [Array<{ attempts_count: number }>, number] = await m.query(
      `UPDATE webhooks.deliveries
          SET status = $3, next_attempt_at = $4, attempts_count = attempts_count + 1, last_attempt_at = $5,
              last_status_code = $6, last_error = $7, claimed_by = NULL, claimed_until = NULL, updated_at = now()
        WHERE id = $1 AND claimed_by = $2
        RETURNING attempts_count`,
      [delivery.id, owner, next.status, next.nextAttemptAt, attempt.started_at, attempt.status_code, next.lastError],
    );
    if (!rows.length) return null;
    const n = rows[0].attempts_count;
    await m.query(
      `INSERT INTO webhooks.delivery_attempts
         (delivery_id, attempt, endpoint_id, started_at, latency_ms, address, status_code, response_snippet, location, error_code, error_message)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [delivery.id, n, delivery.endpoint_id, attempt.started_at, attempt.latency_ms, attempt.address, attempt.status_code,
        attempt.response_snippet, attempt.location, attempt.error_code, attempt.error_message],
    );
    return n;
  }

  /**
   * The batch form of `recordAttempt`, one statement for many deliveries: each moves on and gets its attempt row if
   * its `owner` still holds it. Returns each item's attempt number (null where the lease was lost), in order. Its
   * transaction (the statement's own, outside one) commits without waiting for the flush, as `commitWithoutFlush`.
   */
  async recordAttempts(m: EntityManager, items: Array<{ owner: string; delivery: Pick<DeliveryRow, 'id'>; attempt: NewAttempt; next: DeliveryNext }>): Promise<Array<number | null>> {
    if (!items.length) return [];
    const col = <K extends keyof NewAttempt>(k: K) => items.map((i) => i.attempt[k]);
    const rows: Array<{ id: string; attempts_count: number }> = await m.query(
      `WITH no_flush AS (SELECT set_config('synchronous_commit', 'off', true)),
       input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::timestamptz[], $7::int[], $8::text[],
                              $9::int[], $10::text[], $11::text[], $12::text[], $13::text[])
           AS i(delivery_id, owner, status, next_attempt_at, last_error, started_at, latency_ms, address, status_code, response_snippet,
                location, error_code, error_message)
       ), moved AS (
         UPDATE webhooks.deliveries d
            SET status = i.status, next_attempt_at = i.next_attempt_at, attempts_count = d.attempts_count + 1, last_attempt_at = i.started_at,
                last_status_code = i.status_code, last_error = i.last_error, claimed_by = NULL, claimed_until = NULL, updated_at = now()
           FROM input i
          WHERE d.id = i.delivery_id AND d.claimed_by = i.owner
          RETURNING d.id, d.endpoint_id, d.attempts_count
       ), recorded AS (
         INSERT INTO webhooks.delivery_attempts
           (delivery_id, attempt, endpoint_id, started_at, latency_ms, address, status_code, response_snippet, location, error_code, error_message)
         SELECT moved.id, moved.attempts_count, moved.endpoint_id, i.started_at, i.latency_ms, i.address, i.status_code, i.response_snippet,
                i.location, i.error_code, i.error_message
           FROM moved JOIN input i ON i.delivery_id = moved.id
       )
       SELECT moved.id, moved.attempts_count FROM moved, no_flush`,
      [items.map((i) => i.delivery.id), items.map((i) => i.owner), items.map((i) => i.next.status), items.map((i) => i.next.nextAttemptAt),
        items.map((i) => i.next.lastError), col('started_at'), col('latency_ms'), col('address'), col('status_code'), col('response_snippet'),
        col('location'), col('error_code'), col('error_message')],
    );
    const byId = new Map(rows.map((r) => [r.id, r.attempts_count]));
    return items.map((i) => byId.get(i.delivery.id) ?? null);
  }

  /**
   * Lets this transaction commit without waiting for the WAL flush. For attempt records only: losing the last
   * instant's records in a Postgres crash just means those attempts are made again (at-least-once, same webhook-id),
   * while a flush per attempt was the dispatcher's bottleneck on a slow disk.
   */
  async commitWithoutFlush(m: EntityManager): Promise<void> {
    await m.query(`SET LOCAL synchronous_commit = off`);
  }

  /** Ends every pending delivery of an endpoint that was disabled (what is in flight records its own outcome). */
  async failPending(m: EntityManager, endpointId: string, reason: string): Promise<number> {
    const [, count]: [unknown, number] = await m.query(
      `UPDATE webhooks.deliveries SET status = 'failed', next_attempt_at = NULL, last_error = $2, updated_at = now()
        WHERE endpoint_id = $1 AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())`,
      [endpointId, reason],
    );
    return count;
  }

  // -------------------------------------------------------------------------------------------------------------
  // The deliveries API
  // -------------------------------------------------------------------------------------------------------------

  /** One page of an endpoint's deliveries, newest first (ids are ULIDs: their order is creation order). */
  async page(endpointId: string, status: WebhookDeliveryStatus | undefined, limit: number, beforeId?: string): Promise<DeliveryRow[]> {
    const { where, params } = this.filter(endpointId, status);
    if (beforeId) {
      params.push(beforeId);
      where.push(`id < $${params.length}`);
    }
    params.push(limit + 1);
    return this.ds.query(`SELECT ${DELIVERY_COLUMNS} FROM webhooks.deliveries WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${params.length}`, params);
  }

  count(endpointId: string, status: WebhookDeliveryStatus | undefined, cap = 200): Promise<number> {
    const { where, params } = this.filter(endpointId, status);
    return cappedTotal((sql, p) => this.ds.query(sql, p), `SELECT 1 FROM webhooks.deliveries WHERE ${where.join(' AND ')}`, params, cap);
  }

  async find(endpointId: string, id: string, m: EntityManager = this.ds.manager): Promise<DeliveryRow | null> {
    const rows: DeliveryRow[] = await m.query(`SELECT ${DELIVERY_COLUMNS} FROM webhooks.deliveries WHERE id = $1 AND endpoint_id = $2`, [id, endpointId]);
    return rows[0] ?? null;
  }

  attempts(deliveryId: string): Promise<AttemptRow[]> {
    return this.ds.query(`SELECT * FROM webhooks.delivery_attempts WHERE delivery_id = $1 ORDER BY attempt`, [deliveryId]);
  }

  /**
   * Makes an ended delivery due now for one more try (a manual retry is a single attempt, not a new schedule).
   * Null when it is pending already.
   */
  async scheduleRetry(m: EntityManager, endpointId: string, id: string): Promise<DeliveryRow | null> {
    const [rows]: [DeliveryRow[], number] = await m.query(
      `UPDATE webhooks.deliveries SET status = 'pending', next_attempt_at = now(), max_attempts = attempts_count + 1, updated_at = now()
        WHERE id = $1 AND endpoint_id = $2 AND status <> 'pending'
        RETURNING ${DELIVERY_COLUMNS}`,
      [id, endpointId],
    );
    if (rows.length) await this.notify(m);
    return rows[0] ?? null;
  }

  private filter(endpointId: string, status: WebhookDeliveryStatus | undefined): { where: string[]; params: unknown[] } {
    const where = ['endpoint_id = $1'];
    const params: unknown[] = [endpointId];
    if (status) {
      params.push(status);
      where.push(`status = $${params.length}`);
    }
    return { where, params };
  }
}
