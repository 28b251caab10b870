import { Module } from '@nestjs/common';
import { ServiceInfraModule } from '@influgentic/messaging';
import { InitContent1732838400000 } from './migrations/1732838400000-init-content';

export const CONTENT_ENTITIES = [];
export const CONTENT_MIGRATIONS = [InitContent1732838400000];

@Module({
  imports: [ServiceInfraModule.forService({ service: 'content', entities: CONTENT_ENTITIES, migrations: CONTENT_MIGRATIONS })],
})
export class ContentModule {}
