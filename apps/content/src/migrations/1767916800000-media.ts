import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Media jobs: a job may be `stopped` (and continued), and bulk batches group one video job per CSV row.
 */
export class Media1767916800000 implements MigrationInterface {
  name = 'Media1767916800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE content.jobs DROP CONSTRAINT IF EXISTS jobs_status_check`);
    await q.query(`ALTER TABLE content.jobs ADD CONSTRAINT jobs_status_check CHECK (status IN ('queued', 'processing', 'done', 'error', 'cancelled', 'stopped'))`);
    await q.query(`
      CREATE TABLE content.media_batches (
        id text PRIMARY KEY,
        organization_id text NOT NULL,
        livemode boolean NOT NULL,
        agent_id text NOT NULL,
        total_rows integer NOT NULL CHECK (total_rows BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A batch's rows are its jobs, read by the batch id they carry.
    await q.query(`CREATE INDEX jobs_batch ON content.jobs ((input->>'batch_id')) WHERE input ? 'batch_id'`);
    // A video's status is read by its content id.
    await q.query(`CREATE INDEX jobs_content ON content.jobs ((input->>'content_id')) WHERE input ? 'content_id'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS content.jobs_content');
    await q.query('DROP INDEX IF EXISTS content.jobs_batch');
    await q.query('DROP TABLE IF EXISTS content.media_batches');
    await q.query(`ALTER TABLE content.jobs DROP CONSTRAINT IF EXISTS jobs_status_check`);
    await q.query(`ALTER TABLE content.jobs ADD CONSTRAINT jobs_status_check CHECK (status IN ('queued', 'processing', 'done', 'error', 'cancelled'))`);
  }
}
