import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUrl, Matches,
  MaxLength, Validate, ValidateIf, ValidateNested, ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface,
} from 'class-validator';
import { LANGUAGES } from './agents';
import { subject } from './subjects';
import { IsPathId } from './validation';

// ---------------------------------------------------------------------------------------------------------------
// Content types and formats
// ---------------------------------------------------------------------------------------------------------------

export const CONTENT_TYPES = [
  'product_review', 'product_launch', 'testimonial', 'lead_magnet', 'trivia', 'collab_content',
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** Formats that belong to one content type (the "native" formats of the contract table). */
export const NATIVE_FORMATS = {
  product_review: ['post', 'video_script', 'article'],
  product_launch: ['post', 'thread', 'press_release'],
  testimonial: ['quote', 'video_script', 'review'],
  lead_magnet: ['post', 'landing_copy', 'email'],
  trivia: ['question', 'quiz', 'thread'],
  collab_content: ['post', 'joint_announcement'],
} as const satisfies Record<ContentType, readonly string[]>;

/** Platform formats, allowed for every content type. */
export const PLATFORM_FORMATS = [
  'instagram_caption', 'tiktok_caption', 'x_post', 'linkedin_post', 'youtube_description', 'social_post', 'video_script',
] as const;
export type PlatformFormat = (typeof PLATFORM_FORMATS)[number];

export type NativeFormat = (typeof NATIVE_FORMATS)[ContentType][number];
export type ContentFormat = NativeFormat | PlatformFormat;

/** Every format name, each once. */
export const CONTENT_FORMATS: readonly ContentFormat[] = [
  ...new Set<ContentFormat>([...Object.values(NATIVE_FORMATS).flat(), ...PLATFORM_FORMATS]),
];

/** Formats a content type may be generated in: its native formats plus every platform format. */
export function allowedFormats(type: ContentType): ContentFormat[] {
  return [...new Set<ContentFormat>([...NATIVE_FORMATS[type], ...PLATFORM_FORMATS])];
}

/** True when `format` is valid for `type` per the contract table; unknown names are never allowed. */
export function isFormatAllowed(type: string, format: string): boolean {
  if (!(CONTENT_TYPES as readonly string[]).includes(type)) return false;
  return allowedFormats(type as ContentType).includes(format as ContentFormat);
}

export const LENGTHS = ['short', 'medium', 'long'] as const;
export type ContentLength = (typeof LENGTHS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Platforms and their limits
// ---------------------------------------------------------------------------------------------------------------

export const PLATFORMS = ['instagram', 'tiktok', 'x', 'linkedin', 'youtube', 'facebook', 'threads', 'blog', 'email'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface PlatformLimits {
  /** Hard ceiling for the posted text (caption/description/post), disclosure and hashtags included; null = none. */
  caption_max_chars: number | null;
  /** Ceiling for hashtags in one post; null = none enforced by the platform (we still cap at 30). */
  max_hashtags: number | null;
  /** How many hashtags the platform's own guidance suggests; generators aim for this. */
  recommended_hashtags: number;
  /** Ceiling for a title / subject line; null = no title on this platform. */
  title_max_chars: number | null;
  /** Per-post ceiling when a piece is split into a thread; null = threads are not native there. */
  thread_post_max_chars: number | null;
  /** X counts most CJK characters and emoji as two ("weighted" length); everything else counts code points. */
  counting: 'code_points' | 'x_weighted';
  /** Where the number comes from, for the people who maintain this table. */
  source: string;
}

/** Hard cap applied to hashtags on every platform (Instagram's documented maximum). */
export const MAX_HASHTAGS = 30;

export const PLATFORM_LIMITS: Record<Platform, PlatformLimits> = {
  instagram: {
    caption_max_chars: 2200, max_hashtags: 30, recommended_hashtags: 5, title_max_chars: null, thread_post_max_chars: null,
    counting: 'code_points', source: 'Instagram Help Center: captions up to 2,200 characters and at most 30 hashtags',
  },
  tiktok: {
    caption_max_chars: 2200, max_hashtags: 30, recommended_hashtags: 4, title_max_chars: null, thread_post_max_chars: null,
    counting: 'code_points', source: 'TikTok video caption limit of 2,200 characters (the contract keeps this value)',
  },
  x: {
    caption_max_chars: 280, max_hashtags: null, recommended_hashtags: 2, title_max_chars: null, thread_post_max_chars: 280,
    counting: 'x_weighted', source: 'X developer docs "Counting characters": 280 weighted characters for non-Premium accounts',
  },
  linkedin: {
    caption_max_chars: 3000, max_hashtags: null, recommended_hashtags: 3, title_max_chars: null, thread_post_max_chars: null,
    counting: 'code_points', source: 'LinkedIn Help: posts up to 3,000 characters',
  },
  youtube: {
    caption_max_chars: 5000, max_hashtags: 15, recommended_hashtags: 3, title_max_chars: 100, thread_post_max_chars: null,
    counting: 'code_points',
    source: 'YouTube Help: descriptions up to 5,000 characters, titles up to 100; the first 3 hashtags show above the title, '
      + 'over-tagging makes YouTube ignore them, so we stay at 15',
  },
  facebook: {
    caption_max_chars: 63206, max_hashtags: null, recommended_hashtags: 3, title_max_chars: null, thread_post_max_chars: null,
    counting: 'code_points', source: 'Facebook post text limit of 63,206 characters',
  },
  threads: {
    caption_max_chars: 500, max_hashtags: 1, recommended_hashtags: 1, title_max_chars: null, thread_post_max_chars: 500,
    counting: 'code_points', source: 'Threads: 500 characters per post and one topic tag per post',
  },
  blog: {
    caption_max_chars: null, max_hashtags: null, recommended_hashtags: 5, title_max_chars: 70, thread_post_max_chars: null,
    counting: 'code_points', source: 'No platform limit; titles kept to about 70 characters so search results do not cut them',
  },
  email: {
    caption_max_chars: null, max_hashtags: 0, recommended_hashtags: 0, title_max_chars: 78, thread_post_max_chars: null,
    counting: 'code_points', source: 'RFC 5322 recommends header lines of at most 78 characters; inboxes show less',
  },
};

/** Platform formats name their platform; a format-specific limit applies even when `platform` is not sent. */
export const FORMAT_PLATFORM: Partial<Record<ContentFormat, Platform>> = {
  instagram_caption: 'instagram', tiktok_caption: 'tiktok', x_post: 'x', linkedin_post: 'linkedin', youtube_description: 'youtube',
};

// ---------------------------------------------------------------------------------------------------------------
// Compliance and lifecycle
// ---------------------------------------------------------------------------------------------------------------

export const COMPLIANCE_MODES = ['standard', 'strict', 'off'] as const;
export type ComplianceMode = (typeof COMPLIANCE_MODES)[number];

export const CONTENT_STATUSES = [
  'generating', 'pending_review', 'approved', 'scheduled', 'published', 'rejected', 'failed', 'publish_failed',
] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

/**
 * Allowed status moves (API.md, Content, "Status machine"): regenerate returns an item to `generating`; unpublish
 * takes a scheduled, published or refused post back to `approved`. The content service's state module is the only
 * place that applies them, and its tests check it agrees with this table.
 */
export const CONTENT_TRANSITIONS: Record<ContentStatus, readonly ContentStatus[]> = {
  generating: ['pending_review', 'failed'],
  pending_review: ['approved', 'rejected', 'generating'],
  approved: ['scheduled', 'published', 'publish_failed', 'rejected', 'generating'],
  scheduled: ['published', 'publish_failed', 'approved', 'generating'],
  published: ['approved'],
  rejected: ['generating'],
  failed: ['generating'],
  publish_failed: ['published', 'publish_failed', 'scheduled', 'approved', 'generating'],
};

export const CAPTION_STYLES = ['story-led', 'question-led', 'cta-led', 'punchy'] as const;
export type CaptionStyle = (typeof CAPTION_STYLES)[number];

// ---------------------------------------------------------------------------------------------------------------
// Request body: POST /v1/agents/{agent_id}/content
// ---------------------------------------------------------------------------------------------------------------

/** Accepts `129` as well as `"€129"`; the generator prints it as given. */
const priceToString = ({ value }: { value: unknown }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value);

export class ContentProductBody {
  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(200) @Matches(/\S/) name!: string;
  @IsDefined() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(300, { each: true })
  key_claims!: string[];
  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(200) target_use!: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(300, { each: true })
  key_features?: string[];
  @IsOptional() @IsString() @MaxLength(200) target_audience?: string;
  @IsOptional() @Transform(priceToString) @IsString() @MaxLength(40) price?: string;
  /** ISO 4217 code, used when `price` is a bare number. */
  @IsOptional() @IsString() @Matches(/^[A-Z]{3}$/) currency?: string;
  @IsOptional() @IsString() @MaxLength(120) brand?: string;
  /** The other party of a collaboration (collab_content); defaults to the brand. */
  @IsOptional() @IsString() @MaxLength(120) partner?: string;
  @IsOptional() @IsString() @MaxLength(2048) @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) url?: string;
  @IsOptional() @IsString() @MaxLength(40) @Matches(/^[\p{L}\p{N}_-]+$/u) promo_code?: string;
}

@ValidatorConstraint({ name: 'formatNotAllowed', async: false })
class FormatAllowedForType implements ValidatorConstraintInterface {
  validate(format: unknown, args: ValidationArguments): boolean {
    const type = (args.object as { content_type?: unknown }).content_type;
    // An unknown content_type is reported on its own field; do not pile a second error on `format`.
    if (typeof type !== 'string' || !(CONTENT_TYPES as readonly string[]).includes(type)) return true;
    return typeof format === 'string' && isFormatAllowed(type, format);
  }

  defaultMessage(args: ValidationArguments): string {
    const type = (args.object as { content_type?: string }).content_type as ContentType;
    return `${args.property} is not a format of ${type}; use one of: ${allowedFormats(type).join(', ')}`;
  }
}

export class GenerateContentBody {
  @IsDefined() @IsIn(CONTENT_TYPES) content_type!: ContentType;
  /** Required unless `campaign_id` is given; then the campaign's product applies and these fields refine it. */
  @ValidateIf((o: { product?: unknown; campaign_id?: unknown }) => o.product !== undefined || !o.campaign_id)
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ContentProductBody) product?: ContentProductBody;
  @IsDefined() @IsIn(CONTENT_FORMATS) @Validate(FormatAllowedForType) format!: ContentFormat;
  @IsOptional() @IsIn(LENGTHS) length: ContentLength = 'medium';
  /** Defaults to the agent's first language when absent. */
  @IsOptional() @IsIn(LANGUAGES) language?: string;
  @IsOptional() @IsBoolean() include_cta: boolean = true;
  @IsOptional() @IsBoolean() stream: boolean = false;
  /** Any id a client copied; one that names no campaign of the caller is a 404. */
  @IsOptional() @IsPathId() campaign_id?: string | null;
  /** Defaults to the platform a platform format names (x_post → x), else none. */
  @IsOptional() @IsIn(PLATFORMS) platform?: Platform | null;
  /** Overrides the agent's default tone mode for this piece. */
  @IsOptional() @IsString() @MaxLength(40) @Matches(/^[\p{L}\p{N}_ -]+$/u) tone?: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Content item (response shape)
// ---------------------------------------------------------------------------------------------------------------

export interface ContentVariant { idx: number; style: CaptionStyle; caption: string; created_at: string }

export type ContentMediaType = 'image' | 'video' | 'audio' | 'captions';

/**
 * A file attached to an item. `url` is a signed link that expires (`url_expires_at`); reading the item again gives a
 * fresh one. `ai_generated` files carry IPTC DigitalSourceType `trainedAlgorithmicMedia` in their metadata.
 */
export interface ContentMedia {
  index: number; type: ContentMediaType; url: string | null; status: 'pending' | 'approved' | 'rejected'; prompt?: string | null;
  content_type?: string; bytes?: number; width?: number; height?: number; duration_seconds?: number; aspect_ratio?: string;
  url_expires_at?: string; ai_generated?: boolean; model?: string;
  /** Where the file lives in media storage; never shown (the view turns it into `url`). */
  key?: string;
}

export interface ContentItem {
  id: string;
  agent_id: string;
  campaign_id: string | null;
  content_type: ContentType;
  format: ContentFormat;
  platform: Platform | null;
  language: string;
  status: ContentStatus;
  title: string | null;
  /** The full piece (article, script, thread, email, post text). */
  body: string;
  /** Ready-to-post text: disclosure first, CTA, hashtags last; fits the platform's limits. */
  caption: string;
  hashtags: string[];
  cta: string | null;
  /** Labels the item carries, e.g. `#ad`, `AI-generated`. */
  disclosures: string[];
  variants: ContentVariant[];
  selected_variant: number | null;
  media: ContentMedia[];
  scheduled_at: string | null;
  published_at: string | null;
  rejection_reason?: string | null;
  /** Every status change and moderation decision, oldest first; on single-item answers (not in lists). */
  history?: ContentHistoryEntry[];
  /** Present on `failed` items: why generation stopped (provider error, cancelled by the client, …). */
  failure_reason?: string | null;
  /** What the compliance pass did; `review_reasons` lists why a human must look before it goes out. */
  compliance: ContentCompliance;
  model: string;
  tokens: number;
  livemode: boolean;
  created_at: string;
  updated_at: string;
}

/** Who made a decision about an item: an API key, a review link, or the platform itself (generation, scheduler). */
export interface ContentActor { kind: 'key' | 'review_link' | 'system'; id: string | null }

/** One entry of an item's history: a status change, or a decision that kept the status (per-media approve/reject). */
export interface ContentHistoryEntry {
  /** null for the item's creation. */
  from: ContentStatus | null;
  to: ContentStatus;
  action: string;
  actor: ContentActor;
  at: string;
  reason: string | null;
  /** Set on per-media decisions. */
  media_index?: number;
}

export interface ContentComplianceFlag {
  code: string;
  severity: 'warning' | 'review';
  action: 'rewritten' | 'removed' | 'labelled' | 'flagged';
  source: 'output' | 'product';
  excerpt: string;
  message: string;
}

export interface ContentCompliance {
  mode: ComplianceMode;
  review_reasons: string[];
  flags: ContentComplianceFlag[];
}

// ---------------------------------------------------------------------------------------------------------------
// Content service subjects and their payloads
// ---------------------------------------------------------------------------------------------------------------

/**
 * Content service subjects. `generate` answers with the finished item; the two `*Start` subjects open a live
 * session whose chunks travel on `Subjects.streamChunks(session_id)` (see ContentStreamMessage) and which stops when
 * anything is published on `Subjects.streamControl(session_id)`.
 */
export const ContentSubjects = {
  generate: subject('content.items.generate.v1'),
  get: subject('content.items.get.v1'),
  streamStart: subject('content.stream.start.v1'),
  campaignStreamStart: subject('content.campaign-stream.start.v1'),
} as const;

export class AgentContentParams {
  @IsPathId() agent_id!: string;
}

export class ContentIdParams {
  @IsPathId() id!: string;
}

/**
 * `POST /v1/campaigns/{id}/stream`: everything optional. Without overrides the campaign's next piece is the next
 * format of `config.output_formats` in the next of `config.languages`, in the content type the campaign type implies.
 */
export class CampaignStreamBody {
  @IsOptional() @IsIn(CONTENT_TYPES) content_type?: ContentType;
  @IsOptional() @IsIn(CONTENT_FORMATS) @Validate(FormatAllowedForType) format?: ContentFormat;
  @IsOptional() @IsIn(LENGTHS) length?: ContentLength;
  @IsOptional() @IsIn(LANGUAGES) language?: string;
  @IsOptional() @IsBoolean() include_cta?: boolean;
  @IsOptional() @IsIn(PLATFORMS) platform?: Platform | null;
  @IsOptional() @IsString() @MaxLength(40) @Matches(/^[\p{L}\p{N}_ -]+$/u) tone?: string | null;
}

/** What the gateway sends to open a live session: the HTTP parts plus the session id it already listens on. */
export class StreamSessionFields {
  @IsString() @Matches(/^sess_[a-z0-9]{26}$/) session_id!: string;
}

/** The answer to a `*Start` request, sent once the request is accepted and before the first chunk. */
export interface StreamStartReply {
  session_id: string;
  content_id: string;
  agent_id: string;
  /** The agent's display name (`agent` in the SSE `agent_start` event). */
  agent: string;
  model: string;
}

/**
 * Messages on `Subjects.streamChunks(session_id)`. Every message but `ping` carries `seq` (1, 2, 3, …) so the
 * gateway can put them in order and notice a loss; `complete` and `error` are final.
 */
export type ContentStreamMessage =
  | { type: 'chunk'; seq: number; texts: string[] }
  | { type: 'complete'; seq: number; content_id: string; tokens: number; latency_ms: number }
  | { type: 'error'; seq: number; code: string; message: string }
  | { type: 'ping' };
