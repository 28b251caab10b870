// RIFF/WAVE PCM: enough to read espeak-ng's output, measure it exactly and join clips without re-encoding.

export interface WavFormat {
  /** 1 = integer PCM, 3 = IEEE float. */
  audioFormat: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
}

export interface WavAudio extends WavFormat {
  /** The sample bytes (the `data` chunk), whole frames only. */
  data: Buffer;
}

export class WavFormatError extends Error {
  override readonly name = 'WavFormatError';
}

const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

export function bytesPerFrame(format: WavFormat): number {
  return format.channels * (format.bitsPerSample / 8);
}

export function frameCount(wav: WavAudio): number {
  return wav.data.length / bytesPerFrame(wav);
}

/** Exact length in seconds, from the number of sample frames. */
export function wavDurationSeconds(wav: WavAudio): number {
  return frameCount(wav) / wav.sampleRate;
}

/**
 * Reads a PCM WAV. Sizes a streaming writer could not know (espeak-ng on stdout writes 0x7ffff000) are clamped to
 * the bytes actually present, and a trailing partial frame is dropped.
 */
export function parseWav(buf: Buffer): WavAudio {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new WavFormatError('not a RIFF/WAVE file');
  }
  let format: WavFormat | undefined;
  let offset = 12;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    const declared = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    const size = Math.min(declared, buf.length - body);
    if (id === 'fmt ') {
      if (size < 16) throw new WavFormatError('fmt chunk is too short');
      let audioFormat = buf.readUInt16LE(body);
      if (audioFormat === WAVE_FORMAT_EXTENSIBLE && size >= 26) audioFormat = buf.readUInt16LE(body + 24); // sub-format GUID
      format = {
        audioFormat,
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        bitsPerSample: buf.readUInt16LE(body + 14),
      };
      if (format.audioFormat !== 1 && format.audioFormat !== 3) throw new WavFormatError(`unsupported WAV encoding ${format.audioFormat}`);
      if (!format.channels || !format.sampleRate || format.bitsPerSample % 8 !== 0 || !format.bitsPerSample) {
        throw new WavFormatError('invalid fmt chunk');
      }
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('data chunk before fmt chunk');
      const frame = bytesPerFrame(format);
      const whole = size - (size % frame);
      return { ...format, data: buf.subarray(body, body + whole) };
    }
    offset = body + size + (size % 2); // chunks are padded to an even length
  }
  throw new WavFormatError(format ? 'no data chunk' : 'no fmt chunk');
}

/** A canonical 44-byte-header WAV of the given samples. */
export function writeWav(wav: WavAudio): Buffer {
  const header = Buffer.alloc(44);
  const frame = bytesPerFrame(wav);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + wav.data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(wav.audioFormat, 20);
  header.writeUInt16LE(wav.channels, 22);
  header.writeUInt32LE(wav.sampleRate, 24);
  header.writeUInt32LE(wav.sampleRate * frame, 28);
  header.writeUInt16LE(frame, 32);
  header.writeUInt16LE(wav.bitsPerSample, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(wav.data.length, 40);
  const padding = wav.data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0);
  return Buffer.concat([header, wav.data, padding]);
}

export function sameFormat(a: WavFormat, b: WavFormat): boolean {
  return a.audioFormat === b.audioFormat && a.channels === b.channels && a.sampleRate === b.sampleRate && a.bitsPerSample === b.bitsPerSample;
}

/** `seconds` rounded to a whole number of sample frames: the length a silence of `seconds` really has. */
export function wholeFrameSeconds(format: WavFormat, seconds: number): number {
  return Math.max(0, Math.round(seconds * format.sampleRate)) / format.sampleRate;
}

/** Whole frames of silence closest to `seconds` (8-bit PCM is unsigned: its silence is 0x80). */
export function silenceFrames(format: WavFormat, seconds: number): Buffer {
  const frames = Math.max(0, Math.round(seconds * format.sampleRate));
  return Buffer.alloc(frames * bytesPerFrame(format), format.audioFormat === 1 && format.bitsPerSample === 8 ? 0x80 : 0);
}

/** Clips of one format joined end to end with `gapSeconds` of silence between them. */
export function joinWavs(clips: readonly WavAudio[], gapSeconds = 0): WavAudio {
  if (!clips.length) throw new WavFormatError('nothing to join');
  const [first] = clips;
  const mismatch = clips.find((clip) => !sameFormat(clip, first));
  if (mismatch) throw new WavFormatError('clips have different sample formats');
  const gap = silenceFrames(first, gapSeconds);
  const parts: Buffer[] = [];
  clips.forEach((clip, i) => {
    if (i > 0) parts.push(gap);
    parts.push(clip.data);
  });
  const { audioFormat, channels, sampleRate, bitsPerSample } = first;
  return { audioFormat, channels, sampleRate, bitsPerSample, data: Buffer.concat(parts) };
}
