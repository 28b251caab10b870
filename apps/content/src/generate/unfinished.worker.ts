import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { systemContext } from '@influgentic/contracts';
import { PeriodicTask, SERVICE_LOGGER } from '@influgentic/messaging';
import { ContentRepository } from '../items/content.repository';
import { PlatformClients } from './platform-clients';

const SWEEP_MS = () => Number(process.env.CONTENT_SWEEP_MS ?? 15_000);
/** A generation silent this long lost its replica (crash, kill -9); the longest model call is far shorter. */
const STALE_GENERATION_MS = () => Number(process.env.CONTENT_STALE_GENERATION_MS ?? 10 * 60_000);
const RETRY_HOLD_MS = () => Number(process.env.CONTENT_RETRY_HOLD_MS ?? 30_000);

/**
 * Finishes what a request could not: settles holds of stored items and releases holds of failed ones when the
 * campaigns service was unreachable at the time, and fails generations whose replica died. Rows are claimed with
 * SKIP LOCKED, so any number of replicas can run it.
 */
@Injectable()
export class UnfinishedWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask<number>;

  constructor(
    private readonly items: ContentRepository,
    private readonly clients: PlatformClients,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
  ) {
    this.task = new PeriodicTask('content-unfinished', SWEEP_MS(), () => this.runOnce(), log);
  }

  onApplicationBootstrap(): void {
    this.task.start(false);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  /** One pass; returns how many items were dealt with. */
  async runOnce(batch = 50): Promise<number> {
    return this.items.transaction(async (m) => {
      const rows = await this.items.claimUnfinished(m, STALE_GENERATION_MS(), RETRY_HOLD_MS(), batch);
      let done = 0;
      for (const row of rows) {
        const ctx = systemContext(row.organization_id, row.livemode, `sweep-${row.id}`);
        try {
          let status = row.status;
          if (status === 'generating') {
            await this.items.fail(row.id, 'abandoned: the generation stopped without finishing', m);
            status = 'failed';
          }
          if (row.reservation_state === 'held' && row.reservation_id) {
            if (status === 'failed') {
              await this.clients.release(ctx, row.reservation_id, 'generation did not finish');
              await this.items.setReservationState(row.id, 'released', m);
            } else {
              await this.clients.settle(ctx, row.reservation_id);
              await this.items.setReservationState(row.id, 'settled', m);
            }
          }
          done++;
        } catch (err) {
          // Try again after the retry delay.
          await this.items.touch(row.id, m);
          this.log.warn({ content_id: row.id, err: String(err) }, 'could not finish item; will retry');
        }
      }
      return done;
    });
  }
}
