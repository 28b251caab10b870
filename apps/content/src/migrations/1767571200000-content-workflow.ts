import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workflow after generation: `publish_failed`, soft deletion (a repeated DELETE answers like the first), the
 * publication record (attempts, last error, post id and url, and the claim a publisher holds while it posts), and the
 * history of every transition and decision.
 */
export class ContentWorkflow1767571200000 implements MigrationInterface {
  name = 'ContentWorkflow1767571200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE content.content_items DROP CONSTRAINT content_items_status`);
    await q.query(`
      ALTER TABLE content.content_items ADD CONSTRAINT content_items_status CHECK (status IN
        ('generating', 'pending_review', 'approved', 'scheduled', 'published', 'rejected', 'failed', 'publish_failed'))`);
    await q.query(`
      ALTER TABLE content.content_items
        ADD COLUMN deleted_at timestamptz,
        ADD COLUMN publish_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN publish_error text,
        ADD COLUMN post_id text,
        ADD COLUMN post_url text,
        ADD COLUMN publish_claim text,
        ADD COLUMN publish_claim_until timestamptz`);
    // The scheduler's scan: due posts only, oldest slot first.
    await q.query(`CREATE INDEX content_items_due ON content.content_items (scheduled_at) WHERE status = 'scheduled' AND deleted_at IS NULL`);
    // The queue's scheduled range.
    await q.query(`CREATE INDEX content_items_org_scheduled ON content.content_items (organization_id, livemode, scheduled_at) WHERE scheduled_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE content.content_history (
        id bigserial PRIMARY KEY,
        content_id text NOT NULL REFERENCES content.content_items (id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        action text NOT NULL,
        actor_kind text NOT NULL CHECK (actor_kind IN ('key', 'review_link', 'system')),
        actor_id text,
        reason text,
        media_index integer,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX content_history_item ON content.content_history (content_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS content.content_history`);
    await q.query(`DROP INDEX IF EXISTS content.content_items_due`);
    await q.query(`DROP INDEX IF EXISTS content.content_items_org_scheduled`);
    await q.query(`UPDATE content.content_items SET status = 'approved' WHERE status = 'publish_failed'`);
    await q.query(`
      ALTER TABLE content.content_items DROP COLUMN deleted_at, DROP COLUMN publish_attempts, DROP COLUMN publish_error,
        DROP COLUMN post_id, DROP COLUMN post_url, DROP COLUMN publish_claim, DROP COLUMN publish_claim_until`);
    await q.query(`ALTER TABLE content.content_items DROP CONSTRAINT content_items_status`);
    await q.query(`
      ALTER TABLE content.content_items ADD CONSTRAINT content_items_status CHECK (status IN
        ('generating', 'pending_review', 'approved', 'scheduled', 'published', 'rejected', 'failed'))`);
  }
}
