import { DomainError, PLAN_LIMITS, RATE_CLASSES, type Plan, type RateClass, type Scope } from '@influgentic/contracts';
import { GatewayRepository, type KeyWithPlan, type RateLimitOverrides } from './gateway.repository';
import type { KeyUsageRecorder } from './key-usage';
import { hashToken, TOKEN_PATTERN } from './tokens';

export interface Principal {
  keyId: string;
  organizationId: string;
  plan: Plan;
  scopes: Scope[];
  livemode: boolean;
  /** Per-minute limits per rate class: the plan's, with the organization's operator overrides applied. */
  limits: Record<RateClass, number>;
}

/** The plan's limits with an organization's overrides on top (a class without an override follows the plan). */
export function effectiveLimits(plan: Plan, overrides: RateLimitOverrides | null | undefined): Record<RateClass, number> {
  const limits = { ...PLAN_LIMITS[plan] };
  for (const cls of RATE_CLASSES) {
    const v = overrides?.[cls];
    if (typeof v === 'number' && Number.isFinite(v)) limits[cls] = v;
  }
  return limits;
}

interface CacheEntry { key: KeyWithPlan | null; at: number }

/**
 * Resolves a bearer token to its key and organization. Lookups are cached briefly; a revocation or plan change
 * evicts at once here and, through a NATS broadcast, on every other gateway replica.
 */
export class Authenticator {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly repo: GatewayRepository, private readonly ttlMs: number, private readonly usage?: KeyUsageRecorder) {}

  static extractToken(headers: Record<string, string | string[] | undefined>): string | undefined {
    const auth = headers.authorization;
    if (typeof auth === 'string') {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
      return m ? m[1] : auth.trim() || undefined;
    }
    const apiKey = headers['x-api-key'];
    return typeof apiKey === 'string' ? apiKey.trim() : undefined;
  }

  async authenticate(token: string | undefined): Promise<Principal> {
    if (!token) throw new DomainError('unauthorized', 'Missing API key: send Authorization: Bearer ig_live_… or X-API-Key');
    if (!TOKEN_PATTERN.test(token)) throw new DomainError('unauthorized', 'Malformed API key');
    const hash = hashToken(token);
    const now = Date.now();
    let entry = this.cache.get(hash);
    if (!entry || now - entry.at > this.ttlMs) {
      entry = { key: await this.repo.findKeyByHash(hash), at: now };
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(hash, entry);
    }
    const principal = this.principalFrom(entry.key, now);
    this.usage?.touch(principal.keyId);
    return principal;
  }

  /**
   * True when `token` is a valid key already in this replica's cache: it can be served without a database lookup,
   * so an address that is being limited for guessing does not lock out the real keys used from it.
   */
  isCachedValid(token: string | undefined): boolean {
    if (!token || !TOKEN_PATTERN.test(token)) return false;
    const entry = this.cache.get(hashToken(token));
    if (!entry || Date.now() - entry.at > this.ttlMs) return false;
    try { this.principalFrom(entry.key, Date.now()); return true; } catch { return false; }
  }

  private principalFrom(key: KeyWithPlan | null, now: number): Principal {
    if (!key || key.revoked_at) throw new DomainError('unauthorized', 'Invalid or revoked API key');
    if (key.expires_at && new Date(key.expires_at).getTime() <= now) throw new DomainError('unauthorized', 'API key has expired');
    return {
      keyId: key.id, organizationId: key.organization_id, plan: key.plan, scopes: key.scopes, livemode: key.mode === 'live',
      limits: effectiveLimits(key.plan, key.rate_limits),
    };
  }

  evictKey(tokenHash: string): void {
    this.cache.delete(tokenHash);
  }

  evictOrganization(orgId: string): void {
    for (const [hash, entry] of this.cache) if (entry.key?.organization_id === orgId) this.cache.delete(hash);
  }
}
