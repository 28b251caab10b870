import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SCOPES } from '@influgentic/contracts';
import type { ApiKeysService } from './auth/api-keys.service';
import type { GatewayRepository } from './auth/gateway.repository';
import { hashToken, tokenMode } from './auth/tokens';

export const DEFAULT_ORG = 'org_default';

/**
 * Makes sure a first key exists: INFLUGENTIC_BOOTSTRAP_API_KEY when given; otherwise the key remembered in
 * `<data dir>/dev-api-key`, or a new one written there. Returns the token and whether it was newly created.
 */
export async function ensureBootstrapKey(repo: GatewayRepository, keys: ApiKeysService, dataDir: string, configured?: string) {
  await repo.pool.query(`SELECT pg_advisory_lock(hashtext('influgentic.bootstrap-key'))`);
  try {
    await repo.upsertOrganization(DEFAULT_ORG, 'Default organization', 'enterprise');
    if (configured) {
      await keys.issue(DEFAULT_ORG, 'Bootstrap key', [...SCOPES], tokenMode(configured), undefined, configured);
      return { token: configured, created: false, file: undefined };
    }
    const file = join(dataDir, 'dev-api-key');
    let remembered: string | undefined;
    try { remembered = readFileSync(file, 'utf8').trim(); } catch { remembered = undefined; }
    if (remembered) {
      const existing = await repo.findKeyByHash(hashToken(remembered));
      if (existing && !existing.revoked_at) return { token: remembered, created: false, file };
    }
    const issued = await keys.issue(DEFAULT_ORG, 'Development key', [...SCOPES], 'live');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${issued.token}\n`, { mode: 0o600 });
    return { token: issued.token, created: true, file };
  } finally {
    await repo.pool.query(`SELECT pg_advisory_unlock(hashtext('influgentic.bootstrap-key'))`);
  }
}
