import { assertMediaKey, mediaKeyProblem } from './media-key';
import { MediaStorageError } from './media-storage';

describe('media keys', () => {
  it.each(['a', 'org_1/content/abc-123/image.0.png', '0/x.wav', 'a/b/c.vtt'])('accepts %s', (key) => {
    expect(mediaKeyProblem(key)).toBeNull();
    expect(() => assertMediaKey(key)).not.toThrow();
  });

  it.each([
    ['', /non-empty/],
    ['/etc/passwd', /starts with/],
    ['.hidden', /starts with/],
    ['Upper.png', /lowercase/],
    ['a b.png', /only a-z/],
    ['a/../b', /\.\./],
    ['a/..', /\.\./],
    ['a//b', /empty path segments/],
    ['a/', /empty path segments/],
    ['a\\b', /only a-z/],
    ['a%2e%2e/b', /only a-z/],
    ['a'.repeat(513), /at most 512/],
  ])('refuses %j', (key, why) => {
    expect(mediaKeyProblem(key)).toMatch(why);
    expect(() => assertMediaKey(key)).toThrow(MediaStorageError);
  });

  it('accepts exactly 512 characters and refuses non-strings', () => {
    expect(mediaKeyProblem('a'.repeat(512))).toBeNull();
    expect(mediaKeyProblem(undefined)).not.toBeNull();
    expect(mediaKeyProblem(42)).not.toBeNull();
  });

  it('says invalid_key in the error code', () => {
    try {
      assertMediaKey('../x');
      throw new Error('accepted');
    } catch (err) {
      expect((err as MediaStorageError).code).toBe('invalid_key');
    }
  });
});
