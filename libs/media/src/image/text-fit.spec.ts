import { drawableText, ELLIPSIS, estimateTextWidth, fitText, headlineFrom, wrapText } from './text-fit';

describe('text fitting', () => {
  const box = { width: 600, height: 400 };
  const options = { maxFontSize: 80, minFontSize: 30, lineHeight: 1.3 };

  it('keeps a short caption at the largest size', () => {
    expect(fitText('Hello there', box, options)).toEqual({ text: 'Hello there', fontSize: 80, lines: 1, truncated: false });
  });

  it('shrinks a longer caption until every line fits the box', () => {
    const caption = 'Took the new EV for a spin through the hills this morning and it still had range to spare';
    const fitted = fitText(caption, box, options);
    expect(fitted.truncated).toBe(false);
    expect(fitted.fontSize).toBeLessThan(80);
    expect(fitted.fontSize).toBeGreaterThanOrEqual(30);
    const lines = wrapText(fitted.text, box.width, fitted.fontSize);
    expect(lines.length * fitted.fontSize * 1.3).toBeLessThanOrEqual(box.height);
    expect(lines.every((line) => estimateTextWidth(line, fitted.fontSize) <= box.width)).toBe(true);
  });

  it('cuts at a word with an ellipsis past what fits at the smallest size', () => {
    const caption = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const fitted = fitText(caption, box, options);
    expect(fitted.truncated).toBe(true);
    expect(fitted.fontSize).toBe(30);
    expect(fitted.lines).toBe(Math.floor(400 / (30 * 1.3)));
    expect(fitted.text.endsWith(ELLIPSIS)).toBe(true);
    expect(fitted.text).toMatch(/word\d+…$/);
    expect(wrapText(fitted.text, box.width, 30).length).toBeLessThanOrEqual(fitted.lines);
  });

  it('honours a line limit below what the height allows', () => {
    const fitted = fitText('one two three four five six seven eight nine ten '.repeat(6), box, { ...options, maxLines: 2 });
    expect(fitted.lines).toBe(2);
    expect(fitted.truncated).toBe(true);
  });

  it('breaks a word longer than a line between characters', () => {
    const lines = wrapText('x'.repeat(50), 300, 30);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('x'.repeat(50));
  });

  it('counts Devanagari vowel signs as narrower than consonants', () => {
    expect(estimateTextWidth('कि', 100)).toBeLessThan(estimateTextWidth('कक', 100));
  });

  it('drops emoji the fonts cannot draw and folds whitespace, keeping Devanagari intact', () => {
    expect(drawableText('Road trip 🚗⚡  time 👩‍👩‍👧 !')).toBe('Road trip time !');
    expect(drawableText('नमस्ते 🙏🏽 दोस्तों')).toBe('नमस्ते दोस्तों');
  });

  it("makes a headline of a description's first sentence, shortened at a word", () => {
    expect(headlineFrom('A sunrise drive along the coast. Then the charging stop.')).toBe('A sunrise drive along the coast');
    expect(headlineFrom('सुबह की सवारी। फिर चार्जिंग।')).toBe('सुबह की सवारी');
    const long = headlineFrom('word '.repeat(40), 30);
    expect(long.endsWith(ELLIPSIS)).toBe(true);
    expect([...long].length).toBeLessThanOrEqual(31);
  });
});
