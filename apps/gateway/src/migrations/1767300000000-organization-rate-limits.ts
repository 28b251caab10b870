import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Operator overrides of the plan's per-minute limits, per organization (`{ "read": 500 }`; NULL = the plan's). */
export class OrganizationRateLimits1767300000000 implements MigrationInterface {
  name = 'OrganizationRateLimits1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE gateway.organizations ADD COLUMN IF NOT EXISTS rate_limits jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE gateway.organizations DROP COLUMN IF EXISTS rate_limits`);
  }
}
