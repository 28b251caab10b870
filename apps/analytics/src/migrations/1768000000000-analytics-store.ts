import type { MigrationInterface, QueryRunner } from 'typeorm';

const METRICS = `impressions bigint NOT NULL DEFAULT 0, engagements bigint NOT NULL DEFAULT 0, clicks bigint NOT NULL DEFAULT 0,
  leads bigint NOT NULL DEFAULT 0, conversions bigint NOT NULL DEFAULT 0, revenue_cents bigint NOT NULL DEFAULT 0`;

/**
 * What analytics knows (campaigns and content learned from the bus), the raw events (partitioned by month of
 * `occurred_at`; partitions are made ahead and on demand by the service), the event-id dedupe set, the daily
 * rollups reports read, per-campaign running totals and the milestones they crossed, and export jobs.
 */
export class AnalyticsStore1768000000000 implements MigrationInterface {
  name = 'AnalyticsStore1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE analytics.campaigns (
      id text PRIMARY KEY, organization_id text NOT NULL, livemode boolean NOT NULL, agent_id text NOT NULL, name text,
      status text, starts_at timestamptz, ends_at timestamptz, budget_cents bigint, spent_cents bigint NOT NULL DEFAULT 0,
      per_item_cents bigint NOT NULL DEFAULT 0, generated_items integer NOT NULL DEFAULT 0,
      source_updated_at timestamptz NOT NULL, learned_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX campaigns_owner ON analytics.campaigns (organization_id, livemode, agent_id)`);
    await q.query(`CREATE TABLE analytics.content_items (
      id text PRIMARY KEY, organization_id text NOT NULL, livemode boolean NOT NULL, campaign_id text, agent_id text,
      platform text, language text, status text, generated_at timestamptz, published_at timestamptz)`);

    await q.query(`CREATE TABLE analytics.event_ids (
      organization_id text NOT NULL, livemode boolean NOT NULL, id text NOT NULL, received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organization_id, livemode, id))`);
    await q.query(`CREATE TABLE analytics.events (
      organization_id text NOT NULL, livemode boolean NOT NULL, id text NOT NULL, type text NOT NULL, campaign_id text NOT NULL,
      agent_id text, content_id text, platform text, language text, count integer NOT NULL, value_cents bigint NOT NULL,
      occurred_at timestamptz NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), metadata jsonb
    ) PARTITION BY RANGE (occurred_at)`);
    await q.query(`CREATE INDEX events_org_time ON analytics.events (organization_id, livemode, occurred_at)`);

    await q.query(`CREATE TABLE analytics.daily_rollups (
      organization_id text NOT NULL, livemode boolean NOT NULL, scope text NOT NULL CHECK (scope IN ('campaign', 'agent', 'organization')),
      scope_id text NOT NULL, day date NOT NULL, language text NOT NULL, platform text NOT NULL, ${METRICS},
      PRIMARY KEY (organization_id, livemode, scope, scope_id, day, language, platform))`);
    await q.query(`CREATE TABLE analytics.content_daily (
      organization_id text NOT NULL, livemode boolean NOT NULL, campaign_id text NOT NULL, agent_id text, content_id text NOT NULL,
      day date NOT NULL, platform text, ${METRICS}, PRIMARY KEY (organization_id, livemode, campaign_id, content_id, day))`);
    await q.query(`CREATE INDEX content_daily_org_day ON analytics.content_daily (organization_id, livemode, day)`);
    await q.query(`CREATE INDEX content_daily_agent_day ON analytics.content_daily (organization_id, livemode, agent_id, day)`);
    await q.query(`CREATE TABLE analytics.campaign_totals (
      campaign_id text PRIMARY KEY, organization_id text NOT NULL, livemode boolean NOT NULL, ${METRICS},
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE analytics.milestones (
      campaign_id text NOT NULL, metric text NOT NULL, threshold bigint NOT NULL, organization_id text NOT NULL,
      livemode boolean NOT NULL, value bigint NOT NULL, event_id text NOT NULL, reached_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (campaign_id, metric, threshold))`);

    await q.query(`CREATE TABLE analytics.jobs (
      id text PRIMARY KEY, organization_id text NOT NULL, livemode boolean NOT NULL, type text NOT NULL,
      status text NOT NULL CHECK (status IN ('queued', 'processing', 'done', 'error', 'cancelled')),
      input jsonb NOT NULL, context jsonb NOT NULL, progress integer NOT NULL DEFAULT 0, result jsonb, error jsonb,
      attempts integer NOT NULL DEFAULT 0, run_after timestamptz NOT NULL DEFAULT now(), lease_owner text, lease_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz, finished_at timestamptz)`);
    await q.query(`CREATE INDEX jobs_runnable ON analytics.jobs (run_after) WHERE status IN ('queued', 'processing')`);
    await q.query(`CREATE INDEX jobs_finished ON analytics.jobs (finished_at) WHERE finished_at IS NOT NULL`);
    await q.query(`CREATE TABLE analytics.settings (name text PRIMARY KEY, value text NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['settings', 'jobs', 'milestones', 'campaign_totals', 'content_daily', 'daily_rollups', 'events', 'event_ids', 'content_items', 'campaigns']) {
      await q.query(`DROP TABLE IF EXISTS analytics.${t} CASCADE`);
    }
  }
}
