// Where the pasted API key lives: session storage only (closing the tab forgets it; no cookie, so no CSRF surface).

/** The part of the Web Storage API the console uses. */
export interface KeyStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type KeyMode = 'live' | 'sandbox';

const STORAGE_KEY = 'influgentic.console.apiKey';
const KEY_SHAPE = /^ig_(live|test)_[A-Za-z0-9_-]{8,}$/;

/** `live` for `ig_live_…`, `sandbox` for `ig_test_…`, undefined for anything else. */
export function keyMode(key: string): KeyMode | undefined {
  const match = KEY_SHAPE.exec(key.trim());
  if (!match) return undefined;
  return match[1] === 'live' ? 'live' : 'sandbox';
}

/** Shows the start and end of a key, never the whole secret. */
export function maskKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed.length <= 16) return `${trimmed.slice(0, 8)}…`;
  return `${trimmed.slice(0, 12)}…${trimmed.slice(-4)}`;
}

export function loadKey(storage: KeyStorage): string | undefined {
  const key = storage.getItem(STORAGE_KEY);
  return key && keyMode(key) ? key : undefined;
}

export function saveKey(storage: KeyStorage, key: string): void {
  storage.setItem(STORAGE_KEY, key.trim());
}

export function forgetKey(storage: KeyStorage): void {
  storage.removeItem(STORAGE_KEY);
}
