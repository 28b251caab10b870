import { generateToken, hashToken, safeEqual, TOKEN_PATTERN, tokenHint, tokenMode } from './tokens';

describe('API tokens', () => {
  it('generates distinct tokens of the documented shape per mode', () => {
    const live = generateToken('live');
    const test = generateToken('test');
    expect(live).toMatch(/^ig_live_[A-Za-z0-9]{40}$/);
    expect(test).toMatch(/^ig_test_[A-Za-z0-9]{40}$/);
    expect(TOKEN_PATTERN.test(live)).toBe(true);
    expect(generateToken('live')).not.toBe(live);
    expect(tokenMode(test)).toBe('test');
    expect(tokenMode(live)).toBe('live');
  });

  it('stores only a hash and shows a hint that does not reveal the token', () => {
    const t = generateToken('live');
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(t)).not.toContain(t.slice(8));
    expect(tokenHint(t)).toBe(`${t.slice(0, 8)}…${t.slice(-4)}`);
  });

  it('compares secrets in constant time and handles length mismatch', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
