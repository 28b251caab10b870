/**
 * Reads ffmpeg's `-progress` key=value lines and reports the encoded share of the video, never going backwards and
 * staying below 1 until `finish()`, which callers call once the file is really in place.
 */
export class ProgressReader {
  private pending = '';
  private reported = 0;

  constructor(
    private readonly durationSeconds: number,
    private readonly onProgress?: (fraction: number) => void,
  ) {}

  push(chunk: Buffer | string): void {
    const lines = (this.pending + chunk.toString()).split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) {
      const seconds = encodedSeconds(line.trim());
      if (seconds !== undefined) this.report(Math.min(0.99, seconds / this.durationSeconds));
    }
  }

  finish(): void {
    this.report(1);
  }

  private report(fraction: number): void {
    if (!this.onProgress || !(fraction > this.reported)) return;
    this.reported = fraction;
    this.onProgress(fraction);
  }
}

/** Seconds encoded so far from one progress line: `out_time_us` (and the older, misnamed `out_time_ms`) are in µs. */
export function encodedSeconds(line: string): number | undefined {
  const eq = line.indexOf('=');
  if (eq < 0) return undefined;
  const key = line.slice(0, eq);
  const value = line.slice(eq + 1);
  if (key === 'out_time_us' || key === 'out_time_ms') {
    const micros = Number(value);
    return Number.isFinite(micros) && micros >= 0 ? micros / 1e6 : undefined;
  }
  if (key === 'out_time') {
    const match = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value);
    return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : undefined;
  }
  return undefined;
}
