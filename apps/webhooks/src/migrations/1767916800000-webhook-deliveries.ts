import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliveries: each event payload once (`events`), one delivery per (event, endpoint) committed before any attempt, and
 * every attempt. Endpoints gain their health: the failure streak (auto-disable after days of failure) and the circuit
 * breaker (open until the next scheduled retry, then one probe).
 */
export class WebhookDeliveries1767916800000 implements MigrationInterface {
  name = 'WebhookDeliveries1767916800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE webhooks.endpoints
        ADD COLUMN consecutive_failures int NOT NULL DEFAULT 0,
        ADD COLUMN failing_since timestamptz,
        ADD COLUMN circuit_open_until timestamptz,
        ADD COLUMN last_success_at timestamptz,
        ADD COLUMN last_failure_at timestamptz`);
    // The exact bytes receivers get, so every retry carries the same body and signatures verify.
    await q.query(`
      CREATE TABLE webhooks.events (
        id text PRIMARY KEY,
        organization_id text NOT NULL,
        livemode boolean NOT NULL,
        type text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE webhooks.deliveries (
        id text PRIMARY KEY CHECK (id LIKE 'whd\\_%'),
        endpoint_id text NOT NULL REFERENCES webhooks.endpoints (id) ON DELETE CASCADE,
        event_id text NOT NULL REFERENCES webhooks.events (id) ON DELETE CASCADE,
        organization_id text NOT NULL,
        livemode boolean NOT NULL,
        event_type text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts_count int NOT NULL DEFAULT 0,
        max_attempts int NOT NULL,
        next_attempt_at timestamptz,
        last_attempt_at timestamptz,
        last_status_code int,
        last_error text,
        claimed_by text,
        claimed_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, endpoint_id),
        CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
      )`);
    // Due work per endpoint (the claim walks endpoints and takes the oldest due rows of each).
    await q.query(`CREATE INDEX deliveries_due ON webhooks.deliveries (endpoint_id, next_attempt_at, id) WHERE status = 'pending'`);
    // Attempts in flight per endpoint (its concurrency bound).
    await q.query(`CREATE INDEX deliveries_in_flight ON webhooks.deliveries (endpoint_id) WHERE claimed_by IS NOT NULL`);
    // The deliveries API: newest first, with and without a status filter.
    await q.query(`CREATE INDEX deliveries_by_endpoint ON webhooks.deliveries (endpoint_id, id DESC)`);
    await q.query(`CREATE INDEX deliveries_by_endpoint_status ON webhooks.deliveries (endpoint_id, status, id DESC)`);
    await q.query(`
      CREATE TABLE webhooks.delivery_attempts (
        delivery_id text NOT NULL REFERENCES webhooks.deliveries (id) ON DELETE CASCADE,
        attempt int NOT NULL,
        endpoint_id text NOT NULL,
        started_at timestamptz NOT NULL,
        latency_ms int NOT NULL,
        address text,
        status_code int,
        response_snippet text,
        location text,
        error_code text,
        error_message text,
        PRIMARY KEY (delivery_id, attempt)
      )`);
    // The per-endpoint rate limit counts the last minute's attempts.
    await q.query(`CREATE INDEX delivery_attempts_recent ON webhooks.delivery_attempts (endpoint_id, started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS webhooks.delivery_attempts`);
    await q.query(`DROP TABLE IF EXISTS webhooks.deliveries`);
    await q.query(`DROP TABLE IF EXISTS webhooks.events`);
    await q.query(`ALTER TABLE webhooks.endpoints DROP COLUMN IF EXISTS consecutive_failures, DROP COLUMN IF EXISTS failing_since,
      DROP COLUMN IF EXISTS circuit_open_until, DROP COLUMN IF EXISTS last_success_at, DROP COLUMN IF EXISTS last_failure_at`);
  }
}
