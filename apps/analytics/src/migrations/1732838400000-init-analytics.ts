import { messagingTablesMigration } from '@influgentic/messaging';

/** The analytics schema's outbox, inbox and dead letters. */
export const InitAnalytics1732838400000 = messagingTablesMigration('analytics', 'InitAnalytics1732838400000');
