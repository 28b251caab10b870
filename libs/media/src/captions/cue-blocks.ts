import type { TimedSegment } from '../types';
import { CaptionParseError, parseTimestamp } from './timestamps';

/** A run of non-blank lines, with the 1-based number of its first line. */
export interface Block {
  firstLine: number;
  lines: string[];
}

/** Groups lines into blocks separated by blank lines, as both SRT and WebVTT are written. */
export function blocksOf(lines: readonly string[], fromIndex = 0): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let i = fromIndex; i < lines.length; i++) {
    if (lines[i].trim() === '') {
      current = undefined;
      continue;
    }
    if (!current) blocks.push((current = { firstLine: i + 1, lines: [] }));
    current.lines.push(lines[i]);
  }
  return blocks;
}

/**
 * One cue block: an optional identifier line, the timing line `start --> end` (anything after the end time, such as
 * WebVTT cue settings, is ignored), then the text lines.
 */
export function cueOfBlock(block: Block): TimedSegment {
  const timingAt = block.lines[0].includes('-->') ? 0 : 1;
  const timing = block.lines[timingAt];
  const line = block.firstLine + timingAt;
  if (timing === undefined || !timing.includes('-->')) throw new CaptionParseError('expected a timing line `start --> end`', line);
  const [startText, rest] = timing.split('-->', 2);
  const endText = rest.trim().split(/\s+/)[0] ?? '';
  const start = parseTimestamp(startText);
  const end = parseTimestamp(endText);
  if (start === undefined) throw new CaptionParseError(`invalid start time "${startText.trim()}"`, line);
  if (end === undefined) throw new CaptionParseError(`invalid end time "${endText}"`, line);
  if (end < start) throw new CaptionParseError('cue ends before it starts', line);
  return { text: block.lines.slice(timingAt + 1).join('\n'), start, end };
}

/** Cue text as a caption file can hold it: LF line breaks, no blank lines (a blank line ends a cue), no outer space. */
export function normalizeCueText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

export function checkCue(cue: TimedSegment, index: number): void {
  if (!Number.isFinite(cue.start) || !Number.isFinite(cue.end) || cue.start < 0 || cue.end < cue.start) {
    throw new RangeError(`cue ${index + 1} has invalid times ${cue.start} → ${cue.end}`);
  }
}
