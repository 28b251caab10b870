import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min,
  Validate, ValidateIf, ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface,
} from 'class-validator';
import type { ContentFormat, ContentMedia, ContentStatus, Platform } from './content';
import { subject } from './subjects';
import { IsPathId, MAX_PATH_ID_LENGTH } from './validation';

// ---------------------------------------------------------------------------------------------------------------
// Review links: POST /v1/content/review-links, DELETE /v1/content/review-links/{id}, and the public page
// GET /review/{token} with POST /review/{token}/items/{content_id}/approve|reject
// ---------------------------------------------------------------------------------------------------------------

export const REVIEW_LINK_HOURS = { default: 72, max: 720 } as const;
export const REVIEW_LINK_MAX_ITEMS = 100;

export const ReviewLinkSubjects = {
  create: subject('content.review-links.create.v1'),
  revoke: subject('content.review-links.revoke.v1'),
  /**
   * The public page and its decisions carry no organization: the token is the credential, and the content service
   * resolves the organization and mode from its hash. These subjects are tenant-free on purpose.
   */
  page: subject('content.review.page.v1'),
  decide: subject('content.review.decide.v1'),
} as const;

export const PUBLIC_REVIEW_SUBJECTS: readonly string[] = [ReviewLinkSubjects.page, ReviewLinkSubjects.decide];

/** The token in a review URL: 32 random bytes, base64url (256 bits). */
export const REVIEW_TOKEN = /^[A-Za-z0-9_-]{43}$/;

const MONDAY = /^\d{4}-\d{2}-\d{2}$/;

@ValidatorConstraint({ name: 'monday', async: false })
class IsMonday implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !MONDAY.test(value)) return false;
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && d.getUTCDay() === 1;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a Monday written YYYY-MM-DD`;
  }
}

@ValidatorConstraint({ name: 'oneSelection', async: false })
class OneSelection implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    const o = args.object as { week?: unknown; agent_id?: unknown };
    return o.week === undefined && o.agent_id === undefined;
  }

  defaultMessage(): string {
    return 'name the items either with content_ids or with week + agent_id, not both';
  }
}

/** Either chosen items (`content_ids`) or an agent's planned week (`week` + `agent_id`, resolved when the link is made). */
export class CreateReviewLinkBody {
  @ValidateIf((o: { week?: unknown; agent_id?: unknown; content_ids?: unknown }) => o.content_ids !== undefined || (o.week === undefined && o.agent_id === undefined))
  @IsDefined() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(REVIEW_LINK_MAX_ITEMS) @ArrayUnique()
  @IsString({ each: true }) @MaxLength(MAX_PATH_ID_LENGTH, { each: true }) @Validate(OneSelection)
  content_ids?: string[];

  /** The Monday of the planned week (YYYY-MM-DD), in the agent's time zone. */
  @ValidateIf((o: { content_ids?: unknown }) => o.content_ids === undefined) @IsDefined() @IsString() @Validate(IsMonday)
  week?: string;

  @ValidateIf((o: { content_ids?: unknown }) => o.content_ids === undefined) @IsDefined() @IsPathId()
  agent_id?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(REVIEW_LINK_HOURS.max)
  expires_in_hours?: number;

  /** Shown to the reviewer at the top of the page. */
  @IsOptional() @IsString() @MaxLength(1000)
  note?: string | null;
}

export class ReviewLinkIdParams {
  @IsPathId() id!: string;
}

export class ReviewTokenParams {
  @IsPathId() token!: string;
}

export class ReviewDecisionParams {
  @IsPathId() token!: string;
  @IsPathId() content_id!: string;
}

/** From the page's form (`application/x-www-form-urlencoded`) or as JSON. */
export class ReviewDecisionBody {
  @IsOptional() @IsString() @MaxLength(2000)
  comment?: string | null;
}

export const REVIEW_DECISIONS = ['approve', 'reject'] as const;
export type ReviewDecisionKind = (typeof REVIEW_DECISIONS)[number];

/** What the gateway sends on the tenant-free subjects. */
export class ReviewPageRequest {
  @IsDefined() @IsString() @MaxLength(MAX_PATH_ID_LENGTH) token!: string;
}

export class ReviewDecideRequest extends ReviewPageRequest {
  @IsDefined() @IsString() @MaxLength(MAX_PATH_ID_LENGTH) content_id!: string;
  @IsDefined() @IsIn(REVIEW_DECISIONS) decision!: ReviewDecisionKind;
  @IsOptional() @IsString() @MaxLength(2000) comment?: string | null;
}

/** The answer of POST /v1/content/review-links (`url` is shown once: a replay of the request carries null). */
export interface ReviewLink {
  id: string;
  url: string | null;
  expires_at: string;
  content_ids: string[];
  agent_id: string | null;
  week: string | null;
  note: string | null;
  livemode: boolean;
  revoked_at: string | null;
  created_at: string;
}

/** One item as the reviewer sees it. */
export interface ReviewPageItem {
  id: string;
  agent_id: string;
  platform: Platform | null;
  format: ContentFormat;
  language: string;
  status: ContentStatus;
  title: string | null;
  caption: string;
  hashtags: string[];
  body: string;
  disclosures: string[];
  media: ContentMedia[];
  scheduled_at: string | null;
  rejection_reason: string | null;
}

export interface ReviewPage {
  link: { id: string; note: string | null; expires_at: string };
  items: ReviewPageItem[];
}

export interface ReviewDecisionResult {
  content_id: string;
  decision: ReviewDecisionKind;
  status: ContentStatus;
}

