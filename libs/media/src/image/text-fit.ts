// Sizing text to a box before satori lays it out: widths are estimated from per-character classes measured on Inter
// and Noto Sans Devanagari (bold, so the estimate errs wide), then the text is shrunk step by step and, at the smallest
// size, cut at a word with an ellipsis. Satori still wraps with the real font metrics; the renderer also clamps to the
// line count found here, so an estimate that is slightly off never lets text spill out of its box.

export interface TextBox {
  width: number;
  height: number;
}

export interface FitOptions {
  maxFontSize: number;
  minFontSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Never more lines than this, whatever the box height allows. */
  maxLines?: number;
}

export interface FittedText {
  text: string;
  fontSize: number;
  lines: number;
  truncated: boolean;
}

export const ELLIPSIS = '…';

/** Width of one character in ems, by class. */
function charWidthEm(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (char === ' ') return 0.28;
  if (code >= 0x0900 && code <= 0x097f) return devanagariWidthEm(code);
  if (/[iljtfrI.,;:!|'’`]/.test(char)) return 0.34;
  if (/[mwMW@%]/.test(char)) return 0.96;
  if (/[A-Z]/.test(char)) return 0.72;
  if (/[0-9]/.test(char)) return 0.63;
  if (/[a-z]/.test(char)) return 0.57;
  if (code < 0x0300) return 0.6;
  return 0.8;
}

function devanagariWidthEm(code: number): number {
  // Vowel signs and the virama join the consonant before them; most add little width.
  if ((code >= 0x093a && code <= 0x094f) || (code >= 0x0951 && code <= 0x0957) || code === 0x0962 || code === 0x0963) {
    return code === 0x093e || code === 0x0940 || code === 0x0949 || code === 0x094b || code === 0x094c ? 0.26 : 0;
  }
  if (code <= 0x0903) return 0.15;
  return 0.68;
}

/** Estimated rendered width of `text` at `fontSize` pixels. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += charWidthEm(char);
  return ems * fontSize;
}

/** Greedy word wrap by estimated width; a word longer than a line is broken between characters. */
export function wrapText(text: string, lineWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (estimateTextWidth(candidate, fontSize) <= lineWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    let piece = '';
    for (const char of word) {
      if (piece && estimateTextWidth(piece + char, fontSize) > lineWidth) {
        lines.push(piece);
        piece = '';
      }
      piece += char;
    }
    current = piece;
  }
  if (current) lines.push(current);
  return lines;
}

/** The largest font size (down to the minimum) at which the text fits the box; cut with an ellipsis past that. */
export function fitText(rawText: string, box: TextBox, options: FitOptions): FittedText {
  const text = rawText.replace(/\s+/g, ' ').trim();
  const linesAt = (fontSize: number) =>
    Math.max(1, Math.min(options.maxLines ?? Infinity, Math.floor(box.height / (fontSize * options.lineHeight))));
  for (let fontSize = options.maxFontSize; fontSize >= options.minFontSize; fontSize = Math.floor(fontSize * 0.92)) {
    const lines = wrapText(text, box.width, fontSize);
    if (lines.length <= linesAt(fontSize)) return { text, fontSize, lines: Math.max(1, lines.length), truncated: false };
    if (Math.floor(fontSize * 0.92) === fontSize) break;
  }
  const fontSize = options.minFontSize;
  const maxLines = linesAt(fontSize);
  const kept = wrapText(text, box.width, fontSize).slice(0, maxLines);
  let last = kept.pop() ?? '';
  while (last && estimateTextWidth(`${last}${ELLIPSIS}`, fontSize) > box.width) last = dropLastWord(last);
  kept.push(`${last.replace(/[\s.,;:!?\-–—]+$/u, '')}${ELLIPSIS}`);
  return { text: kept.join(' '), fontSize, lines: maxLines, truncated: true };
}

function dropLastWord(line: string): string {
  const cut = line.lastIndexOf(' ');
  return cut > 0 ? line.slice(0, cut) : [...line].slice(0, -1).join('');
}

/**
 * Text as the fonts can draw it: emoji and other pictographs (which no bundled font has) removed, whitespace folded.
 */
export function drawableText(text: string): string {
  return text
    .replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\uFE0F\u20E3]/gu, '')
    .replace(/\u200D(?!\p{Script=Devanagari})/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A short headline from a longer scene description: its first sentence, cut at a word near `maxChars`. */
export function headlineFrom(description: string, maxChars = 90): string {
  const text = drawableText(description);
  const sentence = /^(.+?[.!?।])(\s|$)/u.exec(text)?.[1] ?? text;
  if ([...sentence].length <= maxChars) return sentence.replace(/[.।]$/u, '');
  const cut = [...sentence].slice(0, maxChars).join('');
  const atWord = cut.lastIndexOf(' ') > maxChars / 2 ? cut.slice(0, cut.lastIndexOf(' ')) : cut;
  return `${atWord.replace(/[\s.,;:!?\-–—]+$/u, '')}${ELLIPSIS}`;
}
