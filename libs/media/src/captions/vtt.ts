import type { TimedSegment } from '../types';
import { blocksOf, checkCue, cueOfBlock, normalizeCueText } from './cue-blocks';
import { CaptionParseError, captionLines, formatTimestamp } from './timestamps';

// Cue text is HTML-like in WebVTT: these three must be escaped (which also keeps `-->` out of the text).
const escapeCueText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&nbsp;': '\u00a0', '&lrm;': '\u200e', '&rlm;': '\u200f' };
const unescapeCueText = (text: string) => text.replace(/&(?:amp|lt|gt|nbsp|lrm|rlm);/g, (entity) => ENTITIES[entity]);

/** WebVTT text: the `WEBVTT` header, then `00:00:01.250 --> 00:00:03.000` cues. Cues without text are left out. */
export function toVtt(cues: readonly TimedSegment[]): string {
  let out = 'WEBVTT\n\n';
  cues.forEach((cue, i) => {
    checkCue(cue, i);
    const text = normalizeCueText(cue.text);
    if (!text) return;
    out += `${formatTimestamp(cue.start, '.')} --> ${formatTimestamp(cue.end, '.')}\n${escapeCueText(text)}\n\n`;
  });
  return out;
}

const NON_CUE_BLOCK = /^(NOTE|STYLE|REGION)(\s|$)/;

/** Cues of a WebVTT file (comments, styles and regions skipped); throws a `CaptionParseError` when it is not one. */
export function parseVtt(text: string): TimedSegment[] {
  const lines = captionLines(text);
  if (!/^WEBVTT([ \t].*)?$/.test(lines[0] ?? '')) throw new CaptionParseError('a WebVTT file starts with "WEBVTT"', 1);
  // The header runs up to the first blank line.
  let body = 1;
  while (body < lines.length && lines[body].trim() !== '') body++;
  return blocksOf(lines, body)
    .filter((block) => !NON_CUE_BLOCK.test(block.lines[0]))
    .map(cueOfBlock)
    .map((cue) => ({ ...cue, text: unescapeCueText(cue.text) }));
}
