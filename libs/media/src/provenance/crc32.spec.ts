import { crc32 } from './crc32';

describe('crc32', () => {
  it('matches the standard check value for "123456789"', () => {
    expect(crc32(Buffer.from('123456789', 'ascii'))).toBe(0xcbf43926);
  });

  it('is 0 for no bytes', () => {
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('matches the CRC of a real PNG IEND chunk (type bytes only)', () => {
    expect(crc32(Buffer.from('IEND', 'ascii'))).toBe(0xae426082);
  });

  it('continues across buffers when seeded with a previous result', () => {
    const whole = crc32(Buffer.from('IHDR plus data', 'ascii'));
    const split = crc32(Buffer.from(' plus data', 'ascii'), crc32(Buffer.from('IHDR', 'ascii')));
    expect(split).toBe(whole);
  });
});
