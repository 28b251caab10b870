import { Module } from '@nestjs/common';
import { IdempotencyStore, ServiceInfraModule } from '@influgentic/messaging';
import { DataSource } from 'typeorm';
import { AgentEntity } from './agents/agent.entity';
import { AgentsHandlers } from './agents/agents.handlers';
import { AgentsRepository } from './agents/agents.repository';
import { AgentsService } from './agents/agents.service';
import { TrainingWorker } from './training/training.worker';
import { CampaignEventsConsumer } from './agents/campaign-events.consumer';
import { AnalyticsEventsConsumer } from './agents/analytics-events.consumer';
import { InitRegistry1732838400000 } from './migrations/1732838400000-init-registry';
import { MessagingReliability1767398400000 } from './migrations/1767398400000-messaging-reliability';
import { RegistryIdempotency1767484800000 } from './migrations/1767484800000-registry-idempotency';
import { AgentTimezone1767830400000 } from './migrations/1767830400000-agent-timezone';

export const REGISTRY_ENTITIES = [AgentEntity];
export const REGISTRY_MIGRATIONS = [
  InitRegistry1732838400000, MessagingReliability1767398400000, RegistryIdempotency1767484800000, AgentTimezone1767830400000,
];

@Module({
  imports: [ServiceInfraModule.forService({ service: 'registry', entities: REGISTRY_ENTITIES, migrations: REGISTRY_MIGRATIONS })],
  controllers: [AgentsHandlers],
  providers: [
    AgentsRepository, AgentsService, TrainingWorker, CampaignEventsConsumer, AnalyticsEventsConsumer,
    { provide: IdempotencyStore, inject: [DataSource], useFactory: (ds: DataSource) => new IdempotencyStore(ds, 'registry') },
  ],
})
export class RegistryModule {}
