import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  DomainError, newId, planWeekProblem, type GenerateWeekAccepted, type GenerateWeekBody, type RequestContext, type ResolvedAgent,
  type WeekPlanResult,
} from '@influgentic/contracts';
import { SERVICE_LOGGER, type IdempotentRun } from '@influgentic/messaging';
import type { GenerationProduct } from '../generation';
import { describeFailure } from '../generate/generation.errors';
import { GenerationService } from '../generate/generation.service';
import { PlatformClients } from '../generate/platform-clients';
import { ContentRepository, type PlannedItem } from '../items/content.repository';
import { JobRunner, JobStopped, type JobOutcome, type JobRun } from '../jobs/job-runner';
import { percent, toJob } from '../jobs/job.types';
import { JobsRepository } from '../jobs/jobs.repository';
import { planTimezone, planWeek, type PlannedSlot } from './planner';

export const WEEK_JOB = 'content.generate_week' as const;

/** Open week plans one organization (per mode) may have at once; more are refused until one ends. */
const MAX_OPEN_WEEK_JOBS = () => Number(process.env.CONTENT_MAX_OPEN_WEEK_JOBS ?? 5);

/** What a week plan job stores as its input: the validated body with its zone settled. */
export interface WeekPlanInput {
  agent_id: string;
  week: string;
  posts_per_day: number;
  platforms: GenerateWeekBody['platforms'];
  trending_topics: string[];
  guidance: string | null;
  target_language: string | null;
  timezone: string;
  content_types: GenerateWeekBody['content_types'] | null;
  campaign_id: string | null;
  product: GenerationProduct | null;
  allow_duplicates: boolean;
}

/** Refusals that will be the same for every remaining item: the job stops there instead of failing each in turn. */
const STOPS_THE_WEEK = new Set(['not_found', 'agent_not_ready', 'budget_exhausted', 'forbidden', 'unsupported_language', 'validation_error']);

const field = (name: string, code: string, message: string) => [{ field: name, code, message }];

/**
 * `POST /v1/content/generate-week`: checks the request cheaply (body, agent, campaign, language), queues one job and
 * answers 202 with it; the job plans the week (see planner.ts) and generates each item through the generation
 * service, reporting progress after each. Slots already filled (a re-run of the week, or a resumed job after a crash)
 * are skipped; `allow_duplicates` plans them again.
 */
@Injectable()
export class WeekPlanService implements OnModuleInit {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly runner: JobRunner,
    private readonly items: ContentRepository,
    private readonly clients: PlatformClients,
    private readonly generation: GenerationService,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.runner.register(WEEK_JOB, (run) => this.run(run));
  }

  async accept(ctx: RequestContext, body: GenerateWeekBody, keyed: IdempotentRun): Promise<GenerateWeekAccepted> {
    if (ctx.agentId && ctx.agentId !== body.agent_id) throw new DomainError('forbidden', `This request is narrowed to agent ${ctx.agentId}`);
    const agent = await this.clients.agent(ctx, body.agent_id);
    // The body's zone, else the agent's, else UTC; the week is judged in it (the body alone could not say "past").
    const timezone = planTimezone(body.timezone, agent.timezone);
    const weekProblem = planWeekProblem(body.week, timezone);
    if (weekProblem) throw DomainError.validation(field('week', 'invalid_week', weekProblem));
    if (agent.status === 'training' || agent.status === 'failed') {
      throw new DomainError('agent_not_ready', `Agent ${agent.id} is ${agent.status}; it can write once its status is ready`);
    }
    if (body.target_language && !agent.languages.includes(body.target_language)) {
      throw new DomainError('unsupported_language', `${agent.name} does not write in ${body.target_language}`,
        field('target_language', 'unsupported', `must be one of the agent's languages: ${agent.languages.join(', ')}`));
    }
    if (body.campaign_id) {
      const campaign = await this.clients.campaign(ctx, body.campaign_id);
      if (campaign.agent_id !== agent.id) throw DomainError.validation(field('campaign_id', 'agent_mismatch', `belongs to agent ${campaign.agent_id}, not ${agent.id}`));
    }
    if ((await this.jobs.countOpen(ctx, WEEK_JOB)) >= MAX_OPEN_WEEK_JOBS()) {
      throw new DomainError('conflict', `This organization already has ${MAX_OPEN_WEEK_JOBS()} week plans running; wait for one to finish or cancel one`);
    }

    const input: WeekPlanInput = {
      agent_id: agent.id, week: body.week, posts_per_day: body.posts_per_day, platforms: body.platforms,
      trending_topics: body.trending_topics ?? [], guidance: body.guidance?.trim() || null, target_language: body.target_language ?? null,
      timezone, content_types: body.content_types ?? null, campaign_id: body.campaign_id ?? null,
      product: body.product ? { ...body.product } : null, allow_duplicates: body.allow_duplicates ?? false,
    };
    const accepted = await keyed.commit(async (m) => {
      const { row } = await this.jobs.insert(m, {
        id: newId('job'), ctx, type: WEEK_JOB, agentId: agent.id, input: { ...input },
        result: emptyResult(input), dedupeKey: input.allow_duplicates ? null : `week:${agent.id}:${input.week}`,
      });
      return { job: toJob<WeekPlanResult>(row) };
    });
    this.runner.kick();
    return accepted;
  }

  /** The job: plan, skip what is filled, generate the rest one item at a time. */
  async run(run: JobRun): Promise<JobOutcome> {
    const { job, ctx } = run;
    const input = job.input as unknown as WeekPlanInput;
    const agent = await this.clients.agent(ctx, input.agent_id);
    const slots = planWeek({
      week: input.week, timezone: input.timezone, postsPerDay: input.posts_per_day, platforms: input.platforms,
      contentTypes: input.content_types ?? undefined, topics: input.trending_topics,
    });
    const existing = await this.items.plannedItems(ctx, agent.id, input.week);
    const state = await this.settle(job.id, slots, existing, input, new Date(job.created_at));
    const result: WeekPlanResult = {
      ...emptyResult(input), items_total: state.mine.length + state.todo.length, items_done: state.mine.length,
      items_skipped: state.skipped, content_ids: state.mine,
    };
    const report = () => run.report(percent(result.items_done + result.items_failed, result.items_total), { ...result });

    for (const slot of state.todo) {
      const product = input.product ?? (input.campaign_id ? undefined : organicBrief(agent, slot.topic));
      await report();
      try {
        const item = await this.generation.generatePlanned(ctx, {
          agentId: agent.id, campaignId: input.campaign_id, content_type: slot.content_type, format: slot.format, platform: slot.platform,
          language: input.target_language, product, sponsored: !!(input.product || input.campaign_id), scheduledAt: slot.at,
          plan: { job_id: job.id, week: input.week, slot: slot.key }, topic: slot.topic, guidance: input.guidance,
        });
        result.items_done++;
        result.content_ids.push(item.id);
      } catch (err) {
        // The service is stopping: the item failed with it and is written again when the job resumes.
        if (run.signal.reason instanceof JobStopped && run.signal.reason.reason === 'shutdown') throw run.signal.reason;
        const failure = describeFailure(err);
        result.items_failed++;
        result.failures.push({ slot: slot.key, code: failure.code, message: failure.message });
        if (STOPS_THE_WEEK.has(failure.code)) {
          this.log.warn({ job_id: job.id, code: failure.code }, 'week plan stopped: the remaining items would be refused too');
          return { result: { ...result }, error: { code: failure.code, message: `${failure.message} (after ${result.items_done} of ${result.items_total} items)` } };
        }
      }
    }
    if (result.items_total > 0 && result.items_done === 0) {
      return { result: { ...result }, error: { code: 'generation_failed', message: `none of the ${result.items_total} items could be generated` } };
    }
    return { result: { ...result } };
  }

  /**
   * Which slots still need an item. A slot holding a live item (not failed, rejected or deleted) of this job is done;
   * of another job it is skipped, unless the plan allows duplicates. An item of this job still `generating` was
   * left by an attempt that stopped (this worker holds the job's lease now): it fails, and its slot is written again.
   * Slots that were already past when the week was asked for are skipped.
   */
  private async settle(jobId: string, slots: PlannedSlot[], existing: PlannedItem[], input: WeekPlanInput, askedAt: Date) {
    const mine: string[] = [];
    const mineSlots = new Set<string>();
    const othersSlots = new Set<string>();
    for (const item of existing) {
      const live = item.status !== 'failed' && item.status !== 'rejected';
      if (item.job_id === jobId) {
        if (item.status === 'generating') {
          await this.items.fail(item.id, 'abandoned: the week plan resumed after an interruption');
        } else if (live) {
          mine.push(item.id);
          mineSlots.add(item.slot);
        }
      } else if (!input.allow_duplicates && live) {
        othersSlots.add(item.slot);
      }
    }
    const todo: PlannedSlot[] = [];
    let skipped = 0;
    for (const slot of slots) {
      if (mineSlots.has(slot.key)) continue;
      if (othersSlots.has(slot.key) || slot.at.getTime() <= askedAt.getTime()) skipped++;
      else todo.push(slot);
    }
    return { mine, todo, skipped };
  }
}

function emptyResult(input: WeekPlanInput): WeekPlanResult {
  return {
    agent_id: input.agent_id, week: input.week, timezone: input.timezone, items_total: 0, items_done: 0, items_failed: 0,
    items_skipped: 0, content_ids: [], failures: [],
  };
}

/**
 * The brief of an organic post (no product, no campaign): the slot's topic, else the agent's own field. Nothing is
 * promoted, so the posts are not ads.
 */
export function organicBrief(agent: ResolvedAgent, topic: string | null): GenerationProduct {
  const field = agent.expertise_domains.find((d) => d.trim()) ?? agent.category.replace(/_/g, ' ');
  return {
    name: topic ?? field, key_claims: [], target_use: field,
    ...(agent.target_audience ? { target_audience: agent.target_audience } : {}),
  };
}
