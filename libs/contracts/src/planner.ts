import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString,
  IsTimeZone, Matches, Max, MaxLength, Min, Validate, ValidateNested, ValidatorConstraint, type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { LANGUAGES } from './agents';
import { CONTENT_STATUSES, CONTENT_TYPES, ContentProductBody, PLATFORMS, type ContentFormat, type ContentStatus, type ContentType, type Platform } from './content';
import type { Job } from './jobs';
import { subject } from './subjects';
import { isTimeZoneName, TIME_ZONE_NAME } from './time-zone';
import { MAX_PATH_ID_LENGTH } from './validation';

// ---------------------------------------------------------------------------------------------------------------
// Calendar dates (YYYY-MM-DD, in a time zone)
// ---------------------------------------------------------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;


/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && d.getUTCFullYear() >= 1970;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The day it is now in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The Monday of the week `date` falls in. */
export function mondayOf(date: string): string {
  return addDays(date, -weekdayOf(date));
}

/** Days between two dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The zone the body names (UTC when it names a bad one: that is reported on its own field), or null when it names none. */
const timeZoneOf = (o: object): string | null => {
  const tz = (o as { timezone?: unknown }).timezone;
  if (tz === undefined || tz === null) return null;
  return isTimeZoneName(tz) ? tz : 'UTC';
};

/**
 * `week` of a week plan: a Monday, and not a past week in the plan's time zone (the current week may be planned: its
 * slots still ahead are generated, those already past are skipped).
 */
@ValidatorConstraint({ name: 'planWeek', async: false })
export class PlanWeekConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return planWeekProblem(value, timeZoneOf(args.object)) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return planWeekProblem(args.value, timeZoneOf(args.object)) ?? 'is invalid';
  }
}

/**
 * Why `week` cannot be planned, or null when it can. With `timeZone` null (the request names none, so the plan's zone
 * is the agent's, known only once the agent is read) only the date itself is judged; the service judges the rest in
 * the zone it settles on.
 */
export function planWeekProblem(value: unknown, timeZone: string | null, now: Date = new Date()): string | null {
  if (!isIsoDate(value)) return 'must be a date written YYYY-MM-DD';
  if (weekdayOf(value) !== 0) return `must be a Monday; ${value} is not (the Monday of its week is ${mondayOf(value)})`;
  if (timeZone === null) return null;
  const current = mondayOf(todayIn(timeZone, now));
  if (value < current) return `is a past week; the earliest week that can be planned is ${current} (${timeZone})`;
  if (daysBetween(current, value) > 366) return 'must be within a year from now';
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// POST /v1/content/generate-week
// ---------------------------------------------------------------------------------------------------------------

export const MAX_POSTS_PER_DAY = 5;

/**
 * A week of content for one agent: `7 × posts_per_day × platforms` items, each generated and scheduled at a local
 * posting time of its platform. Without `product` or `campaign_id` the posts are the agent's own (not sponsored) and
 * speak about the trending topics and the agent's field. A week already planned for the agent is not planned twice:
 * slots that already hold an item are skipped, unless `allow_duplicates` is true.
 */
export class GenerateWeekBody {
  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(MAX_PATH_ID_LENGTH) agent_id!: string;
  @IsDefined() @IsString() @Validate(PlanWeekConstraint) week!: string;
  @IsDefined() @IsInt() @Min(1) @Max(MAX_POSTS_PER_DAY) posts_per_day!: number;
  @IsDefined() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(PLATFORMS.length) @ArrayUnique() @IsIn(PLATFORMS, { each: true })
  platforms!: Platform[];
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(80, { each: true }) @Matches(/\S/, { each: true })
  trending_topics?: string[];
  /** Brand direction for the whole week ("education-led and premium"); shapes the tone and goes into every brief. */
  @IsOptional() @IsString() @MaxLength(1000) guidance?: string;
  /** Defaults to the agent's first language. */
  @IsOptional() @IsIn(LANGUAGES) target_language?: string;
  /** IANA name of the zone the posting times are local to; when absent, the agent's zone, or UTC if it has none. */
  @IsOptional() @IsString() @MaxLength(64) @Matches(TIME_ZONE_NAME) @IsTimeZone() timezone?: string;
  /** The types rotated through the week; a mix fitting the week when absent. */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(CONTENT_TYPES.length) @ArrayUnique() @IsIn(CONTENT_TYPES, { each: true })
  content_types?: ContentType[];
  /** A campaign of the agent whose product (and compliance mode, languages, budget) the week promotes. */
  @IsOptional() @IsString() @MaxLength(MAX_PATH_ID_LENGTH) campaign_id?: string;
  /** A product the week promotes (sponsored posts) when there is no campaign. */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ContentProductBody) product?: ContentProductBody;
  /** Plan every slot again even when the week already has items there. */
  @IsOptional() @IsBoolean() allow_duplicates?: boolean;
}

/** What a week plan job reports in `result` while it runs and when it ends. */
export interface WeekPlanResult {
  agent_id: string;
  week: string;
  timezone: string;
  /** Slots the plan generates (those already past or already filled are not counted). */
  items_total: number;
  items_done: number;
  items_failed: number;
  /** Slots left alone: already holding an item (a re-run) or already past. */
  items_skipped: number;
  content_ids: string[];
  failures: Array<{ slot: string; code: string; message: string }>;
}

export interface GenerateWeekAccepted {
  job: Job<WeekPlanResult>;
}

// ---------------------------------------------------------------------------------------------------------------
// GET /v1/content/calendar
// ---------------------------------------------------------------------------------------------------------------

/** Longest range one calendar request may span. */
export const MAX_CALENDAR_DAYS = 62;
/** Most items one calendar answer lists (days still count them all). */
export const MAX_CALENDAR_ITEMS = 1000;
/** Statuses the calendar shows: everything with a date that is not discarded or still being written. */
export const CALENDAR_STATUSES: readonly ContentStatus[] = CONTENT_STATUSES.filter((s) => !['generating', 'failed', 'rejected'].includes(s));

@ValidatorConstraint({ name: 'isoDate', async: false })
export class IsoDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isIsoDate(value);
  }

  defaultMessage(): string {
    return 'must be a date written YYYY-MM-DD';
  }
}

export class CalendarQuery {
  /** First day shown (inclusive); today in `timezone` when absent. */
  @IsOptional() @IsString() @Validate(IsoDateConstraint) from?: string;
  /** Last day shown (inclusive); `from` + 6 days when absent; at most 62 days after `from`. */
  @IsOptional() @IsString() @Validate(IsoDateConstraint) to?: string;
  @IsOptional() @IsString() @MaxLength(MAX_PATH_ID_LENGTH) agent_id?: string;
  @IsOptional() @IsIn(PLATFORMS) platform?: Platform;
  @IsOptional() @IsIn(CALENDAR_STATUSES) status?: ContentStatus;
  /** IANA zone the days are cut in; UTC when absent. */
  @IsOptional() @IsString() @MaxLength(64) @Matches(TIME_ZONE_NAME) @IsTimeZone() timezone?: string;
}

export interface CalendarEntry {
  id: string;
  agent_id: string;
  campaign_id: string | null;
  platform: Platform | null;
  content_type: ContentType;
  format: ContentFormat;
  language: string;
  status: ContentStatus;
  title: string | null;
  caption: string;
  /** When it goes out (or went out): `published_at` once published, else `scheduled_at`. */
  at: string;
  scheduled_at: string | null;
  published_at: string | null;
}

export interface CalendarDay {
  date: string;
  count: number;
  counts: Partial<Record<ContentStatus, number>>;
  items: CalendarEntry[];
}

export interface Calendar {
  from: string;
  to: string;
  timezone: string;
  total: number;
  /** True when more than MAX_CALENDAR_ITEMS items fell in the range: days count them all but list the first ones. */
  truncated: boolean;
  days: CalendarDay[];
}

export const PlannerSubjects = {
  generateWeek: subject('content.week.generate.v1'),
  calendar: subject('content.calendar.get.v1'),
} as const;
