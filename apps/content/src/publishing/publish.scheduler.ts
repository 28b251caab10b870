import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { PeriodicTask, SERVICE_LOGGER } from '@influgentic/messaging';
import { PublishingService } from './publishing.service';

const TICK_MS = () => Number(process.env.CONTENT_PUBLISH_TICK_MS ?? 5_000);

/**
 * Publishes scheduled items when their time comes. Safe with many replicas: each pass claims due rows with
 * SKIP LOCKED and a lease (see `PublishingService.runDue`), so a post goes out once and a dead replica's claim expires.
 */
@Injectable()
export class PublishScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask<number>;

  constructor(private readonly publishing: PublishingService, @Inject(SERVICE_LOGGER) log: Logger) {
    this.task = new PeriodicTask('content-publish', TICK_MS(), async () => {
      let total = 0;
      // Drain a backlog in batches within one tick.
      for (let n = await this.publishing.runDue(); n > 0; n = await this.publishing.runDue()) total += n;
      return total;
    }, log);
  }

  onApplicationBootstrap(): void {
    this.task.start(false);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  /** One pass now (tests, and a caller that just made something due). */
  tick(): Promise<number | undefined> {
    return this.task.tick();
  }
}
