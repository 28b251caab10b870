import { idempotencyTableMigration } from '@influgentic/messaging';

/** Idempotency-Key outcomes of ingestion and exports, recorded with their write. */
export const AnalyticsIdempotency1767900000000 = idempotencyTableMigration('analytics', 'AnalyticsIdempotency1767900000000');
