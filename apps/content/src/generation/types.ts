import type {
  CaptionStyle, ComplianceMode, ContentFormat, ContentLength, ContentType, Platform, StyleProfile,
} from '@influgentic/contracts';
import type { z } from 'zod';

/** The part of an agent that shapes its writing (a subset of the registry's AgentDetail). */
export interface GenerationPersona {
  id: string;
  name: string;
  category: string;
  persona_prompt: string | null;
  tone_modes: string[];
  expertise_domains: string[];
  style_profile: StyleProfile | null;
  languages: string[];
  target_audience?: string | null;
  headline?: string | null;
}

/** Product facts the piece may state. Everything here is the brand's own claim. */
export interface GenerationProduct {
  name: string;
  key_claims: string[];
  target_use: string;
  description?: string;
  key_features?: string[];
  target_audience?: string;
  price?: string;
  currency?: string;
  brand?: string;
  partner?: string;
  url?: string;
  promo_code?: string;
}

export interface GenerationRequest {
  agent: GenerationPersona;
  product: GenerationProduct;
  content_type: ContentType;
  format: ContentFormat;
  length: ContentLength;
  /** ISO 639-1. */
  language: string;
  platform: Platform | null;
  include_cta: boolean;
  /** Overrides the persona's first tone mode. */
  tone: string | null;
  compliance_mode: ComplianceMode;
  /** Paid or campaign content: needs an ad disclosure unless compliance is off. */
  sponsored: boolean;
  /** Same seed and inputs give the same offline output; a regenerate should pass a new seed. */
  seed: number | string;
  campaign_name?: string | null;
  /** Hook style for caption variants. */
  caption_style?: CaptionStyle | null;
  /** Day printed on press releases (YYYY-MM-DD); defaults to today (UTC). */
  date?: string;
  /** A trending topic the piece speaks to (week plans): named in the text and tagged. */
  topic?: string | null;
  /** The brand's direction for the piece ("education-led and premium"): sets the register when no tone is given. */
  guidance?: string | null;
}

export interface ContentSection {
  /** e.g. `hook`, `scene`, `pros`, `cons`, `verdict`, `post`, `question`, `answer_key`, `subject`. */
  kind: string;
  heading: string | null;
  text: string;
  /** Video scripts: where the scene sits on the timeline, in seconds. */
  timing?: { start: number; end: number };
}

/** What a generator produces before compliance and the final platform fit. */
export interface GeneratedContent {
  title: string | null;
  /** The full piece. */
  body: string;
  /** Ready-to-post text (CTA and hashtags included). */
  caption: string;
  hashtags: string[];
  cta: string | null;
  sections?: ContentSection[];
}

export interface GenerationUsage {
  inputTokens: number;
  outputTokens: number;
  /** `provider/model`, e.g. `builtin/template-v1`, `openai/gpt-4o-mini`. */
  model: string;
}

export interface GenerateOptions {
  signal?: AbortSignal;
}

/**
 * A streamed generation: iterate it for text chunks. `usage` and `result` settle once the stream has been read to
 * the end (or reject with the stream's error); reading them never triggers an unhandled rejection on its own.
 */
export interface TextStream extends AsyncIterable<string> {
  readonly usage: Promise<GenerationUsage>;
  /** The structured piece behind the streamed text. */
  readonly result: Promise<GeneratedContent>;
}

/**
 * A finished caption to write again in one style (caption variants): the facts it may use are the item's brief and
 * the caption itself; the result keeps its meaning, hashtags and (after `finalizeRewrite`) its disclosures and limits.
 */
export interface RewriteRequest {
  agent: GenerationPersona;
  product: GenerationProduct;
  content_type: ContentType;
  format: ContentFormat;
  platform: Platform | null;
  /** ISO 639-1, the caption's language. */
  language: string;
  tone: string | null;
  compliance_mode: ComplianceMode;
  sponsored: boolean;
  style: CaptionStyle;
  /** The caption as stored (disclosure line and hashtag block included). */
  caption: string;
  hashtags: string[];
  /** The item's call to action, when the caption still carries it. */
  cta: string | null;
  /** Same seed and inputs give the same offline rewrite. */
  seed: number | string;
}

export interface RewriteResult {
  /** The rewritten caption before compliance and the platform fit. */
  caption: string;
  usage: GenerationUsage;
}

/** The port every text generator implements: the offline template engine and the remote model adapters. */
export interface TextGenerator {
  /** `provider/model`. */
  readonly model: string;
  stream(request: GenerationRequest, options?: GenerateOptions): TextStream;
  generateObject<T>(request: GenerationRequest, schema: z.ZodType<T>, options?: GenerateOptions): Promise<{ object: T; usage: GenerationUsage }>;
  /** Writes `request.caption` again in `request.style`. */
  rewrite(request: RewriteRequest, options?: GenerateOptions): Promise<RewriteResult>;
}

/** Raised by generators; `code` maps onto the API's error codes. */
export class GenerationError extends Error {
  constructor(
    public readonly code:
      | 'timeout' | 'aborted' | 'rate_limited' | 'provider_error' | 'bad_response' | 'config_error' | 'unsupported_language',
    message: string,
    public readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GenerationError';
  }
}
