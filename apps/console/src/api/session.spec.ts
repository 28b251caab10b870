import { forgetKey, keyMode, loadKey, maskKey, saveKey, type KeyStorage } from './session';

function memoryStorage(): KeyStorage & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (k) => values.get(k) ?? null, setItem: (k, v) => void values.set(k, v), removeItem: (k) => void values.delete(k) };
}

describe('console session key', () => {
  it('tells live keys from sandbox keys and refuses anything else', () => {
    expect(keyMode('ig_live_abcdefgh1234')).toBe('live');
    expect(keyMode(' ig_test_abcdefgh1234 ')).toBe('sandbox');
    expect(keyMode('sk_live_abcdefgh1234')).toBeUndefined();
    expect(keyMode('ig_test_short')).toBeUndefined();
  });

  it('masks the middle of a key', () => {
    const masked = maskKey('ig_test_0123456789abcdefghij');
    expect(masked).toBe('ig_test_0123…ghij');
    expect(masked).not.toContain('456789');
  });

  it('keeps a key in the given storage, trimmed, and forgets it', () => {
    const storage = memoryStorage();
    expect(loadKey(storage)).toBeUndefined();
    saveKey(storage, '  ig_live_abcdefgh1234\n');
    expect(loadKey(storage)).toBe('ig_live_abcdefgh1234');
    forgetKey(storage);
    expect(loadKey(storage)).toBeUndefined();
    expect(storage.values.size).toBe(0);
  });

  it('ignores a stored value that is not a key', () => {
    const storage = memoryStorage();
    storage.setItem('influgentic.console.apiKey', 'garbage');
    expect(loadKey(storage)).toBeUndefined();
  });
});
