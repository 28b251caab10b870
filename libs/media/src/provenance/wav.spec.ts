import { markWav, readInfoList, readRiffChunks, readWavProvenance, WAV_AI_COMMENT } from './wav';

/** A mono 8-bit WAV with an odd number of samples, so its data chunk needs a pad byte. */
function tinyWav(extraChunks: Buffer[] = []): Buffer {
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(8000, 4);
  fmt.writeUInt32LE(8000, 8);
  fmt.writeUInt16LE(1, 12);
  fmt.writeUInt16LE(8, 14);
  const samples = Buffer.from([128, 130, 126]);
  const body = Buffer.concat([
    Buffer.from('fmt '), u32(16), fmt,
    Buffer.from('data'), u32(samples.length), samples, Buffer.from([0]),
    ...extraChunks,
  ]);
  return Buffer.concat([Buffer.from('RIFF'), u32(4 + body.length), Buffer.from('WAVE'), body]);
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value, 0);
  return b;
}

const info = { createdAt: new Date('2025-05-06T07:08:09.000Z'), fields: { agentName: 'Aria' } };

describe('WAV marking', () => {
  it('appends _PMX and LIST/INFO after the audio and keeps the audio where it was', () => {
    const original = tinyWav();
    const marked = markWav(original, info);
    expect(readRiffChunks(marked).map((chunk) => chunk.id)).toEqual(['fmt ', 'data', '_PMX', 'LIST']);
    expect(marked.subarray(0, original.length).subarray(8)).toEqual(original.subarray(8));
  });

  it('fixes up the RIFF size and word-aligns every chunk', () => {
    const marked = markWav(tinyWav(), info);
    expect(marked.readUInt32LE(4)).toBe(marked.length - 8);
    expect(marked.length % 2).toBe(0);
    let offset = 12;
    while (offset < marked.length) {
      expect(offset % 2).toBe(0);
      const size = marked.readUInt32LE(offset + 4);
      offset += 8 + size + (size % 2);
    }
    expect(offset).toBe(marked.length);
  });

  it('writes ISFT and ICMT as NUL-terminated text in the INFO list', () => {
    const list = readRiffChunks(markWav(tinyWav(), info)).find((chunk) => chunk.id === 'LIST')!;
    const entries = readInfoList(list.data)!;
    expect(entries.map((entry) => [entry.id, entry.data.toString('utf8')])).toEqual([
      ['ISFT', 'Influgentic\0'],
      ['ICMT', `${WAV_AI_COMMENT}\0`],
    ]);
  });

  it('reads the XMP back and replaces a previous marking while keeping other INFO entries', () => {
    const title = Buffer.concat([Buffer.from('INAM'), u32(4), Buffer.from('Hi!\0')]);
    const withTitle = tinyWav([Buffer.concat([Buffer.from('LIST'), u32(4 + title.length), Buffer.from('INFO'), title])]);
    const twice = markWav(markWav(withTitle, info), { ...info, fields: { agentName: 'Bo' } });
    const chunks = readRiffChunks(twice);
    expect(chunks.filter((chunk) => chunk.id === '_PMX')).toHaveLength(1);
    expect(chunks.filter((chunk) => chunk.id === 'LIST')).toHaveLength(1);
    const ids = readInfoList(chunks.find((chunk) => chunk.id === 'LIST')!.data)!.map((entry) => entry.id);
    expect(ids).toEqual(['INAM', 'ISFT', 'ICMT']);
    expect(readWavProvenance(twice)).toMatchObject({ agentName: 'Bo', createdAt: '2025-05-06T07:08:09.000Z' });
  });

  it('finds no marking in an unmarked file and refuses a file that is not RIFF/WAVE', () => {
    expect(readWavProvenance(tinyWav())).toBeNull();
    expect(() => markWav(Buffer.from('RIFF\0\0\0\0AVI LIST'), info)).toThrow(/not a RIFF\/WAVE/);
  });
});
