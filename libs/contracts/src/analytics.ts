import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, Max,
  MaxLength, Min, ValidateBy, ValidateNested, type ValidationOptions,
} from 'class-validator';
import { LANGUAGES } from './agents';
import { PLATFORMS, type Platform } from './content';
import { subject } from './subjects';
import { IntFromQuery, IsMoney, IsPathId, MAX_PATH_ID_LENGTH } from './validation';

// ---------------------------------------------------------------------------------------------------------------
// Analytics (API.md, Analytics): ingestion, reports, milestones, exports
// ---------------------------------------------------------------------------------------------------------------

export const AnalyticsSubjects = {
  ingest: subject('analytics.events.ingest.v1'),
  campaignReport: subject('analytics.reports.campaign.v1'),
  agentReport: subject('analytics.reports.agent.v1'),
  overview: subject('analytics.reports.overview.v1'),
  createExport: subject('analytics.exports.create.v1'),
  /** Internal (gateway): checks a signed download link and names the file to serve. */
  exportDownload: subject('analytics.exports.download.v1'),
  /** Export jobs, read and cancelled through `/v1/jobs/{id}` (the gateway asks content first, then analytics). */
  jobGet: subject('analytics.jobs.get.v1'),
  jobCancel: subject('analytics.jobs.cancel.v1'),
} as const;

export const ANALYTICS_EVENT_TYPES = ['impression', 'engagement', 'click', 'lead', 'conversion'] as const;
export type AnalyticsEventType = (typeof ANALYTICS_EVENT_TYPES)[number];

export const MAX_EVENTS_PER_BATCH = 1000;
/** Clock skew tolerated on `occurred_at`; later than this ahead of the server's clock is refused. */
export const EVENT_FUTURE_TOLERANCE_MS = 15 * 60_000;
/** Events older than this are refused (raw partitions are made on demand, so the past must be bounded). */
export const MAX_EVENT_AGE_DAYS = 730;
/** Longest report period (dense day timeseries). */
export const MAX_REPORT_DAYS = 366;
export const REPORT_GRANULARITIES = ['day'] as const;
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** A signed download link lives this long after the export finished. */
export const EXPORT_LINK_TTL_MS = 3_600_000;

/** Per campaign, each fires `analytics.milestone_reached` once when the running total reaches it. */
export const MILESTONES = { impressions: [10_000, 100_000, 1_000_000], leads: [100, 1_000, 10_000] } as const;
export type MilestoneMetric = keyof typeof MILESTONES;

const EVENT_ID = /^[\x21-\x7e]{1,255}$/;
/** RFC 3339 date-time with a zone (a bare local time is ambiguous across clients). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that exists (2025-02-30 does not). */
export function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/** `occurred_at` must exist, be no later than the tolerated skew ahead and no older than MAX_EVENT_AGE_DAYS. */
export function eventTimeProblem(value: string, now = Date.now()): { code: string; message: string } | null {
  if (!DATE_TIME.test(value) || !isRealDate(value.slice(0, 10)) || /T(2[4-9]|[3-9]\d)/.test(value)) {
    return { code: 'format', message: 'must be an ISO 8601 date-time with a time zone (e.g. 2025-01-01T09:00:00Z)' };
  }
  const t = Date.parse(value);
  if (Number.isNaN(t)) return { code: 'format', message: 'is not a real date and time' };
  if (t > now + EVENT_FUTURE_TOLERANCE_MS) return { code: 'future', message: 'must not be in the future' };
  if (t < now - MAX_EVENT_AGE_DAYS * 86_400_000) return { code: 'too_old', message: `must be within the last ${MAX_EVENT_AGE_DAYS} days` };
  return null;
}

/** One decorator per way `occurred_at` can be wrong, so each refusal carries its own code (format, future, too_old). */
const eventTimeCheck = (name: string, code: string) => (options?: ValidationOptions) => ValidateBy({
  name,
  validator: {
    validate: (v: unknown) => typeof v !== 'string' || eventTimeProblem(v)?.code !== code,
    defaultMessage: (args) => `${args?.property} ${eventTimeProblem(String(args?.value))?.message ?? 'is invalid'}`,
  },
}, options);
const IsRealInstant = eventTimeCheck('realInstant', 'format');
const IsNotFuture = eventTimeCheck('future', 'future');
const IsNotTooOld = eventTimeCheck('tooOld', 'too_old');

/** YYYY-MM-DD that exists on the calendar (the pattern for the API document, the calendar check after it). */
const IsRealDate = (options?: ValidationOptions): PropertyDecorator => (target: object, key: string | symbol) => {
  Matches(DATE, { message: `${String(key)} must be a date (YYYY-MM-DD)` })(target, key);
  IsCalendarDate(options)(target, key);
};

const IsCalendarDate = (options?: ValidationOptions) => ValidateBy({
  name: 'calendarDate',
  validator: {
    validate: (v: unknown) => typeof v !== 'string' || isRealDate(v),
    defaultMessage: (args) => `${args?.property} must be a date (YYYY-MM-DD)`,
  },
}, options);

export const MAX_METADATA_KEYS = 20;

/** Small flat metadata (a lead's details): up to 20 keys, strings up to 500 characters, numbers or booleans. */
const IsFlatMetadata = (options?: ValidationOptions) => ValidateBy({
  name: 'flatMetadata',
  validator: {
    validate: (v: unknown) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return true;
      const entries = Object.entries(v);
      return entries.length <= MAX_METADATA_KEYS && entries.every(([k, x]) => k.length >= 1 && k.length <= 64
        && ((typeof x === 'string' && x.length <= 500) || (typeof x === 'number' && Number.isFinite(x)) || typeof x === 'boolean'));
    },
    defaultMessage: (args) => `${args?.property} must hold at most ${MAX_METADATA_KEYS} keys (1–64 characters) with strings up to 500 characters, numbers or booleans`,
  },
}, options);

/** One measured event. */
export class IngestEventBody {
  /** Idempotency per organization and mode: an id seen before is counted as a duplicate. Generated when absent. */
  @IsOptional() @IsString() @Matches(EVENT_ID, { message: 'id must be 1–255 printable ASCII characters without spaces' }) id?: string;
  @IsDefined() @IsIn(ANALYTICS_EVENT_TYPES) type!: AnalyticsEventType;
  /** Any id a client copied: one that names no campaign of the caller is refused by the service (422), not by shape. */
  @IsDefined() @IsString() @MaxLength(MAX_PATH_ID_LENGTH) campaign_id!: string;
  @IsOptional() @IsString() @MaxLength(MAX_PATH_ID_LENGTH) content_id?: string;
  /** Defaults to the campaign's agent; another agent is refused. */
  @IsOptional() @IsString() @MaxLength(MAX_PATH_ID_LENGTH) agent_id?: string;
  @IsOptional() @IsIn(PLATFORMS) platform?: Platform;
  @IsOptional() @IsIn(LANGUAGES) language?: string;
  /** How many of this event the record stands for (an hourly impression count, say). */
  @IsOptional() @IsInt() @Min(1) @Max(10_000_000) count?: number;
  /** Money the event is worth (a conversion's order value); summed into estimated revenue. */
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @IsMoney(2) @Min(0) @Max(1_000_000_000) value_usd?: number;
  /** Defaults to the time the server received it. */
  @IsOptional() @IsString() @Matches(DATE_TIME, { message: 'occurred_at must be an ISO 8601 date-time with a time zone' }) @IsRealInstant() @IsNotFuture() @IsNotTooOld()
  occurred_at?: string;
  /** A lead's details (name, email, form id …), passed on in `lead.captured`. */
  @IsOptional() @IsObject() @IsFlatMetadata() metadata?: Record<string, string | number | boolean>;
}

export class IngestEventsBody {
  @IsDefined() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_EVENTS_PER_BATCH)
  @ValidateNested({ each: true }) @Type(() => IngestEventBody)
  events!: IngestEventBody[];
}

export class AnalyticsReportQuery {
  /** First day (UTC), inclusive. Default: the campaign's start day, or 29 days before `end`. */
  @IsOptional() @IsString() @IsRealDate() start?: string;
  /** Last day (UTC), inclusive. Default: today. */
  @IsOptional() @IsString() @IsRealDate() end?: string;
  @IsOptional() @IsIn(REPORT_GRANULARITIES) granularity?: (typeof REPORT_GRANULARITIES)[number];
}

export class CampaignReportParams {
  @IsPathId() campaign_id!: string;
}

export class AgentReportParams {
  @IsPathId() agent_id!: string;
}

export class CreateExportBody {
  @IsDefined() @IsIn(EXPORT_FORMATS) format!: ExportFormat;
  @IsDefined() @IsString() @IsRealDate() start!: string;
  @IsDefined() @IsString() @IsRealDate() end!: string;
  @IsOptional() @IsString() @MaxLength(MAX_PATH_ID_LENGTH) campaign_id?: string;
}

export class ExportDownloadParams {
  @IsPathId() id!: string;
}

export class ExportDownloadQuery {
  @IsDefined() @IntFromQuery() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) expires!: number;
  @IsDefined() @IsString() @MaxLength(128) signature!: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------------------------

export interface IngestResult {
  /** New events stored and counted. */
  accepted: number;
  /** Events whose id was seen before (in an earlier call or earlier in this one): ignored. */
  duplicates: number;
}

export interface MetricCounts {
  impressions: number;
  engagements: number;
  clicks: number;
  leads: number;
  conversions: number;
}

export interface ReportSummary {
  total_impressions: number;
  total_engagements: number;
  total_clicks: number;
  /** engagements / impressions; null without impressions. */
  engagement_rate: number | null;
  /** clicks / impressions; null without impressions. */
  click_through_rate: number | null;
  leads_generated: number;
  conversions: number;
  /** conversions / leads; null without leads. */
  conversion_rate: number | null;
  /** Σ value_usd of the period's events. */
  estimated_revenue_usd: number;
  /** What the campaigns service billed so far (whole campaign lifetime, not only the period). */
  spend_usd: number;
  /** revenue / spend; null when nothing was spent. */
  roi_multiplier: number | null;
}

export interface TimeseriesPoint extends MetricCounts {
  date: string;
  revenue_usd: number;
}

export interface TopContentEntry extends MetricCounts {
  content_id: string;
  campaign_id: string;
  platform: string | null;
  engagement_rate: number | null;
}

export interface AnalyticsReport {
  campaign_id?: string;
  agent_id?: string;
  organization_id?: string;
  livemode: boolean;
  period: { start: string; end: string };
  granularity: 'day';
  summary: ReportSummary;
  breakdown_by_language: Record<string, MetricCounts>;
  breakdown_by_platform: Record<string, MetricCounts>;
  timeseries: TimeseriesPoint[];
  /** The period's best content items by impressions (up to 5). */
  top_content: TopContentEntry[];
}

export interface ExportJobResult {
  format: ExportFormat;
  rows: number;
  bytes: number;
  /** Relative to the gateway; needs the API key and expires at `expires_at`. */
  download_url: string | null;
  expires_at: string | null;
}

/** Reply to `exportDownload`: what the gateway streams. */
export interface ExportFile {
  file: string;
  filename: string;
  content_type: string;
  bytes: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Event data
// ---------------------------------------------------------------------------------------------------------------

export interface MilestoneReachedData {
  campaign_id: string;
  agent_id: string | null;
  metric: MilestoneMetric;
  threshold: number;
  /** The running total when the threshold was crossed. */
  value: number;
  reached_at: string;
}

export interface LeadCapturedData {
  event_id: string;
  campaign_id: string;
  agent_id: string | null;
  content_id: string | null;
  platform: string | null;
  language: string | null;
  count: number;
  value_usd: number;
  occurred_at: string;
  metadata: Record<string, string | number | boolean>;
}

/** Internal (`analytics.agent_performance`): what an agent's live campaigns added, for the registry's agent record. */
export interface AgentPerformanceData {
  agent_id: string;
  impressions: number;
  engagements: number;
  clicks: number;
  leads: number;
  conversions: number;
}
