import type { MigrationInterface, QueryRunner } from 'typeorm';
import { idempotencyTableSql } from '@influgentic/messaging';

/**
 * Webhook endpoints: where an organization's events are delivered, in one mode (live or sandbox). The signing secret
 * is kept only sealed (AES-256-GCM, see secrets/secret-box.ts); during a rotation the previous one keeps signing
 * until `previous_secret_expires_at`. Deleting is soft, so deliveries already recorded keep their endpoint. The
 * idempotency records of keyed creates live beside them.
 */
export class WebhookEndpoints1767830400000 implements MigrationInterface {
  name = 'WebhookEndpoints1767830400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks.endpoints (
        id text PRIMARY KEY CHECK (id LIKE 'wh\\_%'),
        organization_id text NOT NULL,
        livemode boolean NOT NULL,
        url text NOT NULL,
        description text,
        events text[] NOT NULL CHECK (cardinality(events) >= 1),
        status text NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),
        disabled_reason text,
        disabled_at timestamptz,
        secret_ciphertext text NOT NULL,
        previous_secret_ciphertext text,
        previous_secret_expires_at timestamptz,
        rate_limit_per_minute int CHECK (rate_limit_per_minute > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    // Lists (newest first) and the fan-out of each event to its organization's enabled endpoints.
    await q.query(`CREATE INDEX endpoints_owner ON webhooks.endpoints (organization_id, livemode, id DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX endpoints_enabled ON webhooks.endpoints (organization_id, livemode) WHERE status = 'enabled' AND deleted_at IS NULL`);
    for (const sql of idempotencyTableSql('webhooks')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS webhooks.endpoints`);
  }
}
