// The week planner's choices and how a week-plan job's result reads.
import type { GenerateWeekParams, Job } from '@influgentic/sdk';
import { addDays, mondayOf, splitList } from './format';

export const MAX_POSTS_PER_DAY = 5;

export interface WeekPlanForm {
  agentId: string;
  week: string;
  postsPerDay: string;
  platforms: string[];
  /** Comma- or line-separated. */
  trendingTopics: string;
  guidance: string;
  /** Empty: the agent's first language. */
  language: string;
}

/** The Monday after this week: a plan of the current week would skip every slot already past. */
export function nextMonday(now: Date): string {
  return addDays(mondayOf(now), 7);
}

/** How many items the plan writes: one per day, per post slot, per platform. */
export function plannedItemCount(postsPerDay: number, platforms: number): number {
  return Number.isInteger(postsPerDay) && postsPerDay > 0 ? 7 * postsPerDay * platforms : 0;
}

export function toGenerateWeekParams(form: WeekPlanForm): GenerateWeekParams {
  const topics = splitList(form.trendingTopics);
  return {
    agent_id: form.agentId.trim(), week: form.week, posts_per_day: Number(form.postsPerDay),
    platforms: form.platforms as GenerateWeekParams['platforms'],
    ...(topics.length ? { trending_topics: topics } : {}),
    ...(form.guidance.trim() ? { guidance: form.guidance.trim() } : {}),
    ...(form.language ? { target_language: form.language as NonNullable<GenerateWeekParams['target_language']> } : {}),
  };
}

export interface WeekPlanProgress {
  total: number;
  done: number;
  failed: number;
  skipped: number;
  contentIds: string[];
  /** The zone the plan's times are in (the agent's unless the request named one). */
  timezone?: string;
  week?: string;
}

/** What a week-plan job has done so far, read defensively from its free-form `result`. */
export function weekPlanProgress(job: Pick<Job, 'result'>): WeekPlanProgress {
  const r = job.result ?? {};
  const count = (key: string) => (typeof r[key] === 'number' ? (r[key] as number) : 0);
  return {
    total: count('items_total'), done: count('items_done'), failed: count('items_failed'), skipped: count('items_skipped'),
    contentIds: Array.isArray(r.content_ids) ? r.content_ids.filter((id): id is string => typeof id === 'string') : [],
    ...(typeof r.timezone === 'string' ? { timezone: r.timezone } : {}),
    ...(typeof r.week === 'string' ? { week: r.week } : {}),
  };
}

export function jobSettled(status: string): boolean {
  return status !== 'queued' && status !== 'processing';
}
