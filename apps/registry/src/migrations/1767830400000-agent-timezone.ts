import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The zone an agent posts from (an IANA name such as `Asia/Tokyo`, checked by the service), read by the week planner
 * when a request names none. Nullable without a default: adding it rewrites no rows, and null means "none" (UTC).
 */
export class AgentTimezone1767830400000 implements MigrationInterface {
  name = 'AgentTimezone1767830400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registry.agents ADD COLUMN IF NOT EXISTS timezone text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registry.agents DROP COLUMN IF EXISTS timezone`);
  }
}
