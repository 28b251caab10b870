import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesSql } from '@influgentic/messaging';

export class InitRegistry1732838400000 implements MigrationInterface {
  name = 'InitRegistry1732838400000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesSql('registry')) await q.query(sql);
    // Immutable wrapper so the search document can be a stored generated column.
    await q.query(`
      CREATE OR REPLACE FUNCTION registry.agent_search_doc(name text, headline text, category text, subcategories text[], expertise text[])
      RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('english', coalesce(name, '')), 'A')
            || setweight(to_tsvector('english', coalesce(headline, '') || ' ' || replace(coalesce(category, ''), '_', ' ')), 'B')
            || setweight(to_tsvector('english', array_to_string(coalesce(subcategories, '{}'), ' ') || ' ' || array_to_string(coalesce(expertise, '{}'), ' ')), 'C')
      $$`);
    await q.query(`
      CREATE TABLE registry.agents (
        id text PRIMARY KEY,
        organization_id text,
        livemode boolean NOT NULL DEFAULT true,
        name text NOT NULL,
        category text NOT NULL,
        subcategories text[] NOT NULL DEFAULT '{}',
        use_cases text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{en}',
        reach bigint NOT NULL DEFAULT 0,
        engagement_rate double precision NOT NULL DEFAULT 0,
        total_campaigns integer NOT NULL DEFAULT 0,
        rating real NOT NULL DEFAULT 0,
        tier text NOT NULL DEFAULT 'emerging',
        status text NOT NULL,
        headline text NOT NULL DEFAULT '',
        persona_prompt text,
        expertise_domains text[] NOT NULL DEFAULT '{}',
        target_audience text,
        tone_modes text[] NOT NULL DEFAULT '{}',
        visibility text NOT NULL DEFAULT 'private',
        capabilities jsonb NOT NULL DEFAULT '{}',
        performance jsonb NOT NULL DEFAULT '{}',
        pricing jsonb NOT NULL DEFAULT '{}',
        style_profile jsonb,
        keywords text[] NOT NULL DEFAULT '{}',
        failure_reason text,
        train_after timestamptz,
        search tsvector GENERATED ALWAYS AS (registry.agent_search_doc(name, headline, category, subcategories, expertise_domains)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    // Agent names are unique per organization and mode among live (not deleted) agents.
    await q.query(`CREATE UNIQUE INDEX agents_owner_name ON registry.agents (organization_id, livemode, lower(name)) WHERE deleted_at IS NULL AND organization_id IS NOT NULL`);
    await q.query(`CREATE INDEX agents_owner ON registry.agents (organization_id, livemode) WHERE deleted_at IS NULL AND organization_id IS NOT NULL`);
    await q.query(`CREATE INDEX agents_search ON registry.agents USING gin (search) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX agents_use_cases ON registry.agents USING gin (use_cases) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX agents_languages ON registry.agents USING gin (languages) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX agents_training ON registry.agents (train_after) WHERE status = 'training' AND deleted_at IS NULL`);
    // Keyset orders: one per sort, globally and within a category (the common filter).
    for (const col of ['reach', 'engagement_rate', 'total_campaigns', 'rating']) {
      await q.query(`CREATE INDEX agents_sort_${col} ON registry.agents (${col} DESC, id DESC) WHERE deleted_at IS NULL`);
      await q.query(`CREATE INDEX agents_cat_sort_${col} ON registry.agents (category, ${col} DESC, id DESC) WHERE deleted_at IS NULL`);
    }
    await q.query(`CREATE INDEX agents_tier_reach ON registry.agents (tier, reach DESC, id DESC) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS registry.agents`);
    await q.query(`DROP FUNCTION IF EXISTS registry.agent_search_doc`);
  }
}
