import { randomBytes } from 'node:crypto';
import { mediaSignature, signedMediaUrl, verifySignedMediaRequest } from './signed-media-url';

const signingKey = randomBytes(32);
const now = Date.UTC(2025, 0, 1, 12, 0, 0);
const expires = Math.floor(now / 1000) + 300;

/** Reads a signed link back the way the gateway would: key from the path, the rest from the query. */
function parse(url: string) {
  const u = new URL(url);
  return {
    key: u.pathname.replace(/^\/media\//, ''),
    expires: u.searchParams.get('expires'),
    sig: u.searchParams.get('sig'),
    name: u.searchParams.get('name'),
  };
}

describe('signed media links', () => {
  it('round-trips: a link made with the key verifies until it expires', () => {
    const url = signedMediaUrl('https://media.example.com/', signingKey, 'org/a.png', expires);
    expect(url).toMatch(/^https:\/\/media\.example\.com\/media\/org\/a\.png\?expires=\d+&sig=[0-9a-f]{64}$/);
    expect(verifySignedMediaRequest(parse(url), signingKey, now)).toBe('ok');
    expect(verifySignedMediaRequest(parse(url), signingKey, expires * 1000)).toBe('ok');
    expect(verifySignedMediaRequest(parse(url), signingKey, (expires + 1) * 1000)).toBe('expired');
  });

  it('signs the download name too, and carries names with any characters', () => {
    const name = 'Kampagne März & co "final".png';
    const url = signedMediaUrl('https://g.example', signingKey, 'a.png', expires, name);
    const request = parse(url);
    expect(request.name).toBe(name);
    expect(verifySignedMediaRequest(request, signingKey, now)).toBe('ok');
    expect(verifySignedMediaRequest({ ...request, name: 'other.png' }, signingKey, now)).toBe('bad_signature');
    expect(verifySignedMediaRequest({ ...request, name: null }, signingKey, now)).toBe('bad_signature');
  });

  it('refuses a link whose key, expiry or signature was changed', () => {
    const request = parse(signedMediaUrl('https://g.example', signingKey, 'org/a.png', expires));
    expect(verifySignedMediaRequest({ ...request, key: 'org/b.png' }, signingKey, now)).toBe('bad_signature');
    expect(verifySignedMediaRequest({ ...request, expires: String(expires + 3600) }, signingKey, now)).toBe('bad_signature');
    const flipped = request.sig!.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(verifySignedMediaRequest({ ...request, sig: flipped }, signingKey, now)).toBe('bad_signature');
    expect(verifySignedMediaRequest({ ...request, name: 'x.png' }, signingKey, now)).toBe('bad_signature');
  });

  it('refuses a link signed with another key, and an expired one signed with another key is still bad_signature', () => {
    const request = parse(signedMediaUrl('https://g.example', randomBytes(32), 'a.png', expires));
    expect(verifySignedMediaRequest(request, signingKey, now)).toBe('bad_signature');
    expect(verifySignedMediaRequest(request, signingKey, (expires + 10) * 1000)).toBe('bad_signature');
  });

  it('accepts a numeric expiry and an uppercase hex signature', () => {
    const sig = mediaSignature(signingKey, 'a.png', expires).toUpperCase();
    expect(verifySignedMediaRequest({ key: 'a.png', expires, sig }, signingKey, now)).toBe('ok');
  });

  it.each([
    ['no signature', { key: 'a.png', expires: String(expires), sig: undefined }],
    ['empty signature', { key: 'a.png', expires: String(expires), sig: '' }],
    ['short signature', { key: 'a.png', expires: String(expires), sig: 'abcd' }],
    ['non-hex signature', { key: 'a.png', expires: String(expires), sig: 'z'.repeat(64) }],
    ['no expiry', { key: 'a.png', expires: undefined, sig: 'a'.repeat(64) }],
    ['negative expiry', { key: 'a.png', expires: '-5', sig: 'a'.repeat(64) }],
    ['fractional expiry', { key: 'a.png', expires: '1.5', sig: 'a'.repeat(64) }],
    ['huge expiry', { key: 'a.png', expires: '9'.repeat(400), sig: 'a'.repeat(64) }],
    ['traversal key', { key: '../secret', expires: String(expires), sig: 'a'.repeat(64) }],
    ['non-string key', { key: 7 as unknown as string, expires: String(expires), sig: 'a'.repeat(64) }],
    ['non-string name', { key: 'a.png', expires: String(expires), sig: 'a'.repeat(64), name: {} as unknown as string }],
  ])('calls garbage (%s) a bad signature without throwing', (_label, request) => {
    expect(verifySignedMediaRequest(request, signingKey, now)).toBe('bad_signature');
  });

  it('calls a missing request a bad signature', () => {
    expect(verifySignedMediaRequest(null as never, signingKey, now)).toBe('bad_signature');
  });
});
