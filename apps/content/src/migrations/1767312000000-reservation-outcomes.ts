import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How an item's spend hold ended when the ledger would not settle or release it: `void` with the ledger's reason
 * (the campaign was cancelled, the hold expired or no longer exists), and for holds still waiting on an unreachable
 * ledger the attempts made and when to try again (backoff), so nothing is retried forever on a fixed beat.
 */
export class ReservationOutcomes1767312000000 implements MigrationInterface {
  name = 'ReservationOutcomes1767312000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE content.content_items
        ADD COLUMN reservation_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN reservation_retry_at timestamptz,
        ADD COLUMN reservation_error text`);
    await q.query(`ALTER TABLE content.content_items DROP CONSTRAINT content_items_reservation`);
    await q.query(`
      ALTER TABLE content.content_items ADD CONSTRAINT content_items_reservation
        CHECK (reservation_state IS NULL OR reservation_state IN ('held', 'settled', 'released', 'void'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE content.content_items SET reservation_state = 'released' WHERE reservation_state = 'void'`);
    await q.query(`ALTER TABLE content.content_items DROP CONSTRAINT content_items_reservation`);
    await q.query(`
      ALTER TABLE content.content_items ADD CONSTRAINT content_items_reservation
        CHECK (reservation_state IS NULL OR reservation_state IN ('held', 'settled', 'released'))`);
    await q.query(`
      ALTER TABLE content.content_items
        DROP COLUMN reservation_attempts, DROP COLUMN reservation_retry_at, DROP COLUMN reservation_error`);
  }
}
