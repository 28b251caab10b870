import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AnalyticsSubjects, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller } from '@influgentic/messaging';
import { ReportsService } from './reports.service';

/** NATS handlers: one call into the service each. */
@Controller()
export class ReportsHandlers {
  constructor(private readonly reports: ReportsService) {}

  @MessagePattern(AnalyticsSubjects.campaignReport)
  campaign(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.reports.campaign(ctx, req.params, req.query);
  }

  @MessagePattern(AnalyticsSubjects.agentReport)
  agent(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.reports.agent(ctx, req.params, req.query);
  }

  @MessagePattern(AnalyticsSubjects.overview)
  overview(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.reports.overview(ctx, req.query);
  }
}
