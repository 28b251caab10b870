import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyIdOf, keyRingFromEnv, parseKeyRing, SecretBox } from './secret-box';

const key = () => randomBytes(32).toString('base64');

describe('SecretBox', () => {
  it('seals with AES-256-GCM: the clear secret is not in the ciphertext, and two seals differ', () => {
    const box = new SecretBox(parseKeyRing(key()));
    const clear = 'igsec_' + randomBytes(32).toString('base64');
    const a = box.seal(clear);
    const b = box.seal(clear);
    expect(a).not.toBe(b);
    expect(a).not.toContain(clear.slice(6));
    expect(a.split('.')).toHaveLength(5);
    expect(box.open(a)).toBe(clear);
    expect(box.open(b)).toBe(clear);
  });

  it('refuses a ciphertext that was altered (the tag is checked) or is not one', () => {
    const box = new SecretBox(parseKeyRing(key()));
    const sealed = box.seal('igsec_secret');
    const parts = sealed.split('.');
    const data = Buffer.from(parts[4], 'base64url');
    data[0] ^= 1;
    expect(() => box.open([...parts.slice(0, 4), data.toString('base64url')].join('.'))).toThrow();
    expect(() => box.open([...parts.slice(0, 3), parts[3].slice(0, 8), parts[4]].join('.'))).toThrow();
    expect(() => box.open('igsec_secret')).toThrow();
  });

  it('names the key in the ciphertext, so a new key can go first and the old one still opens', () => {
    const oldKey = key();
    const newKey = key();
    const before = new SecretBox(parseKeyRing(oldKey));
    const sealed = before.seal('igsec_old');
    const after = new SecretBox(parseKeyRing(`${newKey},${oldKey}`));
    expect(after.open(sealed)).toBe('igsec_old');
    expect(after.sealedWithOlderKey(sealed)).toBe(true);
    expect(after.sealedWithOlderKey(after.seal('igsec_new'))).toBe(false);
    expect(() => new SecretBox(parseKeyRing(newKey)).open(sealed)).toThrow(/not configured/);
  });

  it('parses named keys, hex keys, and refuses keys of the wrong size or repeated ids', () => {
    const hex = randomBytes(32).toString('hex');
    const ring = parseKeyRing(`2025a:${key()}, ${hex}`);
    expect(ring.map((k) => k.id)).toEqual(['2025a', keyIdOf(Buffer.from(hex, 'hex'))]);
    expect(() => parseKeyRing(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => parseKeyRing(`a:${key()},a:${key()}`)).toThrow(/differ/);
    expect(() => parseKeyRing(' , ')).toThrow();
  });
});

describe('keyRingFromEnv', () => {
  it('uses WEBHOOKS_SECRET_KEY when set', () => {
    const k = key();
    expect(keyRingFromEnv({ WEBHOOKS_SECRET_KEY: k, NODE_ENV: 'production' })[0].key.toString('base64')).toBe(k);
  });

  it('refuses to start in production without it', () => {
    expect(() => keyRingFromEnv({ NODE_ENV: 'production' })).toThrow(/WEBHOOKS_SECRET_KEY is required in production/);
  });

  it('elsewhere generates a key once under the data directory and keeps using it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'webhooks-key-'));
    const first = keyRingFromEnv({ DATA_DIR: dir, NODE_ENV: 'development' });
    const second = keyRingFromEnv({ DATA_DIR: dir, NODE_ENV: 'development' });
    expect(second[0].key.equals(first[0].key)).toBe(true);
    const file = join(dir, 'webhooks-secret-key');
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first[0].key)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});
