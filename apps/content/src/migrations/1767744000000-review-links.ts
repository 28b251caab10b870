import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review links: an expiring, revocable URL through which someone without an account approves or rejects items. The
 * token is never stored, only its SHA-256; the link keeps the organization and mode it acts in and the items it
 * covers (a planned week is resolved to its items when the link is made).
 */
export class ReviewLinks1767744000000 implements MigrationInterface {
  name = 'ReviewLinks1767744000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE content.review_links (
        id text PRIMARY KEY,
        organization_id text NOT NULL,
        livemode boolean NOT NULL,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        content_ids text[] NOT NULL CHECK (cardinality(content_ids) BETWEEN 1 AND 100),
        agent_id text,
        week date,
        note text,
        created_by text,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX review_links_owner ON content.review_links (organization_id, livemode, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS content.review_links`);
  }
}
