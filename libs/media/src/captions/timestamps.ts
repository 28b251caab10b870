// Cue timestamps: SRT writes `00:00:01,250`, WebVTT `00:00:01.250` (hours may be left out when reading WebVTT).

export class CaptionParseError extends Error {
  override readonly name = 'CaptionParseError';
  readonly code = 'captions_invalid' as const;
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** `HH:MM:SS<sep>mmm`, rounded to the nearest millisecond; hours grow past two digits if they must. */
export function formatTimestamp(seconds: number, separator: ',' | '.'): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`invalid cue time ${seconds}`);
  const totalMs = Math.round(seconds * 1000);
  const ms = totalMs % 1000;
  const totalSeconds = (totalMs - ms) / 1000;
  const s = totalSeconds % 60;
  const m = ((totalSeconds - s) / 60) % 60;
  const h = Math.floor(totalSeconds / 3600);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}${separator}${String(ms).padStart(3, '0')}`;
}

const TIMESTAMP = /^(?:(\d+):)?([0-5]\d):([0-5]\d)[,.](\d{3})$/;

/** Seconds of a `[HH:]MM:SS(,|.)mmm` timestamp, or undefined when it is not one. */
export function parseTimestamp(text: string): number | undefined {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return undefined;
  const [, h = '0', m, s, ms] = match;
  return (Number(h) * 3600 * 1000 + Number(m) * 60 * 1000 + Number(s) * 1000 + Number(ms)) / 1000;
}

/** Lines of a caption file without BOM, in any line-ending convention. */
export function captionLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}
