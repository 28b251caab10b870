import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { systemContext } from '@influgentic/contracts';
import { PeriodicTask, SERVICE_LOGGER } from '@influgentic/messaging';
import { ContentRepository } from '../items/content.repository';
import { RETRY_HOLD_MS, SpendHolds } from './spend-holds';

const SWEEP_MS = () => Number(process.env.CONTENT_SWEEP_MS ?? 15_000);
/** A generation silent this long lost its replica (crash, kill -9); the longest model call is far shorter. */
const STALE_GENERATION_MS = () => Number(process.env.CONTENT_STALE_GENERATION_MS ?? 10 * 60_000);
/** How long one sweeper keeps the items it claimed from the others while it calls the ledger (above the call timeout). */
const CLAIM_LEASE_MS = () => Number(process.env.CONTENT_SWEEP_LEASE_MS ?? 60_000);

/**
 * Finishes what a request could not: fails generations whose replica died, then settles holds of stored items and
 * releases holds of failed ones that the campaigns service could not take at the time. Never holds a transaction or a
 * row lock across a call to another service: rows are claimed in one short statement (SKIP LOCKED plus a lease, so any
 * number of replicas share the work), the ledger is called, and each outcome is one write conditional on the item
 * still being held. A refusal for good ends the hold (void, with the reason); only an unreachable ledger is retried,
 * with backoff.
 */
@Injectable()
export class UnfinishedWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask<number>;

  constructor(
    private readonly items: ContentRepository,
    private readonly holds: SpendHolds,
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

  /** One pass; returns how many items were dealt with (failed, or their hold closed or voided). */
  async runOnce(batch = 50): Promise<number> {
    const abandoned = await this.items.failAbandoned(STALE_GENERATION_MS(), 'abandoned: the generation stopped without finishing', batch);
    if (abandoned.length) this.log.warn({ count: abandoned.length }, 'failed generations whose replica stopped');
    const rows = await this.items.claimOpenHolds(RETRY_HOLD_MS(), CLAIM_LEASE_MS(), batch);
    let closed = 0;
    for (const row of rows) {
      const ctx = systemContext(row.organization_id, row.livemode, `sweep-${row.id}`);
      const to = row.status === 'failed' ? 'released' : 'settled';
      const outcome = await this.holds.close(ctx, row, to, 'generation did not finish');
      if (outcome !== 'retry') closed++;
    }
    return abandoned.filter((id) => !rows.some((r) => r.id === id)).length + closed;
  }
}
