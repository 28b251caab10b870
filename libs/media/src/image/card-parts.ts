import type { ProvenanceInfo } from '../provenance/provenance.types';
import type { AgentLook } from '../types';
import { mix, MIN_TEXT_CONTRAST, worstContrast } from './color';
import type { CardPalette } from './palette';
import { drawableText } from './text-fit';

/**
 * A soft accent tint for decorative shapes behind text: the strongest of a few tints that keeps the text and
 * highlight colours at 4.5:1 on it, or null when even the faintest would not.
 */
export function decorationColour(palette: CardPalette): string | null {
  for (const amount of [0.22, 0.14, 0.07]) {
    const tint = mix(palette.background, palette.accent, amount);
    if (Math.min(worstContrast(palette.text, [tint]), worstContrast(palette.highlight, [tint])) >= MIN_TEXT_CONTRAST) return tint;
  }
  return null;
}

/**
 * The card's background: the palette's diagonal gradient with, when a legible tint exists, a soft disc at `discAt`
 * (a CSS position). Painted as a background layer so it always sits behind the text.
 */
export function cardBackground(palette: CardPalette, tint: string | null, discAt: string): string {
  const gradient = `linear-gradient(135deg, ${palette.background}, ${palette.backgroundEnd})`;
  if (!tint) return gradient;
  return `radial-gradient(circle at ${discAt}, ${tint} 0%, ${tint} 30%, transparent 30.4%), ${gradient}`;
}

/** Up to two initials of the agent's name, whole grapheme clusters (so a Devanagari syllable stays intact). */
export function initialsOf(name: string): string {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const words = drawableText(name).split(' ').filter(Boolean).slice(0, 2);
  return words.map((word) => segmenter.segment(word)[Symbol.iterator]().next().value?.segment ?? '').join('').toUpperCase();
}

/** `@handle`, whether or not the caller wrote the @. */
export function displayHandle(handle: string | null | undefined): string | null {
  const clean = drawableText(handle ?? '').replace(/^@+/, '');
  return clean ? `@${clean}` : null;
}

/** The provenance written into every rendered PNG: the agent plus whatever the caller adds. */
export function frameProvenance(agent: AgentLook, extra: ProvenanceInfo | undefined): ProvenanceInfo {
  const fields: Record<string, string> = { agentName: agent.name };
  if (agent.handle) fields.agentHandle = agent.handle;
  return { createdAt: extra?.createdAt, fields: { ...fields, ...extra?.fields } };
}
