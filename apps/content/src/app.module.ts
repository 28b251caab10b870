import { Module } from '@nestjs/common';
import { IdempotencyStore, ServiceInfraModule } from '@influgentic/messaging';
import { DataSource } from 'typeorm';
import { GenerationHandlers } from './generate/generation.handlers';
import { GenerationService } from './generate/generation.service';
import { GeneratorProvider } from './generate/generators';
import { PlatformClients } from './generate/platform-clients';
import { SpendHolds } from './generate/spend-holds';
import { UnfinishedWorker } from './generate/unfinished.worker';
import { ContentItemEntity } from './items/content-item.entity';
import { ContentRepository } from './items/content.repository';
import { InitContent1732838400000 } from './migrations/1732838400000-init-content';
import { MessagingReliability1767398400000 } from './migrations/1767398400000-messaging-reliability';
import { ContentItems1733097600000 } from './migrations/1733097600000-content-items';
import { ReservationOutcomes1767312000000 } from './migrations/1767312000000-reservation-outcomes';
import { ContentIdempotency1767484800000 } from './migrations/1767484800000-content-idempotency';

export const CONTENT_ENTITIES = [ContentItemEntity];
export const CONTENT_MIGRATIONS = [InitContent1732838400000, ContentItems1733097600000, ReservationOutcomes1767312000000, MessagingReliability1767398400000, ContentIdempotency1767484800000];

@Module({
  imports: [ServiceInfraModule.forService({ service: 'content', entities: CONTENT_ENTITIES, migrations: CONTENT_MIGRATIONS })],
  controllers: [GenerationHandlers],
  providers: [
    ContentRepository, PlatformClients, GeneratorProvider, SpendHolds, GenerationService, UnfinishedWorker,
    { provide: IdempotencyStore, inject: [DataSource], useFactory: (ds: DataSource) => new IdempotencyStore(ds, 'content') },
  ],
})
export class ContentModule {}
