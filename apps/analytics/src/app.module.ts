import { Module } from '@nestjs/common';
import { ServiceInfraModule } from '@influgentic/messaging';
import { InitAnalytics1732838400000 } from './migrations/1732838400000-init-analytics';
import { MessagingReliability1767398400000 } from './migrations/1767398400000-messaging-reliability';

export const ANALYTICS_ENTITIES = [];
export const ANALYTICS_MIGRATIONS = [InitAnalytics1732838400000, MessagingReliability1767398400000];

@Module({
  imports: [ServiceInfraModule.forService({ service: 'analytics', entities: ANALYTICS_ENTITIES, migrations: ANALYTICS_MIGRATIONS })],
})
export class AnalyticsModule {}
