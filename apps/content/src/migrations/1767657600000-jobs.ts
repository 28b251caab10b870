import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The jobs table (every asynchronous operation of the content service: week plans now, media later) and the indexes
 * the week planner and the calendar read content items by.
 */
export class Jobs1767657600000 implements MigrationInterface {
  name = 'Jobs1767657600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE content.jobs (
        id text PRIMARY KEY,
        organization_id text NOT NULL,
        livemode boolean NOT NULL,
        type text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'processing', 'done', 'error', 'cancelled')),
        agent_id text,
        input jsonb NOT NULL,
        -- Who asked (request id, key id): a worker acts in their name, and their request id reaches the logs.
        context jsonb NOT NULL,
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        result jsonb,
        error jsonb,
        -- One open job per key (e.g. the same week of the same agent): a repeat finds the running one.
        dedupe_key text,
        attempts integer NOT NULL DEFAULT 0,
        -- A queued job waits until then (a retry after a failed attempt backs off).
        run_after timestamptz NOT NULL DEFAULT now(),
        lease_owner text,
        lease_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    // What workers claim: queued jobs in order, and processing ones whose lease ran out.
    await q.query(`CREATE INDEX jobs_open ON content.jobs (run_after) WHERE status IN ('queued', 'processing')`);
    await q.query(`CREATE UNIQUE INDEX jobs_open_dedupe ON content.jobs (organization_id, livemode, dedupe_key)
      WHERE status IN ('queued', 'processing') AND dedupe_key IS NOT NULL`);
    await q.query(`CREATE INDEX jobs_org ON content.jobs (organization_id, livemode, created_at)`);
    // Items a week plan made, by the slot they fill (re-runs and resumed jobs skip filled slots).
    await q.query(`CREATE INDEX content_items_plan_week ON content.content_items (organization_id, livemode, agent_id, (brief->'plan'->>'week'))
      WHERE brief ? 'plan'`);
    // The calendar: items by the time they go (or went) out.
    await q.query(`CREATE INDEX content_items_calendar ON content.content_items (organization_id, livemode, (COALESCE(published_at, scheduled_at)))
      WHERE COALESCE(published_at, scheduled_at) IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS content.content_items_calendar');
    await q.query('DROP INDEX IF EXISTS content.content_items_plan_week');
    await q.query('DROP TABLE IF EXISTS content.jobs');
  }
}
