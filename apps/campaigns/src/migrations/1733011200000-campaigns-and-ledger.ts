import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns and their spend ledger. Money is integer cents. The campaign row carries running totals of settled
 * (`spent_cents`) and held (`held_cents`) charges so a reservation is decided under one row lock; the CHECK makes
 * overspend impossible to commit even if the code deciding it were wrong.
 */
export class CampaignsAndLedger1733011200000 implements MigrationInterface {
  name = 'CampaignsAndLedger1733011200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaigns.campaigns (
        id text PRIMARY KEY,
        organization_id text NOT NULL,
        livemode boolean NOT NULL,
        agent_id text NOT NULL,
        type text NOT NULL,
        name text NOT NULL,
        product jsonb,
        config jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled', 'active', 'paused', 'completed', 'cancelled')),
        budget_cents bigint CHECK (budget_cents >= 0),
        spent_cents bigint NOT NULL DEFAULT 0 CHECK (spent_cents >= 0),
        held_cents bigint NOT NULL DEFAULT 0 CHECK (held_cents >= 0),
        rate_cents integer NOT NULL CHECK (rate_cents >= 0),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        started_at timestamptz,
        paused_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT campaigns_within_budget CHECK (budget_cents IS NULL OR spent_cents + held_cents <= budget_cents),
        CONSTRAINT campaigns_ends_after_start CHECK (ends_at > starts_at)
      )`);
    // Lists are newest first (ids are time-ordered), within an organization and mode, optionally by status or agent.
    await q.query(`CREATE INDEX campaigns_owner ON campaigns.campaigns (organization_id, livemode, id DESC)`);
    await q.query(`CREATE INDEX campaigns_owner_status ON campaigns.campaigns (organization_id, livemode, status, id DESC)`);
    await q.query(`CREATE INDEX campaigns_owner_agent ON campaigns.campaigns (organization_id, livemode, agent_id, id DESC)`);
    // What the scheduler looks for.
    await q.query(`CREATE INDEX campaigns_due_start ON campaigns.campaigns (starts_at) WHERE status = 'scheduled'`);
    await q.query(`CREATE INDEX campaigns_due_end ON campaigns.campaigns (ends_at) WHERE status IN ('active', 'paused')`);

    await q.query(`
      CREATE TABLE campaigns.spend_reservations (
        id text PRIMARY KEY,
        campaign_id text NOT NULL REFERENCES campaigns.campaigns (id),
        organization_id text NOT NULL,
        livemode boolean NOT NULL,
        content_id text NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
        status text NOT NULL CHECK (status IN ('held', 'settled', 'released')),
        release_reason text,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        settled_at timestamptz,
        released_at timestamptz
      )`);
    // One open hold per item: a retried reserve finds the first one instead of holding twice.
    await q.query(`CREATE UNIQUE INDEX spend_reservations_open_item ON campaigns.spend_reservations (campaign_id, content_id) WHERE status = 'held'`);
    await q.query(`CREATE INDEX spend_reservations_campaign ON campaigns.spend_reservations (campaign_id, status)`);
    await q.query(`CREATE INDEX spend_reservations_expiring ON campaigns.spend_reservations (expires_at) WHERE status = 'held'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS campaigns.spend_reservations`);
    await q.query(`DROP TABLE IF EXISTS campaigns.campaigns`);
  }
}
