import type { TimedSegment } from '../types';
import { CaptionParseError, formatTimestamp, parseTimestamp } from './timestamps';
import { parseSrt, toSrt } from './srt';
import { parseVtt, toVtt } from './vtt';
import { splitScript, wrapCaptionText, wrapLines } from './split-script';
import { roundToMs, timeCues, timeCuesByLength, visibleLength } from './timing';

describe('timestamps', () => {
  it('writes SRT and WebVTT formats', () => {
    expect(formatTimestamp(1.25, ',')).toBe('00:00:01,250');
    expect(formatTimestamp(1.25, '.')).toBe('00:00:01.250');
    expect(formatTimestamp(3723.004, ',')).toBe('01:02:03,004');
    expect(formatTimestamp(0, '.')).toBe('00:00:00.000');
    expect(formatTimestamp(360000, '.')).toBe('100:00:00.000');
  });

  it('rounds to the nearest millisecond, carrying into seconds and minutes', () => {
    expect(formatTimestamp(1.2344, ',')).toBe('00:00:01,234');
    expect(formatTimestamp(1.2346, ',')).toBe('00:00:01,235');
    expect(formatTimestamp(59.9996, ',')).toBe('00:01:00,000');
    expect(formatTimestamp(0.1 + 0.2, '.')).toBe('00:00:00.300');
  });

  it('refuses negative or non-finite times', () => {
    expect(() => formatTimestamp(-0.5, ',')).toThrow(RangeError);
    expect(() => formatTimestamp(Number.NaN, ',')).toThrow(RangeError);
  });

  it('reads both separators and WebVTT without hours', () => {
    expect(parseTimestamp('00:00:01,250')).toBe(1.25);
    expect(parseTimestamp('01:02:03.004')).toBe(3723.004);
    expect(parseTimestamp('02:03.500')).toBe(123.5);
    expect(parseTimestamp('00:61:00.000')).toBeUndefined();
    expect(parseTimestamp('1.5')).toBeUndefined();
  });
});

describe('timeCues', () => {
  it('places segments one after another, each cue holding through the gap', () => {
    const cues = timeCues(['One.', 'Two.', 'Three.'], [1.2346, 2, 0.5], { gapSeconds: 0.25 });
    expect(cues).toEqual([
      { text: 'One.', start: 0, end: 1.485 },
      { text: 'Two.', start: 1.485, end: 3.735 },
      { text: 'Three.', start: 3.735, end: 4.235 },
    ]);
  });

  it('stays contiguous however the boundaries round', () => {
    const durations = Array.from({ length: 50 }, (_, i) => 0.3333 + i * 0.0071);
    const cues = timeCues(durations.map(String), durations, { gapSeconds: 0.1 });
    for (let i = 1; i < cues.length; i++) expect(cues[i].start).toBe(cues[i - 1].end);
    expect(cues.at(-1)!.end).toBe(roundToMs(durations.reduce((a, b) => a + b, 0) + 0.1 * 49));
  });

  it('starts where asked and rejects mismatched input', () => {
    expect(timeCues(['a'], [1], { startSeconds: 2 })).toEqual([{ text: 'a', start: 2, end: 3 }]);
    expect(() => timeCues(['a', 'b'], [1])).toThrow(RangeError);
    expect(() => timeCues(['a'], [-1])).toThrow(RangeError);
  });

  it('spreads cues without speech by their length and ends exactly at the total', () => {
    const cues = timeCuesByLength(['Short.', 'A much longer sentence here.'], 10);
    expect(cues[0].start).toBe(0);
    expect(cues[0].end).toBe(cues[1].start);
    expect(cues[1].end - cues[1].start).toBeGreaterThan(cues[0].end - cues[0].start);
    expect(cues[1].end).toBe(10);
  });
});

describe('line breaking', () => {
  it('wraps at words and never splits one', () => {
    expect(wrapLines('the quick brown fox jumps over the lazy dog', 15)).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog']);
    expect(wrapLines('supercalifragilistic is long', 10)).toEqual(['supercalifragilistic', 'is long']);
    expect(wrapCaptionText('a b c', 3)).toBe('a b\nc');
  });

  it('counts a Devanagari syllable with its marks as one character', () => {
    expect(visibleLength('नमस्ते')).toBeLessThan('नमस्ते'.length);
  });
});

describe('splitScript', () => {
  const fitsIn = (segment: string, chars = 42, lines = 2) => wrapLines(segment, chars).length <= lines;
  const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

  it('gives one segment per sentence when sentences fit', () => {
    expect(splitScript('Hello there!  How are you?\nI am   fine. "Quoted." Next one')).toEqual([
      'Hello there!',
      'How are you?',
      'I am fine.',
      '"Quoted."',
      'Next one',
    ]);
  });

  it('keeps abbreviations and decimals inside their sentence', () => {
    expect(splitScript('It weighs 3.5 kg, e.g. a laptop. Done.')).toEqual(['It weighs 3.5 kg, e.g. a laptop.', 'Done.']);
  });

  it('splits a long sentence at clauses before words', () => {
    const sentence =
      'Our new running shoe is lighter than anything we have made before, it grips on wet stone; and it comes in six colours — all of them bright.';
    const segments = splitScript(sentence);
    expect(segments.length).toBeGreaterThan(1);
    for (const s of segments) expect(fitsIn(s)).toBe(true);
    expect(segments[0].endsWith('before,')).toBe(true);
    expect(wordsOf(segments.join(' '))).toEqual(wordsOf(sentence));
  });

  it('falls back to word boundaries for a long clause and never cuts a word', () => {
    const clause = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const segments = splitScript(clause, { maxCharsPerLine: 20, maxLines: 1 });
    for (const s of segments) {
      expect(s.length).toBeLessThanOrEqual(20);
      for (const w of wordsOf(s)) expect(w).toMatch(/^word\d+$/);
    }
    expect(wordsOf(segments.join(' '))).toEqual(wordsOf(clause));
  });

  it('lets a word longer than a cue stand alone', () => {
    expect(splitScript('a Donaudampfschifffahrtsgesellschaftskapitän b', { maxCharsPerLine: 10, maxLines: 1 })).toEqual([
      'a',
      'Donaudampfschifffahrtsgesellschaftskapitän',
      'b',
    ]);
  });

  it('splits Hindi at the danda', () => {
    expect(splitScript('यह नया जूता है। यह बहुत हल्का है।')).toEqual(['यह नया जूता है।', 'यह बहुत हल्का है।']);
  });

  it('returns nothing for blank text', () => {
    expect(splitScript('  \n ')).toEqual([]);
  });
});

const cues: TimedSegment[] = [
  { text: 'Hello & welcome to <the> show', start: 0, end: 1.25 },
  { text: 'Two lines\nof text', start: 1.25, end: 3.0049 },
  { text: 'Über → नमस्ते', start: 3.005, end: 3723.004 },
];
const rounded = cues.map((c) => ({ ...c, start: roundToMs(c.start), end: roundToMs(c.end) }));

describe('SRT', () => {
  it('writes numbered cues with comma timestamps', () => {
    expect(toSrt(cues.slice(0, 2))).toBe(
      '1\n00:00:00,000 --> 00:00:01,250\nHello & welcome to <the> show\n\n2\n00:00:01,250 --> 00:00:03,005\nTwo lines\nof text\n\n',
    );
  });

  it('round-trips', () => {
    expect(parseSrt(toSrt(cues))).toEqual(rounded);
  });

  it('reads CRLF, a BOM, missing numbers and extra blank lines', () => {
    const file = '\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\nHi\r\n\r\n\r\n00:00:03,000 --> 00:00:04,000 X1:10\r\nThere\r\n';
    expect(parseSrt(file)).toEqual([
      { text: 'Hi', start: 1, end: 2.5 },
      { text: 'There', start: 3, end: 4 },
    ]);
  });

  it('drops blank lines inside a cue so the file stays readable, and leaves out empty cues', () => {
    const text = toSrt([
      { text: 'a\n\nb', start: 0, end: 1 },
      { text: '  ', start: 1, end: 2 },
    ]);
    expect(parseSrt(text)).toEqual([{ text: 'a\nb', start: 0, end: 1 }]);
  });

  it('says which line is wrong', () => {
    expect(() => parseSrt('1\n00:00:01,000 -> 00:00:02,000\nHi\n')).toThrow(/line 2/);
    const err = (() => {
      try {
        parseSrt('\n\n1\n00:00:05,000 --> 00:00:02,000\nHi\n');
      } catch (e) {
        return e as CaptionParseError;
      }
    })();
    expect(err).toBeInstanceOf(CaptionParseError);
    expect(err?.line).toBe(4);
    expect(err?.code).toBe('captions_invalid');
  });

  it('refuses cues that end before they start', () => {
    expect(() => toSrt([{ text: 'x', start: 2, end: 1 }])).toThrow(RangeError);
  });
});

describe('WebVTT', () => {
  it('writes the header and dot timestamps, escaping markup characters', () => {
    expect(toVtt(cues.slice(0, 1))).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.250\nHello &amp; welcome to &lt;the&gt; show\n\n');
  });

  it('round-trips', () => {
    expect(parseVtt(toVtt(cues))).toEqual(rounded);
  });

  it('reads headers, identifiers, settings, notes and styles', () => {
    const file = [
      'WEBVTT - made elsewhere',
      'Kind: captions',
      '',
      'NOTE a comment',
      'spanning lines',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'intro',
      '00:01.000 --> 00:02.000 align:start line:90%',
      'First',
      '',
      '00:00:02.000 --> 00:00:03.500',
      'Second &amp; last',
    ].join('\n');
    expect(parseVtt(file)).toEqual([
      { text: 'First', start: 1, end: 2 },
      { text: 'Second & last', start: 2, end: 3.5 },
    ]);
  });

  it('requires the WEBVTT signature', () => {
    expect(() => parseVtt('1\n00:00:01.000 --> 00:00:02.000\nHi\n')).toThrow(/line 1/);
    expect(() => parseVtt('WEBVTTX\n')).toThrow(CaptionParseError);
  });
});
