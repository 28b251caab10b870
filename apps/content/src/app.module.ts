import { Module } from '@nestjs/common';
import { ServiceInfraModule } from '@influgentic/messaging';
import { GenerationHandlers } from './generate/generation.handlers';
import { GenerationService } from './generate/generation.service';
import { GeneratorProvider } from './generate/generators';
import { PlatformClients } from './generate/platform-clients';
import { UnfinishedWorker } from './generate/unfinished.worker';
import { ContentItemEntity } from './items/content-item.entity';
import { ContentRepository } from './items/content.repository';
import { InitContent1732838400000 } from './migrations/1732838400000-init-content';
import { ContentItems1733097600000 } from './migrations/1733097600000-content-items';

export const CONTENT_ENTITIES = [ContentItemEntity];
export const CONTENT_MIGRATIONS = [InitContent1732838400000, ContentItems1733097600000];

@Module({
  imports: [ServiceInfraModule.forService({ service: 'content', entities: CONTENT_ENTITIES, migrations: CONTENT_MIGRATIONS })],
  controllers: [GenerationHandlers],
  providers: [ContentRepository, PlatformClients, GeneratorProvider, GenerationService, UnfinishedWorker],
})
export class ContentModule {}
