import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataDirFromEnv, decodeSigningKey, mediaSigningKeyFromEnv } from './signing-key';

describe('media signing key', () => {
  it('decodes 32+ bytes in hex or base64 and refuses shorter keys', () => {
    const key = randomBytes(32);
    expect(decodeSigningKey(key.toString('hex'))?.equals(key)).toBe(true);
    expect(decodeSigningKey(key.toString('base64'))?.equals(key)).toBe(true);
    expect(decodeSigningKey(randomBytes(48).toString('base64url'))?.length).toBe(48);
    expect(decodeSigningKey(randomBytes(16).toString('hex'))).toBeNull();
    expect(decodeSigningKey(randomBytes(16).toString('base64'))).toBeNull();
    expect(decodeSigningKey('not a key!')).toBeNull();
  });

  it('uses MEDIA_SIGNING_KEY when set, even in production', () => {
    const key = randomBytes(32);
    expect(mediaSigningKeyFromEnv({ MEDIA_SIGNING_KEY: key.toString('base64'), NODE_ENV: 'production' }).equals(key)).toBe(true);
  });

  it('refuses a short MEDIA_SIGNING_KEY', () => {
    expect(() => mediaSigningKeyFromEnv({ MEDIA_SIGNING_KEY: 'c2hvcnQ=' })).toThrow(/at least 32 bytes/);
  });

  it('refuses to run in production without one', () => {
    expect(() => mediaSigningKeyFromEnv({ NODE_ENV: 'production' })).toThrow(/MEDIA_SIGNING_KEY is required in production/);
  });

  it('elsewhere generates a key once under the data directory and keeps using it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'media-key-'));
    const first = mediaSigningKeyFromEnv({ DATA_DIR: dir, NODE_ENV: 'development' });
    const second = mediaSigningKeyFromEnv({ NODE_ENV: 'test' }, dir);
    expect(first.length).toBe(32);
    expect(second.equals(first)).toBe(true);
    const file = join(dir, 'media-signing-key');
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('finds the data directory in DATA_DIR, else .data', () => {
    expect(dataDirFromEnv({ DATA_DIR: '/srv/data' })).toBe('/srv/data');
    expect(dataDirFromEnv({})).toBe('.data');
  });
});
