import { idempotencyTableMigration } from '@influgentic/messaging';

/** Idempotency-Key outcomes, written in the same transaction as the agent they answer for. */
export const RegistryIdempotency1767484800000 = idempotencyTableMigration('registry', 'RegistryIdempotency1767484800000');
