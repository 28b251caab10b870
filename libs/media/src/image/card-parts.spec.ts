import { contrastRatio, worstContrast } from './color';
import { cardBackground, decorationColour, displayHandle, frameProvenance, initialsOf } from './card-parts';
import { resolvePalette } from './palette';
import { CAPTION_BOX, captionBoxOver } from './scene-frame';

describe('card parts', () => {
  it('takes up to two initials, keeping a Devanagari cluster whole', () => {
    expect(initialsOf('aria nova lee')).toBe('AN');
    expect(initialsOf('Kabir')).toBe('K');
    expect(initialsOf('कबीर राव')).toBe('करा');
  });

  it('writes the handle with exactly one @, or nothing', () => {
    expect(displayHandle('aria')).toBe('@aria');
    expect(displayHandle('@@aria')).toBe('@aria');
    expect(displayHandle('')).toBeNull();
    expect(displayHandle(null)).toBeNull();
  });

  it('tints decorations only as far as the text stays legible on them', () => {
    for (const palette of [['#1d3557', '#e63946'], ['#f1faee', '#1d3557'], ['#777777', '#888888']]) {
      const resolved = resolvePalette({ name: 'x', palette });
      const tint = decorationColour(resolved);
      if (tint) expect(worstContrast(resolved.text, [tint])).toBeGreaterThanOrEqual(4.5);
      expect(cardBackground(resolved, tint, '50% 50%')).toContain('linear-gradient(135deg');
    }
  });

  it('keeps burned-in caption text legible on the caption box over any background', () => {
    for (const background of ['#ffffff', '#ffff00', '#00ffff', '#777777', '#000000']) {
      expect(contrastRatio(CAPTION_BOX.text, captionBoxOver(background))).toBeGreaterThanOrEqual(7);
    }
  });

  it("names the agent in the provenance and lets the caller's fields add to it", () => {
    const info = frameProvenance({ name: 'Aria', handle: 'aria', language: 'en' }, { fields: { contentId: 'cnt_1' } });
    expect(info.fields).toEqual({ agentName: 'Aria', agentHandle: 'aria', contentId: 'cnt_1' });
  });
});
