import {
  ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy, type ValidationOptions,
} from 'class-validator';
import { CONTENT_STATUSES, MAX_HASHTAGS, PLATFORMS, type ContentStatus, type Platform } from './content';
import { ReadOnly } from './read-only';
import { subject } from './subjects';
import { IntFromQuery, IsPathId, MAX_PATH_ID_LENGTH } from './validation';

/**
 * The content workflow after generation: the queue, moderation, scheduling and publishing. Subjects mirror the HTTP
 * operations; the agent-scoped mirrors (`/v1/agents/{agent_id}/content/{content_id}/…`) use the same subjects with
 * `agent_id` and `content_id` in the path.
 */
export const ContentWorkflowSubjects = {
  list: subject('content.items.list.v1'),
  update: subject('content.items.update.v1'),
  remove: subject('content.items.delete.v1'),
  approve: subject('content.moderation.approve.v1'),
  reject: subject('content.moderation.reject.v1'),
  regenerate: subject('content.moderation.regenerate.v1'),
  mediaApprove: subject('content.moderation.media-approve.v1'),
  mediaReject: subject('content.moderation.media-reject.v1'),
  publish: subject('content.publishing.publish.v1'),
  publishStatus: subject('content.publishing.status.v1'),
  publishRetry: subject('content.publishing.retry.v1'),
  unpublish: subject('content.publishing.unpublish.v1'),
  /** The public page of a published post (no key: a published post is public by nature). */
  publishedPage: subject('content.publishing.page.v1'),
} as const;

/** RFC 3339 date-time with a zone, or a plain date (UTC midnight). */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

/** A real instant (2025-02-30 and 25:00 are refused), in the shapes `INSTANT` accepts. */
export function isRealInstant(value: unknown): boolean {
  if (typeof value !== 'string' || !INSTANT.test(value)) return false;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return false;
  const date = value.slice(0, 10);
  if (value.length === 10) return new Date(t).toISOString().slice(0, 10) === date;
  const [y, m, d] = date.split('-').map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() && !/T(2[4-9]|[3-9]\d)/.test(value);
}

function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'format',
    validator: {
      validate: (v: unknown) => v === null || v === undefined || isRealInstant(v),
      defaultMessage: (args) => `${args?.property} must be an ISO 8601 date-time with a time zone (e.g. 2025-01-01T09:00:00Z) or a date`,
    },
  }, options);
}

// ---------------------------------------------------------------------------------------------------------------
// The queue
// ---------------------------------------------------------------------------------------------------------------

/**
 * `GET /v1/content`: newest first. Date ranges follow Stripe's `created[gte]`/`created[lt]` as flat names:
 * `*_after` is inclusive, `*_before` exclusive; `scheduled_*` match only items that have a `scheduled_at`.
 */
export class ListContentQuery {
  @IsOptional() @IsIn(CONTENT_STATUSES) status?: ContentStatus;
  /** Filters: an id that names nothing finds nothing. */
  @IsOptional() @IsString() @MaxLength(MAX_PATH_ID_LENGTH) agent_id?: string;
  @IsOptional() @IsString() @MaxLength(MAX_PATH_ID_LENGTH) campaign_id?: string;
  @IsOptional() @IsIn(PLATFORMS) platform?: Platform;
  @IsOptional() @IsString() @IsInstant() created_after?: string;
  @IsOptional() @IsString() @IsInstant() created_before?: string;
  @IsOptional() @IsString() @IsInstant() scheduled_after?: string;
  @IsOptional() @IsString() @IsInstant() scheduled_before?: string;
  @IsOptional() @IntFromQuery() @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(512) cursor?: string;
}

/** One hashtag: `#` optional on input (it is added), letters, digits and underscores. */
const HASHTAG = /^#?[\p{L}\p{N}\p{M}_]{1,100}$/u;

/**
 * `PATCH /v1/content/{id}`: the text and the publishing time. Platform limits are checked again on the result.
 * Everything else a GET returned may be sent back unchanged (see `ReadOnly`).
 */
export class UpdateContentBody {
  @IsOptional() @IsString() @MaxLength(100_000) caption?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_HASHTAGS) @IsString({ each: true }) @Matches(HASHTAG, { each: true, message: 'each hashtag must be letters, digits or _ (with or without #)' })
  hashtags?: string[];
  @IsOptional() @IsString() @MaxLength(500) cta?: string | null;
  @IsOptional() @IsString() @MaxLength(100_000) body?: string;
  /** A future instant; on an approved item it schedules the post, null on a scheduled one cancels the schedule. */
  @IsOptional() @IsString() @IsInstant() scheduled_at?: string | null;
  @ReadOnly({ compare: true }) id?: unknown;
  @ReadOnly({ compare: true }) agent_id?: unknown;
  @ReadOnly({ compare: true }) campaign_id?: unknown;
  @ReadOnly({ compare: true }) content_type?: unknown;
  @ReadOnly({ compare: true }) format?: unknown;
  @ReadOnly({ compare: true }) platform?: unknown;
  @ReadOnly({ compare: true }) language?: unknown;
  @ReadOnly({ compare: true }) livemode?: unknown;
  @ReadOnly({ compare: true }) created_at?: unknown;
  @ReadOnly() status?: unknown;
  @ReadOnly() title?: unknown;
  @ReadOnly() disclosures?: unknown;
  @ReadOnly() variants?: unknown;
  @ReadOnly() selected_variant?: unknown;
  @ReadOnly() media?: unknown;
  @ReadOnly() published_at?: unknown;
  @ReadOnly() rejection_reason?: unknown;
  @ReadOnly() failure_reason?: unknown;
  @ReadOnly() compliance?: unknown;
  @ReadOnly() model?: unknown;
  @ReadOnly() tokens?: unknown;
  @ReadOnly() history?: unknown;
  @ReadOnly() updated_at?: unknown;
}

// ---------------------------------------------------------------------------------------------------------------
// Moderation and publishing
// ---------------------------------------------------------------------------------------------------------------

/** `/v1/agents/{agent_id}/content/{content_id}/…`: the item must belong to that agent. */
export class AgentContentItemParams {
  @IsPathId() agent_id!: string;
  @IsPathId() content_id!: string;
}

/** `/v1/content/{id}/media/{index}/…`: an index that names no media is a 404, like any path id. */
export class ContentMediaParams {
  @IsPathId() id!: string;
  @IsPathId() index!: string;
}

export class RejectContentBody {
  @IsOptional() @IsString() @MaxLength(1000) reason?: string | null;
}

export class ApproveContentBody {
  /** A note kept in the item's history. */
  @IsOptional() @IsString() @MaxLength(1000) reason?: string | null;
}

export class MediaDecisionBody {
  @IsOptional() @IsString() @MaxLength(1000) reason?: string | null;
}

export class PublishContentBody {
  /** When to publish; absent, null or past: now. */
  @IsOptional() @IsString() @IsInstant() at?: string | null;
}

/** `GET /v1/content/{id}/publish/status`. */
export interface PublishStatus {
  content_id: string;
  status: ContentStatus;
  platform: Platform | null;
  scheduled_at: string | null;
  attempts: number;
  last_error: string | null;
  post_id: string | null;
  post_url: string | null;
  published_at: string | null;
}

/** What the public page of a post shows. */
export interface PublishedPost {
  content_id: string;
  agent_id: string;
  platform: Platform | null;
  title: string | null;
  caption: string;
  body: string;
  post_id: string;
  published_at: string;
}

/** `DELETE /v1/content/{id}`. */
export interface ContentDeleted { id: string; deleted: true }
