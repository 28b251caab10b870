import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMediaFile, MediaFileRejectedError, sniffMediaType } from './media-sniff';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(24)]);
const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.alloc(24)]);
const ftyp = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from(`ftyp${brand}`), Buffer.alloc(16)]);

describe('sniffMediaType', () => {
  it.each([
    ['png', png, 'image/png'],
    ['wav', wav, 'audio/wav'],
    ['mp4 isom', ftyp('isom'), 'video/mp4'],
    ['mp4 mp42', ftyp('mp42'), 'video/mp4'],
    ['vtt', Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n'), 'text/vtt'],
    ['vtt with BOM and header text', Buffer.from('\ufeffWEBVTT - captions\r\n\r\n'), 'text/vtt'],
    ['vtt alone', Buffer.from('WEBVTT'), 'text/vtt'],
    ['srt', Buffer.from('1\n00:00:00,000 --> 00:00:02,500\nHello\n'), 'application/x-subrip'],
    ['srt with BOM and CRLF', Buffer.from('\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n'), 'application/x-subrip'],
  ])('recognises %s', (_label, head, type) => {
    expect(sniffMediaType(head)).toBe(type);
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])],
    ['truncated png', png.subarray(0, 6)],
    ['riff but avi', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('AVI LIST')])],
    ['heic still image', ftyp('heic')],
    ['m4a audio', ftyp('M4A ')],
    ['WEBVTTX', Buffer.from('WEBVTTX\n')],
    ['plain text', Buffer.from('hello world\n')],
    ['number without timing', Buffer.from('1\nhello\n')],
    ['json', Buffer.from('{"error":"nope"}')],
  ])('refuses %s', (_label, head) => {
    expect(sniffMediaType(head)).toBeNull();
  });
});

describe('checkMediaFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'media-check-'));

  it('accepts a file of the expected type within the limit, from a path or a buffer', async () => {
    const path = join(dir, 'ok.png');
    writeFileSync(path, png);
    await expect(checkMediaFile({ path }, { expectedType: 'image/png', maxBytes: 1024 })).resolves.toEqual({ bytes: png.length, contentType: 'image/png' });
    await expect(checkMediaFile({ buffer: wav }, { expectedType: 'audio/wav', maxBytes: 1024 })).resolves.toEqual({ bytes: wav.length, contentType: 'audio/wav' });
  });

  it('refuses the wrong type, naming both', async () => {
    await expect(checkMediaFile({ buffer: wav }, { expectedType: 'image/png', maxBytes: 1024 })).rejects.toThrow(/should be image\/png but its content is audio\/wav/);
    await expect(checkMediaFile({ buffer: Buffer.from('garbage') }, { expectedType: 'video/mp4', maxBytes: 1024 })).rejects.toThrow(/not a recognised media type/);
  });

  it('refuses a file over the limit, and an empty one', async () => {
    const path = join(dir, 'big.png');
    writeFileSync(path, Buffer.concat([png, Buffer.alloc(4096)]));
    const err = await checkMediaFile({ path }, { expectedType: 'image/png', maxBytes: 2048 }).catch((e) => e);
    expect(err).toBeInstanceOf(MediaFileRejectedError);
    expect(err.reason).toBe('too_large');
    expect(err.message).toMatch(/4\.0 KiB, over the 2\.0 KiB limit for image\/png/);
    await expect(checkMediaFile({ buffer: Buffer.alloc(0) }, { expectedType: 'image/png', maxBytes: 10 })).rejects.toThrow(/empty/);
  });
});
