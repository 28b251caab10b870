import { open } from 'node:fs/promises';

export type SniffedMediaType = 'image/png' | 'audio/wav' | 'video/mp4' | 'text/vtt' | 'application/x-subrip';

/** How many leading bytes sniffing looks at: enough for the MP4 brand and the first cue of a subtitle file. */
export const SNIFF_BYTES = 512;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** ISO media brands that are still images or audio-only files, not video. */
const NON_VIDEO_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'mif1', 'msf1', 'avif', 'avis', 'M4A ', 'M4B ', 'M4P ']);
const SRT_TIMING = /^\d{1,2}:\d{2}:\d{2},\d{3} --> \d{1,2}:\d{2}:\d{2},\d{3}/;

/** The media type of a file from its first bytes (magic numbers, or the first lines of a subtitle file); null when none. */
export function sniffMediaType(head: Buffer): SniffedMediaType | null {
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WAVE') return 'audio/wav';
  if (head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp' && !NON_VIDEO_BRANDS.has(head.toString('latin1', 8, 12))) return 'video/mp4';
  return sniffSubtitles(head);
}

function sniffSubtitles(head: Buffer): SniffedMediaType | null {
  let text = head.toString('utf8');
  if (text.startsWith('\ufeff')) text = text.slice(1);
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(text)) return 'text/vtt';
  const lines = text.replace(/^(?:\r?\n)+/, '').split(/\r?\n/);
  if (lines.length >= 2 && /^\d+$/.test(lines[0].trim()) && SRT_TIMING.test(lines[1].trim())) return 'application/x-subrip';
  return null;
}

export type MediaFileSource = { path: string } | { buffer: Buffer };

export interface MediaFileCheck {
  expectedType: SniffedMediaType;
  maxBytes: number;
}

export class MediaFileRejectedError extends Error {
  override readonly name = 'MediaFileRejectedError';

  constructor(readonly reason: 'empty' | 'too_large' | 'wrong_type', message: string) {
    super(message);
  }
}

/**
 * Refuses a file that is empty, larger than `maxBytes` or not of the expected type, with a message saying which.
 * Used before an item references a file, so a mislabelled upload or a half-written render never gets published.
 */
export async function checkMediaFile(source: MediaFileSource, check: MediaFileCheck): Promise<{ bytes: number; contentType: SniffedMediaType }> {
  const { bytes, head } = 'buffer' in source ? { bytes: source.buffer.length, head: source.buffer.subarray(0, SNIFF_BYTES) } : await readHead(source.path);
  const what = 'buffer' in source ? 'the file' : `the file ${source.path}`;
  if (bytes === 0) throw new MediaFileRejectedError('empty', `${what} is empty`);
  if (bytes > check.maxBytes) {
    throw new MediaFileRejectedError('too_large', `${what} is ${formatBytes(bytes)}, over the ${formatBytes(check.maxBytes)} limit for ${check.expectedType}`);
  }
  const found = sniffMediaType(head);
  if (found !== check.expectedType) {
    throw new MediaFileRejectedError('wrong_type', `${what} should be ${check.expectedType} but its content is ${found ?? 'not a recognised media type'}`);
  }
  return { bytes, contentType: found };
}

async function readHead(path: string): Promise<{ bytes: number; head: Buffer }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return { bytes: size, head: head.subarray(0, bytesRead) };
  } finally {
    await handle.close();
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
