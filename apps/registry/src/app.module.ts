import { Module } from '@nestjs/common';
import { ServiceInfraModule } from '@influgentic/messaging';
import { AgentEntity } from './agents/agent.entity';
import { AgentsHandlers } from './agents/agents.handlers';
import { AgentsRepository } from './agents/agents.repository';
import { AgentsService } from './agents/agents.service';
import { TrainingWorker } from './training/training.worker';
import { CampaignEventsConsumer } from './agents/campaign-events.consumer';
import { InitRegistry1732838400000 } from './migrations/1732838400000-init-registry';

export const REGISTRY_ENTITIES = [AgentEntity];
export const REGISTRY_MIGRATIONS = [InitRegistry1732838400000];

@Module({
  imports: [ServiceInfraModule.forService({ service: 'registry', entities: REGISTRY_ENTITIES, migrations: REGISTRY_MIGRATIONS })],
  controllers: [AgentsHandlers],
  providers: [AgentsRepository, AgentsService, TrainingWorker, CampaignEventsConsumer],
})
export class RegistryModule {}
