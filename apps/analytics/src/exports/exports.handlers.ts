import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AnalyticsSubjects, type CreateExportBody, type ExportDownloadParams, type ExportDownloadQuery, type JobIdParams, type RequestContext,
} from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { ExportsService } from './exports.service';

/** NATS handlers: one call into the service each, with the command the gateway validated. */
@Controller()
export class ExportsHandlers {
  constructor(private readonly exports: ExportsService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(AnalyticsSubjects.createExport)
  create(@Payload() cmd: CreateExportBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.exports.create(ctx, cmd, run.commit));
  }

  /** Asked by the gateway's download route before it streams the file. */
  @MessagePattern(AnalyticsSubjects.exportDownload)
  download(@Payload() cmd: ExportDownloadParams & ExportDownloadQuery, @Caller() ctx: RequestContext) {
    return this.exports.download(ctx, cmd.id, cmd);
  }

  /** `GET /v1/jobs/{id}` and its cancel reach here through the gateway's job routes when content has no such job. */
  @MessagePattern(AnalyticsSubjects.jobGet)
  job(@Payload() cmd: JobIdParams, @Caller() ctx: RequestContext) {
    return this.exports.get(ctx, cmd.id);
  }

  @MessagePattern(AnalyticsSubjects.jobCancel)
  cancel(@Payload() cmd: JobIdParams, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.exports.cancel(ctx, cmd.id, run.commit));
  }
}
