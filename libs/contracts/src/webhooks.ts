import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { WEBHOOK_EVENT_TYPES } from './events';
import { ReadOnly } from './read-only';
import { subject } from './subjects';
import { IntFromQuery, IsPathId } from './validation';

// ---------------------------------------------------------------------------------------------------------------
// Webhook endpoints: POST/GET /v1/webhooks, GET/PATCH/DELETE /v1/webhooks/{id}, POST /v1/webhooks/{id}/rotate-secret
// ---------------------------------------------------------------------------------------------------------------

export const WebhookSubjects = {
  create: subject('webhooks.endpoints.create.v1'),
  list: subject('webhooks.endpoints.list.v1'),
  get: subject('webhooks.endpoints.get.v1'),
  update: subject('webhooks.endpoints.update.v1'),
  remove: subject('webhooks.endpoints.delete.v1'),
  rotateSecret: subject('webhooks.endpoints.rotate-secret.v1'),
} as const;

export const WEBHOOK_ENDPOINT_STATUSES = ['enabled', 'disabled'] as const;
export type WebhookEndpointStatus = (typeof WEBHOOK_ENDPOINT_STATUSES)[number];

/** What an endpoint may subscribe to: the contract's event types, or `*` (alone) for all of them. */
export const WEBHOOK_SUBSCRIBABLE = [...WEBHOOK_EVENT_TYPES, '*'] as const;

export const WEBHOOK_LIMITS = {
  urlLength: 2048,
  descriptionLength: 1000,
  /** Long enough for `igsec_`/`whsec_` + base64 of 64 bytes. */
  secretLength: 100,
  ratePerMinute: { min: 1, max: 60_000 },
} as const;

export class CreateWebhookBody {
  /** https (http too when the operator allows private targets), no credentials, a host that resolves to a public address. */
  @IsDefined() @IsString() @IsNotEmpty() @MaxLength(WEBHOOK_LIMITS.urlLength)
  url!: string;

  @IsDefined() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(WEBHOOK_SUBSCRIBABLE.length) @ArrayUnique()
  @IsIn(WEBHOOK_SUBSCRIBABLE, { each: true })
  events!: string[];

  /** `igsec_` or `whsec_` + base64 of 24–64 bytes; generated when absent. */
  @IsOptional() @IsString() @MaxLength(WEBHOOK_LIMITS.secretLength)
  secret?: string;

  @IsOptional() @IsString() @MaxLength(WEBHOOK_LIMITS.descriptionLength)
  description?: string | null;

  /** Deliveries per minute at most; null for no limit. */
  @IsOptional() @IsInt() @Min(WEBHOOK_LIMITS.ratePerMinute.min) @Max(WEBHOOK_LIMITS.ratePerMinute.max)
  rate_limit_per_minute?: number | null;
}

/** Merge-patch of an endpoint. Accepts what GET returned: its read-only fields are no-ops (a different id is refused). */
export class UpdateWebhookBody {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(WEBHOOK_LIMITS.urlLength)
  url?: string;

  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(WEBHOOK_SUBSCRIBABLE.length) @ArrayUnique()
  @IsIn(WEBHOOK_SUBSCRIBABLE, { each: true })
  events?: string[];

  @IsOptional() @IsString() @MaxLength(WEBHOOK_LIMITS.descriptionLength)
  description?: string | null;

  /** `enabled` on a disabled endpoint re-enables it and clears its failure streak. */
  @IsOptional() @IsIn(WEBHOOK_ENDPOINT_STATUSES)
  status?: WebhookEndpointStatus;

  @IsOptional() @IsInt() @Min(WEBHOOK_LIMITS.ratePerMinute.min) @Max(WEBHOOK_LIMITS.ratePerMinute.max)
  rate_limit_per_minute?: number | null;

  @ReadOnly({ compare: true }) id?: unknown;
  @ReadOnly({ compare: true }) object?: unknown;
  @ReadOnly({ compare: true }) livemode?: unknown;
  @ReadOnly() disabled_reason?: unknown;
  @ReadOnly() disabled_at?: unknown;
  @ReadOnly() previous_secret_expires_at?: unknown;
  @ReadOnly() created_at?: unknown;
  @ReadOnly() updated_at?: unknown;
}

export class RotateWebhookSecretBody {
  /** The new secret (`igsec_`/`whsec_` + base64 of 24–64 bytes); generated when absent. */
  @IsOptional() @IsString() @MaxLength(WEBHOOK_LIMITS.secretLength)
  secret?: string;
}

export class WebhookIdParams {
  @IsPathId() id!: string;
}

export class ListWebhooksQuery {
  @IsOptional() @IsIn(WEBHOOK_ENDPOINT_STATUSES) status?: WebhookEndpointStatus;
  @IsOptional() @IntFromQuery() @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(512) cursor?: string;
}

/** An endpoint as GET shows it: never its secret. */
export interface WebhookEndpoint {
  id: string;
  object: 'webhook_endpoint';
  url: string;
  events: string[];
  description: string | null;
  status: WebhookEndpointStatus;
  disabled_reason: string | null;
  disabled_at: string | null;
  rate_limit_per_minute: number | null;
  /** While a rotation's overlap lasts, the previous secret still signs too, until then. */
  previous_secret_expires_at: string | null;
  livemode: boolean;
  created_at: string;
  updated_at: string;
}

/**
 * The answer of create and rotate-secret: the only places the clear secret appears. A replay of a keyed create
 * carries `secret: null` (no clear secret is kept at rest); rotate again to get a new one.
 */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  secret: string | null;
}

export interface WebhookEndpointDeleted { id: string; deleted: true }
