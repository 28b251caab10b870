import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesSql } from '@influgentic/messaging';

export class InitCampaigns1732838400000 implements MigrationInterface {
  name = 'InitCampaigns1732838400000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesSql('campaigns')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['dead_letters', 'inbox', 'outbox']) await q.query(`DROP TABLE IF EXISTS "campaigns".${table}`);
  }
}
