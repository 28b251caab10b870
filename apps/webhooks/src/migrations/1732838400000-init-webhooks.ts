import { messagingTablesMigration } from '@influgentic/messaging';

/** The webhooks schema's outbox, inbox and dead letters. */
export const InitWebhooks1732838400000 = messagingTablesMigration('webhooks', 'InitWebhooks1732838400000');
