import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MediaStorageError } from './media-storage';

export const MIN_SIGNING_KEY_BYTES = 32;
const SIGNING_KEY_FILE = 'media-signing-key';

/** The data directory every service keeps local state under: `DATA_DIR`, else `.data` in the working directory. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATA_DIR?.trim() || '.data';
}

/** Decodes a signing key given in hex or base64; null when it is neither or shorter than 32 bytes. */
export function decodeSigningKey(text: string): Buffer | null {
  const t = text.trim();
  let key: Buffer;
  if (/^[0-9a-fA-F]+$/.test(t) && t.length % 2 === 0 && t.length >= MIN_SIGNING_KEY_BYTES * 2) key = Buffer.from(t, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) key = Buffer.from(t, 'base64');
  else return null;
  return key.length >= MIN_SIGNING_KEY_BYTES ? key : null;
}

/**
 * The key signed local media links are made and checked with. `MEDIA_SIGNING_KEY` when set; production refuses to
 * start without it (links signed by one replica must open on every gateway). Elsewhere a key is generated once and
 * kept under the data directory, so the services and the gateway of one checkout agree with nothing to configure.
 */
export function mediaSigningKeyFromEnv(env: NodeJS.ProcessEnv = process.env, dataDir: string = dataDirFromEnv(env)): Buffer {
  const configured = env.MEDIA_SIGNING_KEY?.trim();
  if (configured) {
    const key = decodeSigningKey(configured);
    if (!key) throw new MediaStorageError('configuration', `MEDIA_SIGNING_KEY must be at least ${MIN_SIGNING_KEY_BYTES} bytes in hex or base64 (openssl rand -base64 32)`);
    return key;
  }
  if (env.NODE_ENV === 'production') {
    throw new MediaStorageError('configuration', 'MEDIA_SIGNING_KEY is required in production: 32 random bytes in base64 (openssl rand -base64 32)');
  }
  const kept = decodeSigningKey(keptRandomSecret(join(dataDir, SIGNING_KEY_FILE)));
  if (!kept) throw new MediaStorageError('configuration', `the kept signing key in ${join(dataDir, SIGNING_KEY_FILE)} is damaged; delete it to make a new one`);
  return kept;
}

/**
 * Reads a kept secret, or makes a new one. The new file is written aside and linked into place, so a process starting
 * at the same moment either finds no file or a complete one, and both agree on the first one linked.
 */
function keptRandomSecret(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dirname(file), { recursive: true });
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(aside, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(aside, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(aside);
  }
  return readFileSync(file, 'utf8');
}
