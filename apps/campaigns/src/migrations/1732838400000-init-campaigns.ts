import { messagingTablesMigration } from '@influgentic/messaging';

/** The campaigns schema's outbox, inbox and dead letters. */
export const InitCampaigns1732838400000 = messagingTablesMigration('campaigns', 'InitCampaigns1732838400000');
