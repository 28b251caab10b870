import { Module } from '@nestjs/common';
import { ServiceInfraModule } from '@influgentic/messaging';
import { InitWebhooks1732838400000 } from './migrations/1732838400000-init-webhooks';
import { MessagingReliability1767398400000 } from './migrations/1767398400000-messaging-reliability';

export const WEBHOOKS_ENTITIES = [];
export const WEBHOOKS_MIGRATIONS = [InitWebhooks1732838400000, MessagingReliability1767398400000];

@Module({
  imports: [ServiceInfraModule.forService({ service: 'webhooks', entities: WEBHOOKS_ENTITIES, migrations: WEBHOOKS_MIGRATIONS })],
})
export class WebhooksModule {}
