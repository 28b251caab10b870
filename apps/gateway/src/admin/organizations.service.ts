import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DomainError, IntFromQuery, newId, PLANS, RATE_CLASSES, SCOPES, type Page, type Plan, type UpdateCommand } from '@influgentic/contracts';
import { cursorValuesOrThrow, encodeCursor } from '@influgentic/persistence';
import type { ApiKeysService } from '../auth/api-keys.service';
import type { GatewayRepository, OrganizationRow } from '../auth/gateway.repository';

export class CreateOrganizationBody {
  @IsString() @IsNotEmpty() @MaxLength(120) name!: string;
  @IsIn(PLANS) plan!: Plan;
}

/** Per-minute limits that replace the plan's for one organization; `null` for a class returns it to the plan's. */
export class RateLimitOverridesBody {
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) read?: number | null;
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) write?: number | null;
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) generate?: number | null;
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) ingest?: number | null;
}

export class UpdateOrganizationBody {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120) name?: string;
  @IsOptional() @IsIn(PLANS) plan?: Plan;
  /** Merge patch of the overrides; `null` clears them all. */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => RateLimitOverridesBody) rate_limits?: RateLimitOverridesBody | null;
}

export class OrganizationIdParams {
  // An id that names nothing is a 404 whatever its shape (API.md, Conventions).
  @IsString() @MaxLength(255) id!: string;
}

export class OrganizationListQuery {
  @IsOptional() @IsString() @MaxLength(512) cursor?: string;
  @IsOptional() @IntFromQuery() @IsInt() @Min(1) @Max(100) limit?: number;
}

const toOrganization = (o: OrganizationRow) => ({
  id: o.id, name: o.name, plan: o.plan, rate_limits: o.rate_limits ?? null, created_at: new Date(o.created_at).toISOString(), updated_at: new Date(o.updated_at).toISOString(),
});

/** The operator API: organizations and their first key. */
export class OrganizationsService {
  constructor(
    private readonly repo: GatewayRepository,
    private readonly keys: ApiKeysService,
    private readonly onPlanChanged: (orgId: string) => void,
  ) {}

  /** Every operation here takes what the route's classes validated (the pipeline checks before it calls). */
  async create(body: CreateOrganizationBody) {
    const org = await this.repo.upsertOrganization(newId('organization'), body.name.trim(), body.plan);
    const key = await this.keys.issue(org.id, 'Default key', [...SCOPES], 'live');
    return { organization: toOrganization(org), api_key: { id: key.id, token: key.token, scopes: key.scopes, mode: key.mode } };
  }

  async list(q: OrganizationListQuery): Promise<Page<ReturnType<typeof toOrganization>>> {
    const limit = q.limit ?? 20;
    let after: string | undefined;
    if (q.cursor) {
      after = String(cursorValuesOrThrow('orgs', q.cursor, ['string'])[0]);
    }
    const [rows, total] = await Promise.all([this.repo.listOrganizations(limit, after), this.repo.countOrganizations()]);
    const data = rows.slice(0, limit);
    return { data: data.map(toOrganization), meta: { total, limit, next_cursor: rows.length > limit ? encodeCursor('orgs', [data[data.length - 1].id]) : null } };
  }

  async get(id: string) {
    const org = await this.repo.findOrganization(id);
    if (!org) throw DomainError.notFound('Organization', id);
    return toOrganization(org);
  }

  async update({ id, changes: body }: UpdateCommand<OrganizationIdParams, UpdateOrganizationBody>) {
    const rateLimits = body.rate_limits === null ? null : body.rate_limits ? overridesPatch(body.rate_limits) : undefined;
    const org = await this.repo.updateOrganization(id, { name: body.name, plan: body.plan, rateLimits });
    if (!org) throw DomainError.notFound('Organization', id);
    this.onPlanChanged(id);
    return toOrganization(org);
  }
}

/** Only the classes the patch names: a number sets the override, null removes it. */
function overridesPatch(body: RateLimitOverridesBody): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const cls of RATE_CLASSES) if (body[cls] !== undefined) out[cls] = body[cls] ?? null;
  return out;
}
