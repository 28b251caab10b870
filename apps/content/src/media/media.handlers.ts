import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BulkIdParams, ContentIdParams, MediaSubjects, VideoIdParams, validateOrThrow, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { BulkBatchesService } from './bulk-batches.service';
import { ImageJobsService } from './image-jobs.service';
import { VideoJobsService } from './video-jobs.service';

/** NATS handlers of the media routes: one call into a service each; keyed writes record their outcome with the write. */
@Controller()
export class MediaHandlers {
  constructor(
    private readonly videos: VideoJobsService,
    private readonly images: ImageJobsService,
    private readonly bulk: BulkBatchesService,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @MessagePattern(MediaSubjects.generateVideo)
  generateVideo(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.videos.accept(ctx, req, run));
  }

  @MessagePattern(MediaSubjects.videoStatus)
  videoStatus(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.videos.status(ctx, validateOrThrow(VideoIdParams, req.params).id);
  }

  @MessagePattern(MediaSubjects.stop)
  stop(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.videos.stop(ctx, validateOrThrow(VideoIdParams, req.params).id, run.commit));
  }

  @MessagePattern(MediaSubjects.resume)
  resume(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.videos.resume(ctx, validateOrThrow(VideoIdParams, req.params).id, run.commit));
  }

  @MessagePattern(MediaSubjects.createMedia)
  createMedia(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.images.accept(ctx, validateOrThrow(ContentIdParams, req.params).id, req, run));
  }

  @MessagePattern(MediaSubjects.bulkCreate)
  bulkCreate(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.bulk.accept(ctx, req, run));
  }

  @MessagePattern(MediaSubjects.bulkGet)
  bulkGet(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.bulk.get(ctx, validateOrThrow(BulkIdParams, req.params).id);
  }
}
