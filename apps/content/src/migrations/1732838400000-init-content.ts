import { messagingTablesMigration } from '@influgentic/messaging';

/** The content schema's outbox, inbox and dead letters. */
export const InitContent1732838400000 = messagingTablesMigration('content', 'InitContent1732838400000');
