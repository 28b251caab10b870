import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContentItems1733097600000 implements MigrationInterface {
  name = 'ContentItems1733097600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE content.content_items (
        id text PRIMARY KEY,
        organization_id text NOT NULL,
        livemode boolean NOT NULL,
        agent_id text NOT NULL,
        campaign_id text,
        content_type text NOT NULL,
        format text NOT NULL,
        platform text,
        language text NOT NULL,
        length text NOT NULL,
        status text NOT NULL,
        title text,
        body text NOT NULL DEFAULT '',
        caption text NOT NULL DEFAULT '',
        hashtags text[] NOT NULL DEFAULT '{}',
        cta text,
        disclosures text[] NOT NULL DEFAULT '{}',
        sections jsonb,
        variants jsonb NOT NULL DEFAULT '[]',
        selected_variant integer,
        media jsonb NOT NULL DEFAULT '[]',
        compliance_mode text NOT NULL,
        compliance_flags jsonb NOT NULL DEFAULT '[]',
        review_reasons text[] NOT NULL DEFAULT '{}',
        -- The brief the piece was written from (product, tone, include_cta, seed), so it can be regenerated.
        brief jsonb NOT NULL,
        model text NOT NULL,
        tokens_input integer NOT NULL DEFAULT 0,
        tokens_output integer NOT NULL DEFAULT 0,
        latency_ms integer,
        session_id text,
        reservation_id text,
        reservation_state text,
        amount_cents integer,
        failure_reason text,
        rejection_reason text,
        scheduled_at timestamptz,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT content_items_status CHECK (status IN ('generating', 'pending_review', 'approved', 'scheduled', 'published', 'rejected', 'failed')),
        CONSTRAINT content_items_reservation CHECK (reservation_state IS NULL OR reservation_state IN ('held', 'settled', 'released'))
      )`);
    // The queue: an organization's items newest first, optionally narrowed by status, agent or campaign.
    await q.query(`CREATE INDEX content_items_org ON content.content_items (organization_id, livemode, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX content_items_org_status ON content.content_items (organization_id, livemode, status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX content_items_agent ON content.content_items (agent_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX content_items_campaign ON content.content_items (campaign_id, created_at DESC, id DESC) WHERE campaign_id IS NOT NULL`);
    // What the sweeper looks at: holds to settle or release, and generations that never finished.
    await q.query(`CREATE INDEX content_items_held ON content.content_items (updated_at) WHERE reservation_state = 'held'`);
    await q.query(`CREATE INDEX content_items_generating ON content.content_items (updated_at) WHERE status = 'generating'`);

    // Model choice per organization (agent_id '') or per agent; layered over the environment's. Never holds API keys.
    await q.query(`
      CREATE TABLE content.generation_settings (
        organization_id text NOT NULL,
        livemode boolean NOT NULL,
        agent_id text NOT NULL DEFAULT '',
        llm jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, livemode, agent_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS content.generation_settings`);
    await q.query(`DROP TABLE IF EXISTS content.content_items`);
  }
}
