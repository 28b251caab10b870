import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DomainError, IntFromQuery, newId, PLANS, SCOPES, validateOrThrow, type Page, type Plan } from '@influgentic/contracts';
import { cursorValuesOrThrow, encodeCursor } from '@influgentic/persistence';
import type { ApiKeysService } from '../auth/api-keys.service';
import type { GatewayRepository, OrganizationRow } from '../auth/gateway.repository';

export class CreateOrganizationBody {
  @IsString() @IsNotEmpty() @MaxLength(120) name!: string;
  @IsIn(PLANS) plan!: Plan;
}

export class UpdateOrganizationBody {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120) name?: string;
  @IsOptional() @IsIn(PLANS) plan?: Plan;
}

export class OrganizationIdParams {
  @IsString() @Matches(/^org_[a-z0-9_]{1,80}$/) id!: string;
}

export class OrganizationListQuery {
  @IsOptional() @IsString() @MaxLength(512) cursor?: string;
  @IsOptional() @IntFromQuery() @IsInt() @Min(1) @Max(100) limit?: number;
}

const toOrganization = (o: OrganizationRow) => ({
  id: o.id, name: o.name, plan: o.plan, created_at: new Date(o.created_at).toISOString(), updated_at: new Date(o.updated_at).toISOString(),
});

/** The operator API: organizations and their first key. */
export class OrganizationsService {
  constructor(
    private readonly repo: GatewayRepository,
    private readonly keys: ApiKeysService,
    private readonly onPlanChanged: (orgId: string) => void,
  ) {}

  async create(rawBody: unknown) {
    const body = validateOrThrow(CreateOrganizationBody, rawBody);
    const org = await this.repo.upsertOrganization(newId('organization'), body.name.trim(), body.plan);
    const key = await this.keys.issue(org.id, 'Default key', [...SCOPES], 'live');
    return { organization: toOrganization(org), api_key: { id: key.id, token: key.token, scopes: key.scopes, mode: key.mode } };
  }

  async list(rawQuery: unknown): Promise<Page<ReturnType<typeof toOrganization>>> {
    const q = validateOrThrow(OrganizationListQuery, rawQuery ?? {});
    const limit = q.limit ?? 20;
    let after: string | undefined;
    if (q.cursor) {
      after = String(cursorValuesOrThrow('orgs', q.cursor, 1)[0]);
    }
    const [rows, total] = await Promise.all([this.repo.listOrganizations(limit, after), this.repo.countOrganizations()]);
    const data = rows.slice(0, limit);
    return { data: data.map(toOrganization), meta: { total, limit, next_cursor: rows.length > limit ? encodeCursor('orgs', [data[data.length - 1].id]) : null } };
  }

  async get(rawParams: unknown) {
    const { id } = validateOrThrow(OrganizationIdParams, rawParams);
    const org = await this.repo.findOrganization(id);
    if (!org) throw DomainError.notFound('Organization', id);
    return toOrganization(org);
  }

  async update(rawParams: unknown, rawBody: unknown) {
    const { id } = validateOrThrow(OrganizationIdParams, rawParams);
    const body = validateOrThrow(UpdateOrganizationBody, rawBody);
    const org = await this.repo.updateOrganization(id, body);
    if (!org) throw DomainError.notFound('Organization', id);
    this.onPlanChanged(id);
    return toOrganization(org);
  }
}
