import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isFastStart } from './faststart';
import { iso639_2 } from './languages';
import { readPngHeader, sameShape } from './png-header';
import { summarizeProbe } from './probe';
import { encodedSeconds, ProgressReader } from './progress';

function box(type: string, payload = 0): Buffer {
  const b = Buffer.alloc(8 + payload);
  b.writeUInt32BE(8 + payload, 0);
  b.write(type, 4, 'latin1');
  return b;
}

function largeBox(type: string, payload: number): Buffer {
  const b = Buffer.alloc(16 + payload);
  b.writeUInt32BE(1, 0);
  b.write(type, 4, 'latin1');
  b.writeBigUInt64BE(BigInt(16 + payload), 8);
  return b;
}

describe('isFastStart', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faststart-spec-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, ...boxes: Buffer[]) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, Buffer.concat(boxes));
    return p;
  };

  it('is true when moov comes before mdat', async () => {
    expect(await isFastStart(file('fast.mp4', box('ftyp', 16), box('free', 3), box('moov', 100), box('mdat', 1000)))).toBe(true);
  });

  it('is false when mdat comes first, or there is no moov', async () => {
    expect(await isFastStart(file('slow.mp4', box('ftyp', 16), box('mdat', 1000), box('moov', 100)))).toBe(false);
    expect(await isFastStart(file('none.mp4', box('ftyp', 16), box('free', 10)))).toBe(false);
  });

  it('follows 64-bit box sizes', async () => {
    expect(await isFastStart(file('large.mp4', box('ftyp', 16), largeBox('wide', 40), box('moov', 8), box('mdat', 8)))).toBe(true);
  });

  it('stops at a damaged size instead of looping', async () => {
    const broken = box('ftyp', 16);
    broken.writeUInt32BE(3, 0);
    expect(await isFastStart(file('broken.mp4', broken, box('moov', 8)))).toBe(false);
  });
});

describe('ffmpeg progress', () => {
  it('reads microseconds and clock times', () => {
    expect(encodedSeconds('out_time_us=2500000')).toBe(2.5);
    expect(encodedSeconds('out_time_ms=2500000')).toBe(2.5); // ffmpeg's old name, also in µs
    expect(encodedSeconds('out_time=00:01:02.500000')).toBe(62.5);
    expect(encodedSeconds('out_time_us=N/A')).toBeUndefined();
    expect(encodedSeconds('out_time_us=-23000')).toBeUndefined();
    expect(encodedSeconds('frame=12')).toBeUndefined();
  });

  it('reports growing fractions across split chunks, holding 1 back until finished', () => {
    const seen: number[] = [];
    const reader = new ProgressReader(10, (f) => seen.push(f));
    reader.push('frame=1\nout_time_us=2000');
    reader.push('000\nprogress=continue\nout_time_us=1000000\nout_time=00:00:05.000000\n');
    reader.push('out_time_us=12000000\nprogress=end\n');
    expect(seen).toEqual([0.2, 0.5, 0.99]);
    reader.finish();
    expect(seen.at(-1)).toBe(1);
  });
});

describe('PNG header', () => {
  const png = (width: number, height: number, colourType = 6) => {
    const b = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
    b.writeUInt32BE(13, 8);
    b.write('IHDR', 12, 'latin1');
    b.writeUInt32BE(width, 16);
    b.writeUInt32BE(height, 20);
    b[24] = 8;
    b[25] = colourType;
    return b;
  };

  it('reads size and layout', () => {
    expect(readPngHeader(png(720, 1280))).toEqual({ width: 720, height: 1280, bitDepth: 8, colourType: 6 });
    expect(readPngHeader(Buffer.from('GIF89a and more bytes than that....'))).toBeUndefined();
  });

  it('tells frames of one shape from mixed ones', () => {
    expect(sameShape(readPngHeader(png(720, 1280))!, readPngHeader(png(720, 1280))!)).toBe(true);
    expect(sameShape(readPngHeader(png(720, 1280))!, readPngHeader(png(720, 1280, 2))!)).toBe(false);
  });
});

describe('iso639_2', () => {
  it.each([
    ['en-US', 'eng'],
    ['de', 'deu'],
    ['pt_BR', 'por'],
    ['hi', 'hin'],
    ['fil', 'fil'],
    ['zz', 'und'],
  ])('%s → %s', (tag, code) => expect(iso639_2(tag)).toBe(code));
});

describe('summarizeProbe', () => {
  it('reduces ffprobe JSON to the checked fields', () => {
    const summary = summarizeProbe({
      streams: [
        { codec_type: 'video', codec_name: 'h264', width: 720, height: 1280, pix_fmt: 'yuv420p', tags: { language: 'und' } },
        { codec_type: 'audio', codec_name: 'aac' },
        { codec_type: 'subtitle', codec_name: 'mov_text', tags: { language: 'eng' } },
      ],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '8.000000', tags: { COMMENT: 'AI-generated' } },
    });
    expect(summary).toEqual({
      durationSeconds: 8,
      width: 720,
      height: 1280,
      videoCodec: 'h264',
      pixFmt: 'yuv420p',
      audioCodec: 'aac',
      subtitleCodec: 'mov_text',
      formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
      tags: { comment: 'AI-generated', 'video:language': 'und', 'subtitle:language': 'eng' },
    });
  });

  it('gives nulls for missing streams', () => {
    expect(summarizeProbe({ streams: [{ codec_type: 'audio', codec_name: 'mp3', duration: '3.5' }], format: {} })).toMatchObject({
      durationSeconds: 3.5,
      videoCodec: null,
      width: null,
      subtitleCodec: null,
    });
  });
});
