import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newId, SCOPES } from '@influgentic/contracts';
import type { ApiKeysService } from './auth/api-keys.service';
import type { GatewayRepository } from './auth/gateway.repository';
import { hashToken, tokenHint, tokenMode } from './auth/tokens';

export const DEFAULT_ORG = 'org_default';

export interface BootstrapKey {
  token: string;
  created: boolean;
  file?: string;
  /** The configured key was revoked through the API earlier; it stays revoked (restarts do not revive it). */
  revoked: boolean;
}

/**
 * Makes sure a first key exists: INFLUGENTIC_BOOTSTRAP_API_KEY when given; otherwise the key remembered in
 * `<data dir>/dev-api-key`, or a new one written there. Replicas starting together are serialized by an advisory
 * lock held on one dedicated connection (a session lock taken and released through a pool could land on two).
 */
export async function ensureBootstrapKey(repo: GatewayRepository, keys: ApiKeysService, dataDir: string, configured?: string): Promise<BootstrapKey> {
  const client = await repo.pool.connect();
  let healthy = true;
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('influgentic.bootstrap-key'))`);
    try {
      return await ensureLocked(repo, keys, dataDir, configured);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('influgentic.bootstrap-key'))`).catch(() => { healthy = false; });
    }
  } catch (err) {
    healthy = false;
    throw err;
  } finally {
    // A connection whose unlock failed may still hold the lock: close it rather than return it to the pool.
    client.release(!healthy);
  }
}

async function ensureLocked(repo: GatewayRepository, keys: ApiKeysService, dataDir: string, configured?: string): Promise<BootstrapKey> {
  await repo.upsertOrganization(DEFAULT_ORG, 'Default organization', 'enterprise');
  if (configured) {
    // The row of a revoked configured key is kept, so its token can never be inserted (or revived) again.
    const row = await repo.insertKeyIfAbsent({
      id: newId('key'), organization_id: DEFAULT_ORG, name: 'Bootstrap key', token_hash: hashToken(configured),
      token_hint: tokenHint(configured), mode: tokenMode(configured), scopes: [...SCOPES], expires_at: null,
    });
    return { token: configured, created: false, file: undefined, revoked: row.revoked_at !== null };
  }
  const file = join(dataDir, 'dev-api-key');
  let remembered: string | undefined;
  try { remembered = readFileSync(file, 'utf8').trim(); } catch { remembered = undefined; }
  if (remembered) {
    const existing = await repo.findKeyByHash(hashToken(remembered));
    if (existing && !existing.revoked_at) return { token: remembered, created: false, file, revoked: false };
  }
  const issued = await keys.issue(DEFAULT_ORG, 'Development key', [...SCOPES], 'live');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${issued.token}\n`, { mode: 0o600 });
  return { token: issued.token, created: true, file, revoked: false };
}
