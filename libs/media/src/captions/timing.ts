import type { TimedSegment } from '../types';

/** Seconds rounded to whole milliseconds, the precision of SRT and WebVTT. */
export function roundToMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

export interface TimeCuesOptions {
  /** Silence between two spoken segments. Default 0. */
  gapSeconds?: number;
  /** Where the first segment starts. Default 0. */
  startSeconds?: number;
}

/**
 * Places spoken segments of known length one after another with a gap between them. Each cue starts when its speech
 * starts and stays up through the gap until the next one starts, so the cues are contiguous and the last one ends
 * with the speech. Boundaries are rounded to milliseconds once, so a cue's end is exactly the next cue's start.
 */
export function timeCues(segments: readonly string[], durations: readonly number[], options: TimeCuesOptions = {}): TimedSegment[] {
  const { gapSeconds = 0, startSeconds = 0 } = options;
  if (segments.length !== durations.length) throw new RangeError(`${segments.length} segments but ${durations.length} durations`);
  if (durations.some((d) => !(d >= 0)) || !(gapSeconds >= 0)) throw new RangeError('durations and the gap must be non-negative numbers');
  const starts: number[] = [];
  let cursor = startSeconds;
  for (const duration of durations) {
    starts.push(roundToMs(cursor));
    cursor += duration + gapSeconds;
  }
  const end = roundToMs(cursor - (durations.length ? gapSeconds : 0));
  return segments.map((text, i) => ({ text, start: starts[i], end: i + 1 < starts.length ? starts[i + 1] : end }));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Visible length of a text: user-perceived characters, so a Devanagari syllable with its marks counts once. */
export function visibleLength(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

/**
 * Spreads segments over `totalSeconds` in proportion to their length, for captions without speech to measure
 * (reading time grows with the text). Contiguous, from 0 to exactly `totalSeconds`.
 */
export function timeCuesByLength(segments: readonly string[], totalSeconds: number): TimedSegment[] {
  if (!(totalSeconds > 0)) throw new RangeError('totalSeconds must be positive');
  const weights = segments.map((text) => Math.max(1, visibleLength(text)));
  const total = weights.reduce((a, b) => a + b, 0);
  return timeCues(
    segments,
    weights.map((w) => (w / total) * totalSeconds),
  ).map((cue, i, all) => (i === all.length - 1 ? { ...cue, end: roundToMs(totalSeconds) } : cue));
}
