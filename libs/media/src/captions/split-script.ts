import { visibleLength } from './timing';

export interface SplitScriptOptions {
  /** Longest caption line, in visible characters (42 is the common broadcast and streaming limit). */
  maxCharsPerLine?: number;
  /** Lines a cue may take on screen. */
  maxLines?: number;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Greedy word wrap: lines of at most `maxCharsPerLine`, never breaking a word (a longer word gets a line of its own). */
export function wrapLines(text: string, maxCharsPerLine = 42): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words(text)) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || visibleLength(candidate) <= maxCharsPerLine) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Cue text with line breaks where a player should break it. */
export function wrapCaptionText(text: string, maxCharsPerLine = 42): string {
  return wrapLines(text, maxCharsPerLine).join('\n');
}

// A sentence ends at . ! ? … or the Devanagari danda, maybe followed by a closing quote or bracket, then space; not
// when the next word starts in lower case ("e.g. this", "3.5 km" stay whole).
const SENTENCE_BREAK = /(?<=[.!?…।॥]["'”’»)\]]*)\s+(?!\p{Ll})/u;
// A clause ends after , ; : or before a spaced dash.
const CLAUSE_BREAK = /(?<=[,;:،、])\s+|\s+(?=[—–-]\s)/u;

/**
 * Splits a script into cue-sized segments that each fit in `maxLines` lines of `maxCharsPerLine`: one per sentence,
 * a long sentence at its clauses (short neighbouring clauses share a cue), a long clause between words. Never breaks
 * a word. Segments are single-line text with normalised spaces; `wrapCaptionText` lays one out on screen.
 */
export function splitScript(text: string, options: SplitScriptOptions = {}): string[] {
  const { maxCharsPerLine = 42, maxLines = 2 } = options;
  if (maxCharsPerLine < 1 || maxLines < 1) throw new RangeError('maxCharsPerLine and maxLines must be at least 1');
  const fits = (candidate: string) => wrapLines(candidate, maxCharsPerLine).length <= maxLines;
  const normalized = words(text).join(' ');
  if (!normalized) return [];

  const segments: string[] = [];
  for (const sentence of normalized.split(SENTENCE_BREAK)) {
    if (fits(sentence)) {
      segments.push(sentence);
      continue;
    }
    // Pack clauses, then words, greedily; what is left open may take the next clause.
    let open = '';
    const add = (piece: string): boolean => {
      const candidate = open ? `${open} ${piece}` : piece;
      if (fits(candidate)) {
        open = candidate;
        return true;
      }
      return false;
    };
    for (const clause of sentence.split(CLAUSE_BREAK)) {
      if (add(clause)) continue;
      if (open) segments.push(open);
      open = '';
      if (add(clause)) continue;
      for (const word of words(clause)) {
        if (add(word)) continue;
        if (open) segments.push(open);
        open = word; // a word longer than the cue stands alone
      }
    }
    if (open) segments.push(open);
  }
  return segments;
}
