import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError, IntFromQuery, newId, SCOPES, type Page, type Scope } from '@influgentic/contracts';
import { cursorValuesOrThrow, encodeCursor } from '@influgentic/persistence';
import type { Principal } from './authenticator';
import { GatewayRepository, type ApiKeyRow, type KeyVisibility } from './gateway.repository';
import { generateToken, hashToken, tokenHint } from './tokens';

export class CreateApiKeyBody {
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(SCOPES, { each: true }) scopes!: Scope[];
  @IsIn(['live', 'test']) mode!: 'live' | 'test';
  @IsOptional() @IsInt() @Min(1) @Max(3650) expires_in_days?: number;
}

export class ApiKeyIdParams {
  // Any id up to 255 characters that names no key is a 404, never a validation error (API.md, Conventions).
  @IsString() @MaxLength(255) id!: string;
}

export class ListQuery {
  @IsOptional() @IsString() @MaxLength(512) cursor?: string;
  @IsOptional() @IntFromQuery() @IsInt() @Min(1) @Max(100) limit?: number;
}

export function toApiKey(row: ApiKeyRow) {
  return {
    id: row.id, name: row.name, mode: row.mode, scopes: row.scopes, token_hint: row.token_hint,
    created_at: new Date(row.created_at).toISOString(), expires_at: row.expires_at ? new Date(row.expires_at).toISOString() : null,
    last_used_at: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
  };
}

/** The keys API: create (token shown once), list (never tokens), revoke. */
export class ApiKeysService {
  constructor(private readonly repo: GatewayRepository, private readonly onRevoked: (tokenHash: string) => void) {}

  /** Every operation here takes what the route's classes validated (the pipeline checks before it calls). */
  async create(caller: Principal, body: CreateApiKeyBody) {
    const beyond = body.scopes.filter((s) => !caller.scopes.includes(s));
    if (beyond.length) {
      throw new DomainError('insufficient_scope', `A key cannot grant scopes it does not hold: ${beyond.join(', ')}`, [{ field: 'scopes', code: 'forbidden', message: `not held by the calling key: ${beyond.join(', ')}` }]);
    }
    if (!caller.livemode && body.mode === 'live') {
      // Not a malformed request but one this key may not make: a sandbox must never mint live credentials.
      throw new DomainError('forbidden', 'A sandbox (ig_test_) key can only create sandbox keys', [{ field: 'mode', code: 'forbidden', message: 'a sandbox key cannot create live keys' }]);
    }
    return this.issue(caller.organizationId, body.name, body.scopes, body.mode, body.expires_in_days);
  }

  async issue(orgId: string, name: string, scopes: Scope[], mode: 'live' | 'test', expiresInDays?: number, token = generateToken(mode)) {
    const row = await this.repo.insertKey({
      id: newId('key'), organization_id: orgId, name, token_hash: hashToken(token), token_hint: tokenHint(token), mode, scopes,
      expires_at: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
    });
    return { ...toApiKey(row), token };
  }

  async list(caller: Principal, query: ListQuery): Promise<Page<ReturnType<typeof toApiKey>>> {
    const limit = query.limit ?? 20;
    let after: string | undefined;
    if (query.cursor) {
      after = String(cursorValuesOrThrow('keys', query.cursor, ['string'])[0]);
    }
    const seen = visibility(caller);
    const [rows, total] = await Promise.all([this.repo.listKeys(caller.organizationId, seen, limit, after), this.repo.countKeys(caller.organizationId, seen)]);
    const data = rows.slice(0, limit);
    const next = rows.length > limit ? encodeCursor('keys', [data[data.length - 1].id]) : null;
    return { data: data.map(toApiKey), meta: { total, limit, next_cursor: next } };
  }

  async get(caller: Principal, id: string) {
    const row = await this.repo.findKey(caller.organizationId, visibility(caller), id);
    if (!row) throw DomainError.notFound('API key', id);
    return toApiKey(row);
  }

  /** Revokes at once; revoking a revoked key answers the same again (a repeated DELETE is not an error). */
  async revoke(caller: Principal, id: string) {
    const row = await this.repo.revokeKey(caller.organizationId, visibility(caller), id);
    if (!row) throw DomainError.notFound('API key', id);
    this.onRevoked(row.token_hash);
    return { id, revoked: true };
  }
}

/** A sandbox key sees and manages sandbox keys only; live keys do not exist for it (404, not 403). */
function visibility(caller: Principal): KeyVisibility {
  return caller.livemode ? 'all' : 'test';
}
