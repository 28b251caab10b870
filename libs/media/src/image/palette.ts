import type { AgentLook } from '../types';
import {
  contrastRatio,
  fromHsl,
  isHexColour,
  mix,
  MIN_TEXT_CONTRAST,
  parseHex,
  readableTextColour,
  relativeLuminance,
  shiftHue,
  toHex,
  toHsl,
  withLightness,
  worstContrast,
} from './color';

/** The colours a rendered card uses; every text colour reaches 4.5:1 on what it is drawn over. */
export interface CardPalette {
  /** Gradient from `background` (top left) to `backgroundEnd` (bottom right). */
  background: string;
  backgroundEnd: string;
  accent: string;
  /** Main text on the background gradient. */
  text: string;
  /** Hashtags and highlights on the background gradient: the accent when legible there, else the text colour. */
  highlight: string;
  /** Fill of bands and badges, chosen to stand out from the background. */
  band: string;
  /** Text on `band`. */
  onBand: string;
}

/** Bands must be told apart from the background at a glance, not only be legible. */
const MIN_BAND_SEPARATION = 1.5;

/** FNV-1a over the UTF-16 code units: a stable small hash, so a name always gets the same colours. */
export function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Background, accent and text colours derived from the agent's name alone. */
export function paletteFromName(name: string): string[] {
  const hash = hashName(name.trim().toLowerCase());
  const hue = hash % 360;
  const saturation = 0.45 + ((hash >>> 9) % 25) / 100;
  return [fromHsl({ h: hue, s: saturation, l: 0.24 }), fromHsl({ h: hue + 150, s: 0.8, l: 0.6 })];
}

/**
 * The card palette for an agent: its own hex colours (background, accent, text; invalid entries ignored) or, without
 * them, colours derived from its name. `hueShift` turns the background and accent, e.g. to tell scenes apart.
 */
export function resolvePalette(look: Pick<AgentLook, 'name' | 'palette'>, hueShift = 0): CardPalette {
  const given = (look.palette ?? []).filter(isHexColour).map((colour) => toHex(parseHex(colour)));
  const derived = paletteFromName(look.name);
  const base = given[0] ?? derived[0];
  const background = hueShift ? shiftHue(base, hueShift) : base;
  const accentBase = given[1] ?? (given[0] ? complementOf(given[0]) : derived[1]);
  const accent = hueShift ? shiftHue(accentBase, hueShift) : accentBase;
  const text = readableTextColour([background], given[2]);
  const backgroundEnd = gradientEnd(background, text);
  const gradient = gradientSamples(background, backgroundEnd);
  const highlight = worstContrast(accent, gradient) >= MIN_TEXT_CONTRAST ? accent : text;
  const separation = Math.min(...gradient.map((colour) => contrastRatio(accent, colour)));
  const band = separation >= MIN_BAND_SEPARATION ? accent : text;
  return { background, backgroundEnd, accent, text, highlight, band, onBand: readableTextColour([band]) };
}

/** Colours along the gradient, both ends included, that text on it must stay legible against. */
export function gradientSamples(start: string, end: string): string[] {
  return [0, 0.25, 0.5, 0.75, 1].map((at) => mix(start, end, at));
}

/**
 * A gradient end a few degrees round the wheel, moved away from the text's lightness so contrast only grows; pulled
 * back toward the start whenever a hue turn would still cost the text its 4.5:1.
 */
function gradientEnd(background: string, text: string): string {
  const { l } = toHsl(background);
  const textIsLighter = relativeLuminance(text) > relativeLuminance(background);
  let end = shiftHue(withLightness(background, textIsLighter ? l - 0.08 : l + 0.08), 24);
  for (let step = 0; step < 6 && worstContrast(text, gradientSamples(background, end)) < MIN_TEXT_CONTRAST; step++) {
    end = mix(end, background, 0.4);
  }
  return worstContrast(text, gradientSamples(background, end)) >= MIN_TEXT_CONTRAST ? end : background;
}

/** An accent for a palette that gave only a background: the complementary hue, bright enough to show. */
function complementOf(background: string): string {
  const { h, l } = toHsl(background);
  return fromHsl({ h: h + 180, s: 0.75, l: l > 0.5 ? 0.3 : 0.65 });
}

