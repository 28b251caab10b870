import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  MediaSubjects, type BulkIdParams, type BulkVideosBody, type ContentIdParams, type CreateMediaBody, type GenerateVideoBody, type RequestContext,
  type VideoIdParams,
} from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { BulkBatchesService } from './bulk-batches.service';
import { ImageJobsService } from './image-jobs.service';
import { VideoJobsService } from './video-jobs.service';

/**
 * NATS handlers of the media routes: one call into a service each, with the command the gateway validated; keyed
 * writes record their outcome with the write.
 */
@Controller()
export class MediaHandlers {
  constructor(
    private readonly videos: VideoJobsService,
    private readonly images: ImageJobsService,
    private readonly bulk: BulkBatchesService,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @MessagePattern(MediaSubjects.generateVideo)
  generateVideo(@Payload() cmd: GenerateVideoBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.videos.accept(ctx, cmd, run));
  }

  @MessagePattern(MediaSubjects.videoStatus)
  videoStatus(@Payload() cmd: VideoIdParams, @Caller() ctx: RequestContext) {
    return this.videos.status(ctx, cmd.id);
  }

  @MessagePattern(MediaSubjects.stop)
  stop(@Payload() cmd: VideoIdParams, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.videos.stop(ctx, cmd.id, run.commit));
  }

  @MessagePattern(MediaSubjects.resume)
  resume(@Payload() cmd: VideoIdParams, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.videos.resume(ctx, cmd.id, run.commit));
  }

  @MessagePattern(MediaSubjects.createMedia)
  createMedia(@Payload() cmd: ContentIdParams & CreateMediaBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.images.accept(ctx, cmd.id, cmd, run));
  }

  /** A CSV upload arrives like the JSON body: the gateway puts the query's fields and the file (`csv`) together. */
  @MessagePattern(MediaSubjects.bulkCreate)
  bulkCreate(@Payload() cmd: BulkVideosBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.bulk.accept(ctx, cmd, run));
  }

  @MessagePattern(MediaSubjects.bulkGet)
  bulkGet(@Payload() cmd: BulkIdParams, @Caller() ctx: RequestContext) {
    return this.bulk.get(ctx, cmd.id);
  }
}
