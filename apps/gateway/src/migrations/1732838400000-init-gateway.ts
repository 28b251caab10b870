import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitGateway1732838400000 implements MigrationInterface {
  name = 'InitGateway1732838400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gateway.organizations (
      id text PRIMARY KEY, name text NOT NULL, plan text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE gateway.api_keys (
      id text PRIMARY KEY, organization_id text NOT NULL REFERENCES gateway.organizations(id), name text NOT NULL,
      token_hash text NOT NULL UNIQUE, token_hint text NOT NULL, mode text NOT NULL, scopes text[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz)`);
    await q.query(`CREATE INDEX api_keys_org ON gateway.api_keys (organization_id, created_at DESC)`);
    await q.query(`CREATE TABLE gateway.idempotency_keys (
      organization_id text NOT NULL, livemode boolean NOT NULL, key text NOT NULL, request_hash text NOT NULL,
      status_code int, response_body text, created_at timestamptz NOT NULL DEFAULT now(), completed_at timestamptz,
      PRIMARY KEY (organization_id, livemode, key))`);
    await q.query(`CREATE INDEX idempotency_created ON gateway.idempotency_keys (created_at)`);
    // Counters are cheap to lose (a restart forgives one window), so skip the WAL.
    await q.query(`CREATE UNLOGGED TABLE gateway.rate_counters (
      bucket text NOT NULL, window_start bigint NOT NULL, hits int NOT NULL, PRIMARY KEY (bucket, window_start))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rate_counters', 'idempotency_keys', 'api_keys', 'organizations']) await q.query(`DROP TABLE IF EXISTS gateway.${t}`);
  }
}
