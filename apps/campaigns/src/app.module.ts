import { Module } from '@nestjs/common';
import { IdempotencyStore, ServiceInfraModule } from '@influgentic/messaging';
import { DataSource } from 'typeorm';
import { CampaignEntity, SpendReservationEntity } from './campaigns/campaign.entity';
import { CampaignsHandlers } from './campaigns/campaigns.handlers';
import { CampaignsRepository } from './campaigns/campaigns.repository';
import { CampaignsService } from './campaigns/campaigns.service';
import { CAMPAIGN_PERFORMANCE, ZeroPerformanceSource } from './campaigns/performance';
import { InitCampaigns1732838400000 } from './migrations/1732838400000-init-campaigns';
import { MessagingReliability1767398400000 } from './migrations/1767398400000-messaging-reliability';
import { CampaignsAndLedger1733011200000 } from './migrations/1733011200000-campaigns-and-ledger';
import { CampaignsIdempotency1767484800000 } from './migrations/1767484800000-campaigns-idempotency';
import { AGENT_DIRECTORY, RegistryAgentDirectory } from './registry/agent-directory';
import { CampaignScheduler } from './scheduler/campaign-scheduler';
import { SpendHandlers } from './spend/spend.handlers';
import { SpendService } from './spend/spend.service';

export const CAMPAIGNS_ENTITIES = [CampaignEntity, SpendReservationEntity];
export const CAMPAIGNS_MIGRATIONS = [InitCampaigns1732838400000, CampaignsAndLedger1733011200000, MessagingReliability1767398400000, CampaignsIdempotency1767484800000];

@Module({
  imports: [ServiceInfraModule.forService({ service: 'campaigns', entities: CAMPAIGNS_ENTITIES, migrations: CAMPAIGNS_MIGRATIONS })],
  controllers: [CampaignsHandlers, SpendHandlers],
  providers: [
    CampaignsRepository, CampaignsService, SpendService, CampaignScheduler,
    { provide: IdempotencyStore, inject: [DataSource], useFactory: (ds: DataSource) => new IdempotencyStore(ds, 'campaigns') },
    { provide: AGENT_DIRECTORY, useClass: RegistryAgentDirectory },
    // Analytics is not asked yet: zeros until it is (see performance.ts).
    { provide: CAMPAIGN_PERFORMANCE, useClass: ZeroPerformanceSource },
  ],
})
export class CampaignsModule {}
