import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One 256-bit key and the id written into every ciphertext it seals. */
export interface BoxKey { id: string; key: Buffer }

const FORMAT = 'v1';
const IV_BYTES = 12;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** The key id of a key given without one: a short hash of the key, so the same key always gets the same id. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function decodeKey(text: string): Buffer | null {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  return key.length === 32 ? key : null;
}

/**
 * Parses a key ring: comma-separated keys, each 32 bytes in base64 or hex, optionally named `id:key`. The first
 * key seals; every key opens, so a new key goes first and the old one stays listed until every secret was resealed.
 */
export function parseKeyRing(spec: string): BoxKey[] {
  const ring = spec.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : undefined;
    const key = decodeKey(colon > 0 ? entry.slice(colon + 1) : entry);
    if (!key) throw new Error('WEBHOOKS_SECRET_KEY: every key must be 32 bytes, base64 or hex');
    if (id !== undefined && !KEY_ID.test(id)) throw new Error('WEBHOOKS_SECRET_KEY: a key id is 1-32 letters, digits, _ or -');
    return { id: id ?? keyIdOf(key), key };
  });
  if (!ring.length) throw new Error('WEBHOOKS_SECRET_KEY holds no key');
  if (new Set(ring.map((k) => k.id)).size !== ring.length) throw new Error('WEBHOOKS_SECRET_KEY: key ids must differ');
  return ring;
}

/**
 * The key ring from the environment. Production refuses to start without `WEBHOOKS_SECRET_KEY` (secrets sealed with a
 * key nobody configured could not be opened by the next replica). Elsewhere a key is generated once and kept under the
 * data directory, like the development API key, so a fresh clone starts with nothing to configure.
 */
export function keyRingFromEnv(env: NodeJS.ProcessEnv = process.env): BoxKey[] {
  if (env.WEBHOOKS_SECRET_KEY?.trim()) return parseKeyRing(env.WEBHOOKS_SECRET_KEY);
  if (env.NODE_ENV === 'production') {
    throw new Error('WEBHOOKS_SECRET_KEY is required in production: 32 random bytes in base64 (openssl rand -base64 32)');
  }
  return parseKeyRing(localDevelopmentKey(join(env.DATA_DIR || '.data', 'webhooks-secret-key')));
}

/** Reads the kept development key, or writes a new one; two processes starting together agree on the first written. */
function localDevelopmentKey(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    return readFileSync(file, 'utf8');
  }
}

/**
 * Seals signing secrets at rest with AES-256-GCM. A ciphertext reads `v1.<key id>.<iv>.<tag>.<data>` (base64url), so
 * the key that sealed it is found in the ring after the configured key changes.
 */
export class SecretBox {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly ring: BoxKey[]) {
    if (!ring.length) throw new Error('SecretBox needs at least one key');
    this.byId = new Map(ring.map((k) => [k.id, k.key]));
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): SecretBox {
    return new SecretBox(keyRingFromEnv(env));
  }

  /** The id of the key new secrets are sealed with. */
  get currentKeyId(): string {
    return this.ring[0].id;
  }

  seal(clear: string): string {
    const { id, key } = this.ring[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
    return [FORMAT, id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  /** The clear text; throws when the ciphertext was altered or its key is no longer in the ring. */
  open(ciphertext: string): string {
    const [format, id, iv, tag, data, ...rest] = ciphertext.split('.');
    if (format !== FORMAT || rest.length || data === undefined) throw new Error('not a sealed secret');
    const key = this.byId.get(id);
    if (!key) throw new Error(`the key ${id} that sealed this secret is not configured`);
    // A fixed tag length: a truncated tag would otherwise be accepted with fewer bits of integrity.
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Whether a ciphertext was sealed with an older key (a re-seal moves it to the current one). */
  sealedWithOlderKey(ciphertext: string): boolean {
    return ciphertext.split('.')[1] !== this.currentKeyId;
  }
}
