import { Type } from 'class-transformer';
import {
  IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { LANGUAGES } from './agents';
import { ContentProductBody, PLATFORMS, type ContentItem, type Platform } from './content';
import type { Job } from './jobs';
import { subject } from './subjects';
import { IsPathId, MAX_PATH_ID_LENGTH } from './validation';

// ---------------------------------------------------------------------------------------------------------------
// Media: POST /v1/content/video/generate, GET /v1/content/video/{id}/status, stop / continue,
// POST /v1/content/{id}/media (post images), POST /v1/content/bulk (CSV batches), GET /v1/content/bulk/{id}
// ---------------------------------------------------------------------------------------------------------------

export const MEDIA_ASPECT_RATIOS = ['9:16', '1:1', '16:9'] as const;
export type MediaAspectRatio = (typeof MEDIA_ASPECT_RATIOS)[number];

export const VIDEO_KINDS = ['short', 'reel'] as const;
export type VideoKind = (typeof VIDEO_KINDS)[number];

export const VIDEO_DURATION = { min: 5, max: 60, default: 8 } as const;

/** Platforms whose vertical videos are called shorts; every other platform's are reels (API.md, Content → Video). */
export function defaultVideoKind(platform: Platform): VideoKind {
  return platform === 'tiktok' || platform === 'youtube' ? 'short' : 'reel';
}

/** Credits one second of rendered video costs; a video is billed for whole seconds. */
export const VIDEO_CREDITS_PER_SECOND = 1;
/** Credits one post image costs. */
export const IMAGE_CREDITS = 1;

export function videoCredits(durationSeconds: number): number {
  return Math.ceil(durationSeconds) * VIDEO_CREDITS_PER_SECOND;
}

/** An espeak-ng voice name (e.g. `en-us`, `de`, `en-gb+f3`); the agent's language picks one when absent. */
const VOICE_NAME = /^[a-z]{2,3}(-[a-z0-9]{2,8})*(\+[a-z0-9]{1,12})?$/;

export class GenerateVideoBody {
  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(MAX_PATH_ID_LENGTH) agent_id!: string;
  @IsDefined() @IsIn(PLATFORMS) platform!: Platform;
  /** What the video shows; it heads the opening scene and briefs the script. */
  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(2000) @Matches(/\S/) scene_description!: string;
  @IsOptional() @IsInt() @Min(VIDEO_DURATION.min) @Max(VIDEO_DURATION.max) duration_seconds?: number;
  @IsOptional() @IsIn(MEDIA_ASPECT_RATIOS) aspect_ratio?: MediaAspectRatio;
  /** Defaults to `short` on tiktok and youtube, `reel` elsewhere. */
  @IsOptional() @IsIn(VIDEO_KINDS) type?: VideoKind;
  /** Defaults to the agent's first language (or the campaign's). */
  @IsOptional() @IsIn(LANGUAGES) language?: string;
  /** The voiceover to speak, as written; when absent the agent writes one from the scene and the product. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(5000) @Matches(/\S/) script?: string;
  @IsOptional() @IsString() @MaxLength(40) @Matches(VOICE_NAME, { message: 'must be an espeak-ng voice name such as en-us or de' }) voice?: string;
  /** A campaign of the agent: the video promotes its product and follows its compliance mode. */
  @IsOptional() @IsPathId() campaign_id?: string;
  /** What the video promotes when there is no campaign; without either, the video is the agent's own (not an ad). */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ContentProductBody) product?: ContentProductBody;
}

/** `POST /v1/content/{id}/media`: a post image for an item (its caption on a card in the agent's look). */
export class CreateMediaBody {
  @IsDefined() @IsIn(['image']) type!: 'image';
  /** Defaults to the platform's usual shape: 9:16 on tiktok, 16:9 on youtube, x and linkedin, else 1:1. */
  @IsOptional() @IsIn(MEDIA_ASPECT_RATIOS) aspect_ratio?: MediaAspectRatio;
}

export function defaultImageRatio(platform: Platform | null): MediaAspectRatio {
  if (platform === 'tiktok') return '9:16';
  if (platform === 'youtube' || platform === 'x' || platform === 'linkedin') return '16:9';
  return '1:1';
}

export function defaultVideoRatio(_platform: Platform): MediaAspectRatio {
  // Shorts and reels are vertical on every platform that has them.
  return '9:16';
}

/** Steps a media job goes through; `progress` follows them. */
export const MEDIA_STEPS = ['queued', 'script', 'speech', 'frames', 'encoding', 'storing', 'done'] as const;
export type MediaStep = (typeof MEDIA_STEPS)[number];

export interface MediaFileRef {
  url: string;
  content_type: string;
  bytes: number;
}

/** What a video job made (and, while it runs, how far it got). */
export interface VideoJobResult {
  content_id: string;
  step: MediaStep;
  aspect_ratio: MediaAspectRatio;
  duration_seconds: number | null;
  video_url: string | null;
  captions: { srt_url: string; vtt_url: string } | null;
  audio_url: string | null;
  thumbnail_url: string | null;
  /** Credits held for the render while it is queued or running; 0 once billed, stopped or failed. */
  credits_reserved: number;
  credits_billed: number;
  credits_refunded: number;
  voice: string | null;
  /** A remote video provider's id for the generation this render started (a retried attempt follows it, not a new one). */
  provider_job_id?: string | null;
  /** The file's own checks: measured duration, codec and size, read back from the file. */
  checks: { video_codec: string; audio_codec: string | null; width: number; height: number; bytes: number } | null;
}

export interface ImageJobResult {
  content_id: string;
  step: MediaStep;
  aspect_ratio: MediaAspectRatio;
  media_index: number | null;
  image_url: string | null;
  credits_reserved: number;
  credits_billed: number;
  credits_refunded: number;
}

export interface VideoGenerateAccepted {
  content: ContentItem;
  job: Job<VideoJobResult>;
}

export interface MediaJobAccepted {
  content: ContentItem;
  job: Job<ImageJobResult>;
}

/** `GET /v1/content/video/{id}/status`. */
export interface VideoStatus {
  id: string;
  content_id: string;
  job_id: string;
  status: Job['status'];
  progress: number;
  step: MediaStep;
  result: { video_url: string | null; duration_seconds: number | null; credits_billed: number; captions: VideoJobResult['captions']; audio_url: string | null; thumbnail_url: string | null };
  error: Job['error'];
}

export class VideoIdParams {
  /** The video's content id (`cnt_…`) or its job id (`job_…`). */
  @IsPathId() id!: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Bulk reels from a CSV
// ---------------------------------------------------------------------------------------------------------------

export const BULK_MAX_ROWS = 100;
/** A CSV of 100 scripts of 5,000 characters each, with room for the other columns. */
export const BULK_MAX_CSV_BYTES = 600_000;

export class BulkVideosBody {
  /** The agent every row speaks as, unless a row names its own `agent_id`. */
  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(MAX_PATH_ID_LENGTH) agent_id!: string;
  /** The CSV text: a header row naming `script` and `platform` (required) and optionally `voice`/`voice_id`,
   * `language`, `scene_description`, `duration_seconds`, `aspect_ratio`, `type`; then 1 to 100 rows. */
  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(BULK_MAX_CSV_BYTES) csv!: string;
  /** Platform for rows whose `platform` cell is empty. */
  @IsOptional() @IsIn(PLATFORMS) platform?: Platform;
  @IsOptional() @IsIn(MEDIA_ASPECT_RATIOS) aspect_ratio?: MediaAspectRatio;
  @IsOptional() @IsInt() @Min(VIDEO_DURATION.min) @Max(VIDEO_DURATION.max) duration_seconds?: number;
  @IsOptional() @IsPathId() campaign_id?: string;
}

/**
 * The other fields of a bulk batch when the CSV itself is the request body (`Content-Type: text/csv`, as
 * `curl --data-binary @reels.csv` sends it): they travel in the query string.
 */
export class BulkVideosQuery {
  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(MAX_PATH_ID_LENGTH) agent_id!: string;
  @IsOptional() @IsIn(PLATFORMS) platform?: Platform;
  @IsOptional() @IsIn(MEDIA_ASPECT_RATIOS) aspect_ratio?: MediaAspectRatio;
  @IsOptional() @Type(() => Number) @IsInt() @Min(VIDEO_DURATION.min) @Max(VIDEO_DURATION.max) duration_seconds?: number;
  @IsOptional() @IsPathId() campaign_id?: string;
}

export interface BulkRowResult {
  line: number;
  content_id: string;
  job_id: string;
  status: Job['status'];
  progress: number;
  video_url: string | null;
  error: Job['error'];
}

export interface BulkBatch {
  id: string;
  object: 'bulk_batch';
  agent_id: string;
  status: 'processing' | 'done' | 'error' | 'cancelled' | 'stopped';
  total_rows: number;
  rows_done: number;
  rows_failed: number;
  progress: number;
  rows: BulkRowResult[];
  created_at: string;
}

export class BulkIdParams {
  @IsPathId() id!: string;
}

export const MediaSubjects = {
  generateVideo: subject('content.video.generate.v1'),
  videoStatus: subject('content.video.status.v1'),
  stop: subject('content.video.stop.v1'),
  resume: subject('content.video.continue.v1'),
  createMedia: subject('content.media.create.v1'),
  bulkCreate: subject('content.bulk.create.v1'),
  bulkGet: subject('content.bulk.get.v1'),
} as const;

// ---------------------------------------------------------------------------------------------------------------
// GET /media/{organization}/{mode}/{content_id}/{file}?expires&sig[&name]: signed, expiring links to media files
// ---------------------------------------------------------------------------------------------------------------

export class MediaFileParams {
  @IsDefined() @IsString() @Matches(/^[a-z0-9_]{1,64}$/) organization!: string;
  @IsDefined() @IsIn(['live', 'test']) mode!: 'live' | 'test';
  @IsDefined() @IsString() @Matches(/^cnt_[0-9a-z]{10,40}$/) content_id!: string;
  @IsDefined() @IsString() @Matches(/^[a-z0-9][a-z0-9_.-]{0,80}$/) file!: string;
}

export class MediaFileQuery {
  /** Unix seconds after which the link no longer opens. */
  @IsDefined() @IsString() @Matches(/^\d{1,12}$/) expires!: string;
  /** Hex HMAC-SHA256 over the file's key, the expiry and the name. */
  @IsDefined() @IsString() @Matches(/^[0-9a-f]{64}$/) sig!: string;
  /** The file name offered to the browser; part of what is signed. */
  @IsOptional() @IsString() @MaxLength(255) name?: string;
}
