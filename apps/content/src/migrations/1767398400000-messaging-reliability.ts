import { messagingReliabilityMigration } from '@influgentic/messaging';

/** Outbox leases, ordering per aggregate, parking and retention indexes; one dead letter per consumer and event. */
export const MessagingReliability1767398400000 = messagingReliabilityMigration('content', 'MessagingReliability1767398400000');
