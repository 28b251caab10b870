import { joinWavs, parseWav, silenceFrames, wavDurationSeconds, WavFormatError, writeWav, type WavAudio } from './wav';

const mono16k = { audioFormat: 1, channels: 1, sampleRate: 16000, bitsPerSample: 16 };

function tone(frames: number, format = mono16k, value = 1000): WavAudio {
  const data = Buffer.alloc(frames * format.channels * (format.bitsPerSample / 8));
  for (let i = 0; i < data.length; i += 2) data.writeInt16LE(value, i);
  return { ...format, data };
}

describe('WAV', () => {
  it('writes a canonical header and reads it back', () => {
    const wav = tone(16000);
    const file = writeWav(wav);
    expect(file.length).toBe(44 + 32000);
    expect(file.toString('ascii', 0, 4)).toBe('RIFF');
    expect(file.readUInt32LE(4)).toBe(file.length - 8);
    expect(file.readUInt32LE(28)).toBe(32000); // byte rate
    const parsed = parseWav(file);
    expect(parsed).toEqual({ ...mono16k, data: wav.data });
    expect(wavDurationSeconds(parsed)).toBe(1);
  });

  it('clamps the placeholder sizes of a streamed WAV to what is there', () => {
    const file = writeWav(tone(1000));
    file.writeUInt32LE(0x7ffff000, 4);
    file.writeUInt32LE(0x7ffff000, 40);
    const truncated = file.subarray(0, file.length - 1); // and a partial last frame
    expect(parseWav(truncated).data.length).toBe(1998);
  });

  it('skips unknown chunks, including odd-sized ones with their pad byte', () => {
    const canonical = writeWav(tone(10));
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc'), Buffer.from([0])]);
    const file = Buffer.concat([canonical.subarray(0, 36), list, canonical.subarray(36)]);
    expect(parseWav(file).data).toEqual(tone(10).data);
  });

  it('rejects what is not PCM WAV', () => {
    expect(() => parseWav(Buffer.from('not a wav file at all'))).toThrow(WavFormatError);
    const mp3ish = writeWav(tone(10));
    mp3ish.writeUInt16LE(85, 20);
    expect(() => parseWav(mp3ish)).toThrow(/unsupported/);
    expect(() => parseWav(writeWav(tone(10)).subarray(0, 36))).toThrow(/no data chunk/);
  });

  it('joins clips with whole frames of silence between them', () => {
    const joined = joinWavs([tone(1600), tone(800)], 0.25);
    expect(wavDurationSeconds(joined)).toBeCloseTo(0.1 + 0.25 + 0.05, 9);
    const gapStart = 1600 * 2;
    expect(joined.data.readInt16LE(gapStart)).toBe(0);
    expect(joined.data.readInt16LE(gapStart + 4000 * 2)).toBe(1000);
  });

  it('uses the midpoint as silence for unsigned 8-bit audio', () => {
    expect(silenceFrames({ audioFormat: 1, channels: 2, sampleRate: 8000, bitsPerSample: 8 }, 0.001)).toEqual(Buffer.alloc(16, 0x80));
  });

  it('refuses to join different formats', () => {
    expect(() => joinWavs([tone(10), tone(10, { ...mono16k, sampleRate: 22050 })])).toThrow(/different sample formats/);
  });
});
