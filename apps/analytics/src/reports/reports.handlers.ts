import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AnalyticsSubjects, type AgentReportParams, type AnalyticsReportQuery, type CampaignReportParams, type RequestContext,
} from '@influgentic/contracts';
import { Caller } from '@influgentic/messaging';
import { ReportsService } from './reports.service';

/** NATS handlers: one call into the service each, with the command the gateway validated. */
@Controller()
export class ReportsHandlers {
  constructor(private readonly reports: ReportsService) {}

  @MessagePattern(AnalyticsSubjects.campaignReport)
  campaign(@Payload() cmd: CampaignReportParams & AnalyticsReportQuery, @Caller() ctx: RequestContext) {
    return this.reports.campaign(ctx, cmd.campaign_id, cmd);
  }

  @MessagePattern(AnalyticsSubjects.agentReport)
  agent(@Payload() cmd: AgentReportParams & AnalyticsReportQuery, @Caller() ctx: RequestContext) {
    return this.reports.agent(ctx, cmd.agent_id, cmd);
  }

  @MessagePattern(AnalyticsSubjects.overview)
  overview(@Payload() cmd: AnalyticsReportQuery, @Caller() ctx: RequestContext) {
    return this.reports.overview(ctx, cmd);
  }
}
