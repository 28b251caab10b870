import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const TOKEN_PATTERN = /^ig_(live|test)_[A-Za-z0-9]{16,128}$/;

/** A fresh API token: mode prefix + 40 base62 characters (~238 bits). */
export function generateToken(mode: 'live' | 'test'): string {
  const bytes = randomBytes(40);
  let body = '';
  for (const b of bytes) body += ALPHABET[b % ALPHABET.length];
  return `ig_${mode}_${body}`;
}

/**
 * Tokens are long random secrets, so a fast hash is enough to make a stolen table useless (unlike passwords,
 * they cannot be brute-forced); SHA-256 keeps the lookup an index hit.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenMode(token: string): 'live' | 'test' {
  return token.startsWith('ig_test_') ? 'test' : 'live';
}

export function tokenHint(token: string): string {
  return `${token.slice(0, 8)}…${token.slice(-4)}`;
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
