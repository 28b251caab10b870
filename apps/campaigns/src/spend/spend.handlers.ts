import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CampaignSubjects, type RequestContext } from '@influgentic/contracts';
import { Caller } from '@influgentic/messaging';
import { SpendService } from './spend.service';

/** Internal NATS handlers for the content service: the body is the payload itself (no HTTP envelope). */
@Controller()
export class SpendHandlers {
  constructor(private readonly spend: SpendService) {}

  @MessagePattern(CampaignSubjects.reserve)
  reserve(@Payload() body: unknown, @Caller() ctx: RequestContext) {
    return this.spend.reserve(ctx, body);
  }

  @MessagePattern(CampaignSubjects.settle)
  settle(@Payload() body: unknown, @Caller() ctx: RequestContext) {
    return this.spend.settle(ctx, body);
  }

  @MessagePattern(CampaignSubjects.release)
  release(@Payload() body: unknown, @Caller() ctx: RequestContext) {
    return this.spend.release(ctx, body);
  }
}
