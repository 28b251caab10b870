import { JSONCodec, type NatsConnection } from 'nats';
import type { Pool } from 'pg';
import { Subjects } from '@influgentic/contracts';
import type { Logger } from 'pino';
import { OrganizationsService } from '../admin/organizations.service';
import type { GatewayConfig } from '../config';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { ApiKeysService } from './api-keys.service';
import { Authenticator } from './authenticator';
import { GatewayRepository } from './gateway.repository';
import { KeyUsageRecorder } from './key-usage';

/** Who may call: keys, organizations, the authenticator's caches, and idempotency records, wired together. */
export interface AccessControl {
  idempotency: IdempotencyService;
  repo: GatewayRepository;
  auth: Authenticator;
  keys: ApiKeysService;
  orgs: OrganizationsService;
  /** Writes pending key usage and stops listening for other replicas' evictions. */
  stop: () => Promise<void>;
}

export function createAccessControl(pool: Pool, nc: NatsConnection, config: GatewayConfig, log: Logger): AccessControl {
  // Keys and organizations created by a keyed request commit with the record of that key (see IdempotencyService).
  const idempotency = new IdempotencyService(pool);
  const repo = new GatewayRepository(idempotency.scope.pool);
  // last_used_at is batched in memory and written every KEY_USAGE_FLUSH_MS (and at shutdown), not once per request.
  const keyUsage = new KeyUsageRecorder((ids, at) => repo.recordKeyUsage(ids, at), config.KEY_USAGE_FLUSH_MS);
  keyUsage.start((err) => log.warn({ err: String(err) }, 'could not record API key usage; retrying at the next flush'));
  const auth = new Authenticator(repo, config.KEY_CACHE_MS, keyUsage);
  const codec = JSONCodec<{ kind: 'key' | 'org'; value: string }>();
  const evict = (kind: 'key' | 'org', value: string) => (kind === 'key' ? auth.evictKey(value) : auth.evictOrganization(value));
  // Replicas tell each other about revocations and plan changes so cached lookups die at once everywhere.
  const evictions = nc.subscribe(Subjects.gatewayEvict, {
    callback: (_e, msg) => {
      const m = codec.decode(msg.data);
      evict(m.kind, m.value);
    },
  });
  const broadcast = (kind: 'key' | 'org', value: string) => {
    evict(kind, value);
    nc.publish(Subjects.gatewayEvict, codec.encode({ kind, value }));
  };
  const keys = new ApiKeysService(repo, (hash) => broadcast('key', hash));
  const orgs = new OrganizationsService(repo, keys, (id) => broadcast('org', id));
  return {
    idempotency, repo, auth, keys, orgs,
    stop: async () => {
      // After the last request: what it used is written before the pool closes.
      await keyUsage.stop().catch((err) => log.warn({ err: String(err) }, 'could not record API key usage at shutdown'));
      evictions.unsubscribe();
    },
  };
}
