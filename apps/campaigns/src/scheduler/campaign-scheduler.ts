import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { OutboxWriter, PeriodicTask, SERVICE_LOGGER } from '@influgentic/messaging';
import type { CampaignEntity } from '../campaigns/campaign.entity';
import { applyTransition, type CampaignAction } from '../campaigns/campaign-state';
import { toEventData } from '../campaigns/campaign.view';
import { CampaignsRepository } from '../campaigns/campaigns.repository';

export interface SchedulerPass { started: number; completed: number; holdsReleased: number }

/**
 * Starts campaigns at `starts_at`, completes them at `ends_at`, and returns expired spend holds to their budgets.
 * It looks at the database, not at timers: every pass claims what is due with FOR UPDATE SKIP LOCKED, so any number
 * of replicas can run it (each row is moved by exactly one of them, and a moved row no longer matches), and after
 * downtime the first pass catches up on everything that fell due meanwhile.
 */
@Injectable()
export class CampaignScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask<SchedulerPass>;

  constructor(
    private readonly campaigns: CampaignsRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
  ) {
    this.task = new PeriodicTask('campaign-scheduler', Number(process.env.CAMPAIGNS_SCHEDULER_POLL_MS ?? 1000), () => this.runOnce(), log);
  }

  onApplicationBootstrap(): void {
    // The first pass runs at once: whatever fell due while no replica was running is caught up on start.
    if (process.env.CAMPAIGNS_SCHEDULER !== 'off') this.task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  /** One full pass: starts first, so a campaign whose whole window passed during downtime is started, then completed. */
  async runOnce(batch = 100): Promise<SchedulerPass> {
    const started = await this.drain(batch, (m) => this.campaigns.claimDueStarts(m, batch), 'start');
    const completed = await this.drain(batch, (m) => this.campaigns.claimDueCompletions(m, batch), 'complete');
    let holdsReleased = 0;
    for (;;) {
      const pass = await this.campaigns.transaction(async (m) => {
        const ids = await this.campaigns.claimCampaignsWithExpiredHolds(m, batch);
        let released = 0;
        for (const id of ids) released += (await this.campaigns.releaseHolds(m, id, 'expired', true)).released;
        return { claimed: ids.length, released };
      });
      holdsReleased += pass.released;
      if (pass.claimed < batch) break;
    }
    if (started || completed) this.log.info({ started, completed }, 'campaign scheduler moved campaigns');
    return { started, completed, holdsReleased };
  }

  /** Claims and moves batches until fewer than a full batch is due. */
  private async drain(batch: number, claim: (m: EntityManager) => Promise<CampaignEntity[]>, action: CampaignAction): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.campaigns.transaction(async (m) => {
        const due = await claim(m);
        for (const c of due) {
          const t = applyTransition(c, action, new Date());
          await this.campaigns.update(m, c.id, {
            status: c.status, started_at: c.started_at, paused_at: c.paused_at, completed_at: c.completed_at, updated_at: c.updated_at,
          });
          await this.outbox.enqueue(m, { type: t.event, organizationId: c.organization_id, livemode: c.livemode, data: toEventData(c) });
        }
        return due.length;
      });
      total += n;
      if (n < batch) return total;
    }
  }
}
