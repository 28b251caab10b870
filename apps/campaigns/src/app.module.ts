import { Module } from '@nestjs/common';
import { ServiceInfraModule } from '@influgentic/messaging';
import { InitCampaigns1732838400000 } from './migrations/1732838400000-init-campaigns';

export const CAMPAIGNS_ENTITIES = [];
export const CAMPAIGNS_MIGRATIONS = [InitCampaigns1732838400000];

@Module({
  imports: [ServiceInfraModule.forService({ service: 'campaigns', entities: CAMPAIGNS_ENTITIES, migrations: CAMPAIGNS_MIGRATIONS })],
})
export class CampaignsModule {}
