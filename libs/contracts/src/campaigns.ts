import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional,
  IsString, IsUrl, Matches, Max, MaxLength, Min, Validate, ValidateNested, ValidatorConstraint, type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { LANGUAGES, USE_CASES, type UseCase } from './agents';
import { COMPLIANCE_MODES, CONTENT_FORMATS, type ComplianceMode, type ContentFormat } from './content';
import { ReadOnly } from './read-only';
import { subject } from './subjects';
import { IntFromQuery, IsMoney, IsPathId, MAX_PATH_ID_LENGTH } from './validation';

/**
 * Campaigns service subjects. Public operations mirror the HTTP API; the internal ones let the content service
 * read a campaign's generation context and reserve, settle or release spend around each generated item.
 */
export const CampaignSubjects = {
  create: subject('campaigns.campaigns.create.v1'),
  list: subject('campaigns.campaigns.list.v1'),
  get: subject('campaigns.campaigns.get.v1'),
  update: subject('campaigns.campaigns.update.v1'),
  pause: subject('campaigns.campaigns.pause.v1'),
  resume: subject('campaigns.campaigns.resume.v1'),
  cancel: subject('campaigns.campaigns.cancel.v1'),
  /** DELETE: cancels like `cancel`, and a repeat answers like the first instead of 409. */
  remove: subject('campaigns.campaigns.delete.v1'),
  /** Internal: `{ campaign_id }` → the campaign (visibility-checked for the caller) for content generation. */
  context: subject('campaigns.campaigns.context.v1'),
  /** Internal: `{ campaign_id, content_id }` → `{ reservation_id, amount_cents }`, or 409 budget_exhausted / invalid_state. */
  reserve: subject('campaigns.spend.reserve.v1'),
  /** Internal: `{ reservation_id }` → the charge becomes final (idempotent). */
  settle: subject('campaigns.spend.settle.v1'),
  /** Internal: `{ reservation_id }` → the held amount returns to the budget (idempotent). */
  release: subject('campaigns.spend.release.v1'),
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------------------------

/** A campaign's objective; the same vocabulary as an agent's use cases. */
export const CAMPAIGN_TYPES = USE_CASES;
export type CampaignType = UseCase;

export const CAMPAIGN_STATUSES = ['scheduled', 'active', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** States nothing leaves. */
export const FINAL_CAMPAIGN_STATUSES: readonly CampaignStatus[] = ['completed', 'cancelled'];

export const RESERVATION_STATUSES = ['held', 'settled', 'released'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export const DEFAULT_CAMPAIGN_DURATION_DAYS = 30;
export const MAX_CAMPAIGN_DURATION_DAYS = 365;
/** Budgets above this are almost certainly a typo (cents sent as dollars); the ledger still works in integer cents. */
export const MAX_BUDGET_USD = 100_000_000;

const CAMPAIGN_ID = /^camp_[A-Za-z0-9_]{1,80}$/;
const CONTENT_ID = /^cnt_[A-Za-z0-9_]{1,80}$/;
const RESERVATION_ID = /^rsv_[a-z0-9]{1,80}$/;
const FREE_LABEL = /^[\p{L}\p{N}_ -]+$/u;

/** RFC 3339 date-time (the zone is required: a bare local time is ambiguous across servers) or a plain date (UTC midnight). */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

/** The shape alone lets through 2025-02-30 or 25:00; the instant must also exist. */
@ValidatorConstraint({ name: 'format', async: false })
class RealInstant implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !INSTANT.test(value)) return true;
    const t = Date.parse(value);
    if (Number.isNaN(t)) return false;
    // Date.parse rolls 2025-02-30 over to March; the calendar date written must survive the round trip.
    const date = value.slice(0, 10);
    if (value.length === 10) return new Date(t).toISOString().slice(0, 10) === date;
    const [y, m, d] = date.split('-').map(Number);
    return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() && !/T(2[4-9]|[3-9]\d)/.test(value);
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} is not a real date and time`;
  }
}

/** Accepts `129` as well as `"€129"`: a price is printed as given. */
const priceToString = ({ value }: { value: unknown }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value);

// ---------------------------------------------------------------------------------------------------------------
// Request bodies
// ---------------------------------------------------------------------------------------------------------------

/** What the campaign promotes. Named with a prefix: OpenAPI component names are class names. */
export class CampaignProductBody {
  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(200) @Matches(/\S/) name!: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(300, { each: true })
  key_features?: string[];
  @IsOptional() @IsString() @MaxLength(200) target_audience?: string;
  @IsOptional() @IsString() @MaxLength(120) brand?: string;
  @IsOptional() @IsString() @MaxLength(2048) @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) url?: string;
  @IsOptional() @Transform(priceToString) @IsString() @MaxLength(40) price?: string;
  /** ISO 4217 code, used when `price` is a bare number. */
  @IsOptional() @IsString() @Matches(/^[A-Z]{3}$/) currency?: string;
  @IsOptional() @IsString() @MaxLength(40) @Matches(/^[\p{L}\p{N}_-]+$/u) promo_code?: string;
}

/**
 * How the agent runs the campaign. Every field is optional: on create the service fills defaults; on PATCH the
 * object is merged into the stored config (RFC 7386), and `null` puts a field back to its default.
 */
export class CampaignConfigBody {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(40) @Matches(FREE_LABEL) tone?: string | null;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(60) @ArrayUnique() @IsIn(LANGUAGES, { each: true }) languages?: string[] | null;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ArrayUnique() @IsIn(CONTENT_FORMATS, { each: true }) output_formats?: ContentFormat[] | null;
  @IsOptional() @IsIn(COMPLIANCE_MODES) compliance_mode?: ComplianceMode | null;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_CAMPAIGN_DURATION_DAYS) duration_days?: number | null;
  /** Null or a past instant starts the campaign at once; a future one schedules it. */
  @IsOptional() @IsString() @Matches(INSTANT, { message: 'starts_at must be an ISO 8601 date-time with a time zone (e.g. 2025-01-01T09:00:00Z) or a date' })
  @Validate(RealInstant)
  starts_at?: string | null;
}

export class CreateCampaignBody {
  /** Any id a client copied: one that names no visible agent is refused as agent_not_found, never as malformed. */
  @IsDefined() @IsString() @MaxLength(MAX_PATH_ID_LENGTH) agent_id!: string;
  @IsDefined() @IsIn(CAMPAIGN_TYPES) type!: CampaignType;
  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(200) @Matches(/\S/) name!: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CampaignProductBody) product?: CampaignProductBody | null;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CampaignConfigBody) config?: CampaignConfigBody | null;
  /** Dollars with at most two decimals; absent or null means no cap (spend is still recorded). */
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @IsMoney(2) @Min(0) @Max(MAX_BUDGET_USD) budget_usd?: number | null;
}

/**
 * PATCH: name, config (merged) and budget; nothing else may change after creation. The rest of what a GET returned
 * may be sent back unchanged (see `ReadOnly`).
 */
export class UpdateCampaignBody {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) @Matches(/\S/) name?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CampaignConfigBody) config?: CampaignConfigBody;
  /** Null removes the cap; a value below what is already spent or reserved is refused. */
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @IsMoney(2) @Min(0) @Max(MAX_BUDGET_USD) budget_usd?: number | null;
  @ReadOnly({ compare: true }) id?: unknown;
  @ReadOnly({ compare: true }) agent_id?: unknown;
  @ReadOnly({ compare: true }) type?: unknown;
  @ReadOnly({ compare: true }) product?: unknown;
  @ReadOnly({ compare: true }) livemode?: unknown;
  @ReadOnly({ compare: true }) per_item_usd?: unknown;
  @ReadOnly({ compare: true }) created_at?: unknown;
  @ReadOnly() spent_usd?: unknown;
  @ReadOnly() reserved_usd?: unknown;
  @ReadOnly() status?: unknown;
  @ReadOnly() starts_at?: unknown;
  @ReadOnly() ends_at?: unknown;
  @ReadOnly() started_at?: unknown;
  @ReadOnly() paused_at?: unknown;
  @ReadOnly() completed_at?: unknown;
  @ReadOnly() cancelled_at?: unknown;
  @ReadOnly() updated_at?: unknown;
  @ReadOnly() performance?: unknown;
}

export class ListCampaignsQuery {
  @IsOptional() @IsIn(CAMPAIGN_STATUSES) status?: CampaignStatus;
  /** A filter: an id that names nothing finds nothing. */
  @IsOptional() @IsString() @MaxLength(MAX_PATH_ID_LENGTH) agent_id?: string;
  @IsOptional() @IntFromQuery() @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(512) cursor?: string;
}

export class CampaignIdParams {
  @IsPathId() id!: string;
}

/** Internal (`campaigns.campaigns.context.v1`). */
export class CampaignContextBody {
  @IsDefined() @IsPathId() campaign_id!: string;
}

/** Internal (`campaigns.spend.reserve.v1`): hold one item's price before generating it. */
export class ReserveSpendBody {
  @IsDefined() @IsString() @Matches(CAMPAIGN_ID) campaign_id!: string;
  /** The item the charge is for; a second reserve for an item that still holds one returns the same reservation. */
  @IsDefined() @IsString() @Matches(CONTENT_ID) content_id!: string;
}

/** Internal (`campaigns.spend.settle.v1`): the item was generated, the charge becomes final. */
export class SettleSpendBody {
  @IsDefined() @IsString() @Matches(RESERVATION_ID) reservation_id!: string;
}

/** Internal (`campaigns.spend.release.v1`): the item was not produced, the held amount returns to the budget. */
export class ReleaseSpendBody {
  @IsDefined() @IsString() @Matches(RESERVATION_ID) reservation_id!: string;
  @IsOptional() @IsString() @MaxLength(200) reason?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Response shapes
// ---------------------------------------------------------------------------------------------------------------

export interface CampaignProduct {
  name: string; description?: string; key_features?: string[]; target_audience?: string; brand?: string; url?: string;
  price?: string; currency?: string; promo_code?: string;
}

/** The stored config with every default filled in. */
export interface CampaignConfig {
  tone: string | null;
  languages: string[];
  output_formats: ContentFormat[];
  compliance_mode: ComplianceMode;
  duration_days: number;
  /** What the client asked for (null = start at once); the effective start is the campaign's `starts_at`. */
  starts_at: string | null;
}

/** Summary from analytics; zeros until analytics reports for the campaign. */
export interface CampaignPerformance { impressions: number; engagements: number; leads: number; conversions: number }

export interface Campaign {
  id: string;
  agent_id: string;
  type: CampaignType;
  name: string;
  product: CampaignProduct | null;
  config: CampaignConfig;
  /** Null: no cap. */
  budget_usd: number | null;
  /** Settled charges. */
  spent_usd: number;
  /** Held for generations in flight; counts against the budget until settled or released. */
  reserved_usd: number;
  /** The agent's rate card per generated item, fixed when the campaign was created. */
  per_item_usd: number;
  status: CampaignStatus;
  livemode: boolean;
  starts_at: string;
  ends_at: string;
  started_at: string | null;
  paused_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
  created_at: string;
  updated_at: string;
  performance: CampaignPerformance;
}

/** Reply to `campaigns.campaigns.context.v1`: the campaign plus what generation and billing need. */
export interface CampaignContext extends Campaign {
  organization_id: string;
  /** Price of one item in cents for this campaign: 0 in sandbox. */
  rate_cents: number;
  /** Cents still available (budget − spent − reserved); null without a cap. */
  remaining_cents: number | null;
  /** True when a reservation would be accepted right now (state and budget). */
  accepting_spend: boolean;
}

/** Reply to reserve, settle and release. */
export interface SpendReservation {
  reservation_id: string;
  campaign_id: string;
  content_id: string;
  /** 0 for sandbox campaigns: they are never billed. */
  amount_cents: number;
  status: ReservationStatus;
  livemode: boolean;
  /** A hold not settled or released by then returns to the budget on its own. */
  expires_at: string;
  created_at: string;
  settled_at: string | null;
  released_at: string | null;
}
