import { Module } from '@nestjs/common';
import { IdempotencyStore, ServiceInfraModule } from '@influgentic/messaging';
import { DataSource } from 'typeorm';
import { BusEventsConsumer } from './catalog/bus-events.consumer';
import { CampaignDirectory } from './catalog/campaign-directory';
import { CatalogRepository } from './catalog/catalog.repository';
import { IngestHandlers } from './ingest/ingest.handlers';
import { IngestRepository } from './ingest/ingest.repository';
import { IngestService } from './ingest/ingest.service';
import { InitAnalytics1732838400000 } from './migrations/1732838400000-init-analytics';
import { MessagingReliability1767398400000 } from './migrations/1767398400000-messaging-reliability';
import { AnalyticsIdempotency1767900000000 } from './migrations/1767900000000-analytics-idempotency';
import { AnalyticsStore1768000000000 } from './migrations/1768000000000-analytics-store';
import { ReportsHandlers } from './reports/reports.handlers';
import { ReportsRepository } from './reports/reports.repository';
import { ReportsService } from './reports/reports.service';
import { EventPartitions } from './store/partitions';
import { ExportJobsRepository } from './exports/export-jobs.repository';
import { ExportRunner } from './exports/export-runner';
import { ExportSecret } from './exports/export-secret';
import { ExportsHandlers } from './exports/exports.handlers';
import { ExportsService } from './exports/exports.service';

export const ANALYTICS_ENTITIES = [];
export const ANALYTICS_MIGRATIONS = [
  InitAnalytics1732838400000, MessagingReliability1767398400000, AnalyticsIdempotency1767900000000, AnalyticsStore1768000000000,
];

@Module({
  imports: [ServiceInfraModule.forService({ service: 'analytics', entities: ANALYTICS_ENTITIES, migrations: ANALYTICS_MIGRATIONS })],
  controllers: [IngestHandlers, ReportsHandlers, ExportsHandlers],
  providers: [
    CatalogRepository, CampaignDirectory, BusEventsConsumer, EventPartitions,
    IngestRepository, IngestService, ReportsRepository, ReportsService,
    ExportJobsRepository, ExportSecret, ExportRunner, ExportsService,
    { provide: IdempotencyStore, inject: [DataSource], useFactory: (ds: DataSource) => new IdempotencyStore(ds, 'analytics') },
  ],
})
export class AnalyticsModule {}
