import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AnalyticsSubjects, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { ExportsService } from './exports.service';

/** NATS handlers: one call into the service each. */
@Controller()
export class ExportsHandlers {
  constructor(private readonly exports: ExportsService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(AnalyticsSubjects.createExport)
  create(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.exports.create(ctx, req.body, run.commit));
  }

  @MessagePattern(AnalyticsSubjects.exportDownload)
  download(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.exports.download(ctx, req.params, req.query);
  }

  @MessagePattern(AnalyticsSubjects.jobGet)
  job(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.exports.get(ctx, req.params);
  }

  @MessagePattern(AnalyticsSubjects.jobCancel)
  cancel(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.exports.cancel(ctx, req.params, run.commit));
  }
}
