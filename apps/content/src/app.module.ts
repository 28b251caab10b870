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
import { ContentWorkflow1767571200000 } from './migrations/1767571200000-content-workflow';
import { ContentItemsHandlers } from './items/content-items.handlers';
import { ContentItemsService } from './items/content-items.service';
import { ContentTransitions } from './items/content-transitions';
import { ModerationHandlers } from './moderation/moderation.handlers';
import { ModerationService } from './moderation/moderation.service';
import { PUBLISHER, publisherFromEnv } from './publishing/publisher';
import { PublishingHandlers } from './publishing/publishing.handlers';
import { PublishingService } from './publishing/publishing.service';
import { PublishScheduler } from './publishing/publish.scheduler';
import { Jobs1767657600000 } from './migrations/1767657600000-jobs';
import { ReviewLinks1767744000000 } from './migrations/1767744000000-review-links';
import { Media1767916800000 } from './migrations/1767916800000-media';
import { BulkBatchesService } from './media/bulk-batches.service';
import { ImageJobsService } from './media/image-jobs.service';
import { MediaFiles } from './media/media-files';
import { MediaHandlers } from './media/media.handlers';
import { MediaJobsRepository } from './media/media-jobs.repository';
import { VideoJobsService } from './media/video-jobs.service';
import { VideoRenderJob } from './media/video-render.job';
import { JobRunner } from './jobs/job-runner';
import { JobsHandlers } from './jobs/jobs.handlers';
import { JobsRepository } from './jobs/jobs.repository';
import { JobsService } from './jobs/jobs.service';
import { CalendarService } from './planner/calendar.service';
import { PlannerHandlers } from './planner/planner.handlers';
import { WeekPlanService } from './planner/week-plan.service';
import { ReviewLinksHandlers } from './review-links/review-links.handlers';
import { ReviewLinksRepository } from './review-links/review-links.repository';
import { ReviewLinksService } from './review-links/review-links.service';
import { VariantsHandlers } from './variants/variants.handlers';
import { VariantsService } from './variants/variants.service';
import { PUBLIC_REVIEW_SUBJECTS } from '@influgentic/contracts';
import { ContentWorkflowSubjects } from '@influgentic/contracts';

export const CONTENT_ENTITIES = [ContentItemEntity];
export const CONTENT_MIGRATIONS = [InitContent1732838400000, ContentItems1733097600000, ReservationOutcomes1767312000000, MessagingReliability1767398400000, ContentIdempotency1767484800000, ContentWorkflow1767571200000, Jobs1767657600000, ReviewLinks1767744000000, Media1767916800000];

@Module({
  imports: [ServiceInfraModule.forService({ service: 'content', entities: CONTENT_ENTITIES, migrations: CONTENT_MIGRATIONS, tenantFree: [...PUBLIC_REVIEW_SUBJECTS, ContentWorkflowSubjects.publishedPage] })],
  controllers: [GenerationHandlers, ContentItemsHandlers, ModerationHandlers, PublishingHandlers, VariantsHandlers, ReviewLinksHandlers, JobsHandlers, PlannerHandlers, MediaHandlers],
  providers: [
    ContentRepository, PlatformClients, GeneratorProvider, SpendHolds, GenerationService, UnfinishedWorker,
    ContentTransitions, ContentItemsService, ModerationService, PublishingService, PublishScheduler,
    { provide: PUBLISHER, useFactory: () => publisherFromEnv() },
    VariantsService, ReviewLinksRepository, ReviewLinksService,
    JobsRepository, JobRunner, JobsService, WeekPlanService, CalendarService,
    MediaFiles, MediaJobsRepository, VideoJobsService, VideoRenderJob, ImageJobsService, BulkBatchesService,
    { provide: IdempotencyStore, inject: [DataSource], useFactory: (ds: DataSource) => new IdempotencyStore(ds, 'content') },
  ],
})
export class ContentModule {}
