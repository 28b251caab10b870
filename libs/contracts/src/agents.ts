import {
  ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min,
} from 'class-validator';
import { PartialType } from '@nestjs/mapped-types';
import { ReadOnly } from './read-only';
import { IsTimeZoneName } from './time-zone';
import { IntFromQuery, IsPathId } from './validation';

export const AGENT_CATEGORIES = [
  'automotive', 'fashion_lifestyle', 'sustainable_fashion', 'beauty', 'fitness', 'food', 'travel', 'tech', 'finance',
  'gaming', 'health_wellness', 'home_living', 'parenting', 'sports', 'music', 'education', 'pets', 'entertainment',
] as const;
export type AgentCategory = (typeof AGENT_CATEGORIES)[number];

export const USE_CASES = [
  'product_launch', 'product_review', 'review', 'lead_gen', 'testimonial', 'trivia', 'brand_launch', 'collab_content',
] as const;
export type UseCase = (typeof USE_CASES)[number];

export const AGENT_TIERS = ['flagship', 'premium', 'standard', 'emerging'] as const;
export type AgentTier = (typeof AGENT_TIERS)[number];

export const AGENT_VISIBILITIES = ['private', 'public', 'marketplace'] as const;
export type AgentVisibility = (typeof AGENT_VISIBILITIES)[number];

export const AGENT_STATUSES = ['training', 'ready', 'available', 'failed'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export const AGENT_SORTS = ['reach', 'engagement', 'campaigns', 'rating'] as const;
export type AgentSort = (typeof AGENT_SORTS)[number];

export const TONE_MODES = [
  'luxury', 'editorial', 'conversational', 'expert', 'enthusiastic', 'expert_enthusiastic', 'playful', 'inspiring',
  'witty', 'calm', 'bold', 'educational', 'warm', 'technical', 'minimalist', 'energetic',
] as const;

/** ISO 639-1 codes the platform accepts. */
export const LANGUAGES = [
  'en', 'de', 'fr', 'es', 'hi', 'it', 'pt', 'nl', 'sv', 'no', 'da', 'fi', 'pl', 'cs', 'sk', 'hu', 'ro', 'bg', 'el',
  'tr', 'ru', 'uk', 'ar', 'he', 'fa', 'ur', 'bn', 'ta', 'te', 'mr', 'gu', 'kn', 'ml', 'pa', 'ja', 'zh', 'ko', 'th',
  'vi', 'id', 'ms', 'tl', 'sw', 'af', 'zu', 'hr', 'sr', 'sl', 'lt', 'lv', 'et', 'ga', 'is', 'ca', 'eu', 'gl',
] as const;

export class ListAgentsQuery {
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsIn(AGENT_CATEGORIES) category?: AgentCategory;
  @IsOptional() @IsIn(USE_CASES) use_case?: UseCase;
  @IsOptional() @IsIn(LANGUAGES) language?: string;
  @IsOptional() @IntFromQuery() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) min_reach?: number;
  @IsOptional() @IsIn(AGENT_TIERS) tier?: AgentTier;
  @IsOptional() @IsIn(AGENT_VISIBILITIES) visibility?: AgentVisibility;
  @IsOptional() @IsIn(AGENT_SORTS) sort?: AgentSort;
  @IsOptional() @IntFromQuery() @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(512) cursor?: string;
}

export class CreateAgentBody {
  @IsString() @IsNotEmpty() @MaxLength(80) @Matches(/\S/) name!: string;
  @IsIn(AGENT_CATEGORIES) category!: AgentCategory;
  @IsString() @IsNotEmpty() @MaxLength(20000) persona_prompt!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(100, { each: true }) expertise_domains?: string[];
  @IsOptional() @IsString() @MaxLength(200) target_audience?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(60) @ArrayUnique() @IsIn(LANGUAGES, { each: true }) languages?: string[];
  @IsOptional() @IsIn(AGENT_VISIBILITIES) visibility?: AgentVisibility;
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(USE_CASES, { each: true }) use_cases?: UseCase[];
  @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(40, { each: true }) tone_modes?: string[];
  /**
   * IANA name of the zone the agent posts from (`Asia/Tokyo`); the week planner's posting times are local to it when a
   * request names no zone. Null (or absent) means none: UTC.
   */
  @IsOptional() @IsTimeZoneName() timezone?: string | null;
}

/**
 * Merge-patch of an own agent: every builder field, each optional, with the same rules. The rest of what a GET
 * returned may be sent back unchanged (see `ReadOnly`).
 */
export class UpdateAgentBody extends PartialType(CreateAgentBody) {
  @ReadOnly({ compare: true }) id?: unknown;
  @ReadOnly({ compare: true }) organization_id?: unknown;
  @ReadOnly({ compare: true }) livemode?: unknown;
  @ReadOnly({ compare: true }) created_at?: unknown;
  @ReadOnly() subcategories?: unknown;
  @ReadOnly() reach?: unknown;
  @ReadOnly() engagement_rate?: unknown;
  @ReadOnly() total_campaigns?: unknown;
  @ReadOnly() rating?: unknown;
  @ReadOnly() tier?: unknown;
  @ReadOnly() status?: unknown;
  @ReadOnly() headline?: unknown;
  @ReadOnly() capabilities?: unknown;
  @ReadOnly() performance?: unknown;
  @ReadOnly() pricing?: unknown;
  @ReadOnly() style_profile?: unknown;
  @ReadOnly() failure_reason?: unknown;
  @ReadOnly() updated_at?: unknown;
}

export class AgentIdParams {
  @IsPathId() id!: string;
}

export interface AgentSummary {
  id: string; name: string; category: string; subcategories: string[]; use_cases: string[]; languages: string[];
  reach: number; engagement_rate: number; total_campaigns: number; rating: number; tier: AgentTier; status: AgentStatus;
  created_at: string;
}

export interface StyleProfile {
  tone_modes: string[]; keywords: string[]; sentence_length: 'short' | 'medium' | 'long'; emoji_level: 'none' | 'light' | 'heavy';
  formality: 'casual' | 'neutral' | 'formal'; signature_phrases: string[]; palette: string[];
}

export interface AgentDetail extends AgentSummary {
  headline: string; persona_prompt?: string; expertise_domains: string[]; target_audience: string | null;
  visibility: AgentVisibility; organization_id: string | null; livemode: boolean;
  /** IANA zone the agent posts from; null when it has none (plans then default to UTC). */
  timezone: string | null;
  capabilities: { content_types: string[]; languages: number; tone_modes: string[]; real_time_streaming: boolean };
  performance: { avg_engagement_rate: number; total_reach: number; campaigns_completed: number; avg_conversion_rate: number };
  pricing: { model: string; base_rate_usd: number; per_item_usd: number; included_in_plans: string[] };
  style_profile: StyleProfile | null; failure_reason: string | null; updated_at: string;
}

/** Internal reply to `registry.agents.resolve.v1`: everything another service needs to act with an agent. */
export type ResolvedAgent = Omit<AgentDetail, 'persona_prompt'> & { persona_prompt: string | null };
export class ResolveAgentBody {
  @IsPathId() agent_id!: string;
}

