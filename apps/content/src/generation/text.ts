/** Text helpers shared by the template engine, the platform fit and the compliance pass. */

export type Vars = Record<string, string | number | undefined | null>;

/**
 * Fills `{name}` slots and picks the informal or formal half of `«du-form|Sie-form»` segments.
 * An unknown slot is left visible on purpose: a test catches it before a brand ever sees it.
 */
export function fill(template: string, vars: Vars, formal = false): string {
  return template
    .replace(/«([^«»|]*)\|([^«»]*)»/g, (_m, informal: string, formalForm: string) => (formal ? formalForm : informal))
    .replace(/\{(\w+)\}/g, (m, key: string, offset: number, whole: string) => {
      const value = vars[key];
      if (value === undefined || value === null) return m;
      const text = String(value);
      // A value that opens a sentence gets a capital, unless it is styled like a brand (iPhone, eBike).
      const opensSentence = offset === 0 || /(?:[.!?।]\s|\n)\s*$/u.test(whole.slice(Math.max(0, offset - 3), offset));
      return opensSentence && !/^\p{Ll}+\p{Lu}/u.test(text) ? capitalize(text) : text;
    });
}

/** Word-sized chunks whose concatenation is exactly `text` (whitespace stays attached to the word before it). */
export function wordChunks(text: string): string[] {
  return text.match(/^\s+|\S+\s*/g) ?? [];
}

const NON_LATIN = /[^\u0000-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf]/u;

/**
 * Rough BPE-style token estimate: about four characters per token for Latin-script words, about two for other
 * scripts (Devanagari words split into more pieces), never less than one token per word.
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const perToken = NON_LATIN.test(word) ? 2 : 4;
    tokens += Math.max(1, Math.ceil([...word].length / perToken));
  }
  return tokens;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const X_LIGHT_RANGES: Array<[number, number]> = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]];
const URL = /https?:\/\/\S+/g;
/** X shortens every link to t.co and counts it as 23 characters. */
const X_URL_LENGTH = 23;

/**
 * Length as X counts it (twitter-text v3): code points in the Latin/Devanagari/punctuation ranges count 1, others
 * (CJK, most symbols) count 2, an emoji sequence counts 2 however many code points it has, a URL counts 23.
 */
export function xWeightedLength(text: string): number {
  let total = 0;
  const withoutUrls = text.replace(URL, () => {
    total += X_URL_LENGTH;
    return '';
  });
  for (const { segment } of segmenter.segment(withoutUrls)) {
    if (EMOJI.test(segment)) {
      total += 2;
      continue;
    }
    for (const ch of segment) {
      const cp = ch.codePointAt(0) ?? 0;
      total += X_LIGHT_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : 2;
    }
  }
  return total;
}

export type Counting = 'code_points' | 'x_weighted';

export function measure(text: string, counting: Counting): number {
  return counting === 'x_weighted' ? xWeightedLength(text) : [...text].length;
}

/**
 * Cuts `text` to at most `max` (as counted) on a word boundary, ending with an ellipsis. Prefers ending at a full
 * sentence when one ends in the last third of the allowed length, so posts do not stop mid-thought.
 */
export function truncateOnWord(text: string, max: number, counting: Counting = 'code_points'): string {
  if (measure(text, counting) <= max) return text;
  if (max <= 1) return '';
  const graphemes = [...segmenter.segment(text)].map((s) => s.segment);
  // Longest grapheme prefix that fits together with the ellipsis.
  let lo = 0;
  let hi = graphemes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(graphemes.slice(0, mid).join('') + '…', counting) <= max) lo = mid;
    else hi = mid - 1;
  }
  const prefix = graphemes.slice(0, lo).join('');
  const sentenceEnd = Math.max(...['. ', '! ', '? ', '। ', '.\n', '!\n', '?\n', '।\n'].map((m) => prefix.lastIndexOf(m)));
  if (sentenceEnd > 0 && sentenceEnd >= prefix.length * 0.5) return prefix.slice(0, sentenceEnd + 1).trimEnd();
  // The prefix may end inside a word; back up to the last whole word unless the cut fell on a space already.
  const endsOnWord = /^\s/.test(graphemes[lo] ?? ' ');
  const space = endsOnWord ? prefix.length : prefix.search(/\s\S*$/);
  const cut = (space > 0 ? prefix.slice(0, space) : prefix).replace(/[\s,;:–—-]+$/u, '');
  return cut ? `${cut}…` : '';
}

/** `marathon training` → `#MarathonTraining`; keeps letters of any script, drops punctuation; null when nothing usable. */
export function hashtagify(phrase: string): string | null {
  const words = phrase
    .normalize('NFC')
    .replace(/^#+/, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  if (!words.length) return null;
  const joined = words.map((w) => (/^\p{Ll}/u.test(w) ? w[0].toUpperCase() + w.slice(1) : w)).join('');
  // A tag of digits only does not link on most platforms; very long tags read as spam.
  if (!/\p{L}/u.test(joined) || [...joined].length > 40) return null;
  return `#${joined}`;
}

/** Keeps the first spelling of each tag, compared case-insensitively. */
export function uniqueTags(tags: Array<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    if (!tag) continue;
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** `tech_enthusiasts_25_45` → `tech enthusiasts (25–45)`; plain text passes through. */
export function humanizeAudience(audience: string): string {
  const trimmed = audience.trim();
  if (!/^[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+$/u.test(trimmed)) return trimmed;
  const parts = trimmed.split('_');
  const ages: string[] = [];
  while (parts.length && /^\d+$/.test(parts[parts.length - 1])) ages.unshift(parts.pop() as string);
  const words = parts.join(' ');
  if (ages.length === 2) return `${words} (${ages[0]}–${ages[1]})`;
  if (ages.length === 1) return `${words} (${ages[0]}+)`;
  return words;
}

/** True when the string is a machine slug rather than prose (the engine then avoids printing it in other languages). */
export function isSlug(value: string): boolean {
  return /^[a-z0-9]+(?:_[a-z0-9]+)+$/.test(value.trim());
}

/** Sentences of a paragraph, each with its closing punctuation (., !, ?, …, and the Devanagari danda ।). */
export function splitSentences(paragraph: string): string[] {
  // Concatenating the pieces gives back the paragraph exactly, so callers can drop one and rejoin the rest.
  const pieces = (paragraph.match(/[^.!?।…]*(?:[.!?।…]+["'”’»)]*|$)\s*/gu) ?? []).filter((s) => s.length > 0);
  return pieces.length ? pieces : [paragraph];
}

/** `a, b and c` with the language's conjunction. */
export function joinList(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Upper-cases the first letter (no-op for scripts without case). */
export function capitalize(text: string): string {
  return text ? text[0].toLocaleUpperCase() + text.slice(1) : text;
}

/** Ensures a sentence ends with punctuation (keeps the Devanagari danda for Hindi). */
export function terminate(text: string, lang: string): string {
  const t = text.trim();
  if (!t || /[.!?।…:)]$/u.test(t)) return t;
  return `${t}${lang === 'hi' ? '।' : '.'}`;
}

/** Drops a trailing full stop so a user-supplied phrase can sit inside a sentence. */
export function bare(text: string): string {
  return text.trim().replace(/[.!।]+$/u, '');
}
