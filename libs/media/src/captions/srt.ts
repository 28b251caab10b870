import type { TimedSegment } from '../types';
import { blocksOf, checkCue, cueOfBlock, normalizeCueText } from './cue-blocks';
import { captionLines, formatTimestamp } from './timestamps';

/** SubRip text: numbered cues, `00:00:01,250 --> 00:00:03,000`. Cues without text are left out. */
export function toSrt(cues: readonly TimedSegment[]): string {
  let n = 0;
  let out = '';
  cues.forEach((cue, i) => {
    checkCue(cue, i);
    const text = normalizeCueText(cue.text);
    if (!text) return;
    out += `${++n}\n${formatTimestamp(cue.start, ',')} --> ${formatTimestamp(cue.end, ',')}\n${text}\n\n`;
  });
  return out;
}

/** Cues of a SubRip file; throws a `CaptionParseError` with the line number of what it cannot read. */
export function parseSrt(text: string): TimedSegment[] {
  return blocksOf(captionLines(text)).map(cueOfBlock);
}
