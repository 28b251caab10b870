import { idempotencyTableMigration } from '@influgentic/messaging';

/** Idempotency-Key outcomes, written in the same transaction as the campaign write they answer for. */
export const CampaignsIdempotency1767484800000 = idempotencyTableMigration('campaigns', 'CampaignsIdempotency1767484800000');
