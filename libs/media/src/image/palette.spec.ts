import { contrastRatio, toHex, worstContrast } from './color';
import { gradientSamples, hashName, paletteFromName, resolvePalette } from './palette';

function expectLegible(palette: ReturnType<typeof resolvePalette>): void {
  const gradient = gradientSamples(palette.background, palette.backgroundEnd);
  expect(worstContrast(palette.text, gradient)).toBeGreaterThanOrEqual(4.5);
  expect(worstContrast(palette.highlight, gradient)).toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio(palette.onBand, palette.band)).toBeGreaterThanOrEqual(4.5);
}

describe('card palette', () => {
  it('derives the same colours from the same name, and different ones from different names', () => {
    expect(paletteFromName('Aria Nova')).toEqual(paletteFromName('Aria Nova'));
    expect(paletteFromName('  aria nova ')).toEqual(paletteFromName('Aria Nova'));
    expect(paletteFromName('Aria Nova')).not.toEqual(paletteFromName('Kabir Rao'));
    expect(hashName('a')).toBe(0xe40c292c); // FNV-1a reference value
  });

  it("uses the agent's palette: background, accent and a legible preferred text colour", () => {
    const palette = resolvePalette({ name: 'Aria', palette: ['#1d3557', '#e63946', '#f1faee'] });
    expect(palette.background).toBe('#1d3557');
    expect(palette.accent).toBe('#e63946');
    expect(palette.text).toBe('#f1faee');
    expectLegible(palette);
  });

  it('overrides an illegible preferred text colour and ignores entries that are not hex colours', () => {
    const palette = resolvePalette({ name: 'Aria', palette: ['not-a-colour', '#fafafa', '#eeeeee', '#ffffff'] });
    expect(palette.background).toBe('#fafafa');
    expect(palette.text).toBe('#000000');
    expectLegible(palette);
  });

  it('falls back to the name-derived palette when none is given', () => {
    expect(resolvePalette({ name: 'Kabir', palette: null }).background).toBe(paletteFromName('Kabir')[0]);
  });

  it('turns the background hue for scenes while keeping every text legible', () => {
    const first = resolvePalette({ name: 'Aria', palette: ['#1d3557'] }, 0);
    const second = resolvePalette({ name: 'Aria', palette: ['#1d3557'] }, 47);
    expect(second.background).not.toBe(first.background);
    expectLegible(second);
  });

  it('keeps text, highlights and band text at 4.5:1 or more for any palette and scene shift', () => {
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const colour = () => toHex({ r: random() * 255, g: random() * 255, b: random() * 255 });
    for (let i = 0; i < 500; i++) {
      expectLegible(resolvePalette({ name: `agent ${i}`, palette: [colour(), colour(), colour()] }, (i % 8) * 47));
      expectLegible(resolvePalette({ name: `agent ${i}` }, (i % 8) * 47));
    }
  });
});
