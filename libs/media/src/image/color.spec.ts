import { composite, contrastRatio, fromHsl, parseHex, readableTextColour, relativeLuminance, shiftHue, toHex, toHsl, worstContrast } from './color';

describe('colour arithmetic', () => {
  it('parses short and long hex, with or without #, and refuses anything else', () => {
    expect(parseHex('#fff')).toEqual({ r: 255, g: 255, b: 255 });
    expect(parseHex('1d3557')).toEqual({ r: 0x1d, g: 0x35, b: 0x57 });
    expect(() => parseHex('red')).toThrow(/not a hex colour/);
    expect(() => parseHex('#12345')).toThrow(/not a hex colour/);
  });

  it('computes WCAG relative luminance and contrast ratios', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // Published reference values: #777777 on white is 4.48:1, #767676 is the lightest grey passing AA (4.54:1).
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#767676')).toBe(contrastRatio('#767676', '#ffffff'));
  });

  it('keeps a preferred text colour only when it reaches 4.5:1', () => {
    expect(readableTextColour(['#1d3557'], '#f1faee')).toBe('#f1faee');
    expect(readableTextColour(['#ffffff'], '#777777')).toBe('#000000');
    expect(readableTextColour(['#111111'], '#333333')).toBe('#ffffff');
    expect(readableTextColour(['#ffff00'])).toBe('#000000');
  });

  it('always finds a text colour of at least 4.5:1 on any single background', () => {
    for (let value = 0; value < 0x1000000; value += 0x010305) {
      const background = toHex({ r: value >> 16, g: (value >> 8) & 0xff, b: value & 0xff });
      expect(contrastRatio(readableTextColour([background]), background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('judges text by its worst background', () => {
    expect(worstContrast('#ffffff', ['#000000', '#ffffff'])).toBe(1);
  });

  it('converts to HSL and back and turns hues', () => {
    for (const colour of ['#1d3557', '#e63946', '#a8dadc', '#808080']) expect(fromHsl(toHsl(colour))).toBe(colour);
    expect(shiftHue('#ff0000', 120)).toBe('#00ff00');
    expect(shiftHue('#ff0000', -120)).toBe('#0000ff');
  });

  it('composites a translucent fill over what is beneath it', () => {
    expect(composite('#000000', 0.5, '#ffffff')).toBe('#808080');
  });
});
