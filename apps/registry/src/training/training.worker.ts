import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { OutboxWriter, PeriodicTask, SERVICE_LOGGER } from '@influgentic/messaging';
import { AgentsRepository } from '../agents/agents.repository';
import { trainAgent } from './style-profile';

/**
 * Runs the Agent Builder's asynchronous training. Due agents are claimed with SKIP LOCKED, so any number of replicas
 * share the work and an agent whose trainer crashed is picked up again (its row stays `training`).
 */
@Injectable()
export class TrainingWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask<number>;

  constructor(
    private readonly agents: AgentsRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(SERVICE_LOGGER) log: Logger,
  ) {
    this.task = new PeriodicTask('agent-training', Number(process.env.REGISTRY_TRAINING_POLL_MS ?? 250), () => this.runOnce(), log);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  /** Trains every due agent; returns how many were finished. */
  async runOnce(batch = 20): Promise<number> {
    return this.agents.transaction(async (m) => {
      const due = await this.agents.claimDueTraining(m, batch);
      for (const agent of due) {
        const result = trainAgent({
          name: agent.name, category: agent.category, persona_prompt: agent.persona_prompt ?? '',
          expertise_domains: agent.expertise_domains, target_audience: agent.target_audience ?? undefined,
          languages: agent.languages, use_cases: agent.use_cases, tone_modes: agent.tone_modes,
        });
        agent.updated_at = new Date();
        agent.train_after = null;
        if (result.ok) {
          agent.status = 'ready';
          agent.failure_reason = null;
          agent.style_profile = result.style_profile;
          agent.keywords = result.keywords;
          agent.capabilities = result.capabilities;
          agent.subcategories = result.subcategories;
          agent.headline = result.headline;
          agent.use_cases = result.use_cases;
          if (!agent.tone_modes.length) agent.tone_modes = result.style_profile.tone_modes;
        } else {
          agent.status = 'failed';
          agent.failure_reason = result.reason;
        }
        await this.agents.save(agent, m);
        await this.outbox.enqueue(m, {
          type: 'agent.build_complete', organizationId: agent.organization_id ?? '', livemode: agent.livemode,
          data: { agent_id: agent.id, name: agent.name, status: agent.status, failure_reason: agent.failure_reason, keywords: agent.keywords.slice(0, 10) },
        });
      }
      return due.length;
    });
  }
}
