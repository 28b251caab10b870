import { idempotencyTableMigration } from '@influgentic/messaging';

/** Idempotency-Key records: which item a keyed generation is writing (its hold is keyed by that item). */
export const ContentIdempotency1767484800000 = idempotencyTableMigration('content', 'ContentIdempotency1767484800000');
