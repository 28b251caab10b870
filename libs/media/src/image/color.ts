// Colour arithmetic for legible cards: hex parsing, HSL shifts, mixing and WCAG 2 contrast.

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** WCAG 2 AA minimum for normal-size text. */
export const MIN_TEXT_CONTRAST = 4.5;

const HEX_COLOUR = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

export function isHexColour(value: string): boolean {
  return HEX_COLOUR.test(value.trim());
}

/** `#rgb` or `#rrggbb` (the `#` optional) to channels 0..255; throws on anything else. */
export function parseHex(hex: string): Rgb {
  const match = HEX_COLOUR.exec(hex.trim());
  if (!match) throw new Error(`not a hex colour: ${hex}`);
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  return { r: parseInt(digits.slice(0, 2), 16), g: parseInt(digits.slice(2, 4), 16), b: parseInt(digits.slice(4, 6), 16) };
}

export function toHex({ r, g, b }: Rgb): string {
  const channel = (value: number) => Math.round(Math.min(255, Math.max(0, value))).toString(16).padStart(2, '0');
  return `#${channel(r)}${channel(g)}${channel(b)}`;
}

/** Relative luminance as WCAG 2 defines it (sRGB linearised, weighted 0.2126 / 0.7152 / 0.0722). */
export function relativeLuminance(colour: string): number {
  const { r, g, b } = parseHex(colour);
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio, 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The lowest contrast of `text` against any of the backgrounds it may sit on (e.g. both ends of a gradient). */
export function worstContrast(text: string, backgrounds: readonly string[]): number {
  return Math.min(...backgrounds.map((background) => contrastRatio(text, background)));
}

/**
 * The preferred text colour when it reaches 4.5:1 on every background, else white or black, whichever contrasts more.
 * One of the two always reaches 4.5:1 on a single colour (the worst case, mid grey, still gives about 4.6:1).
 */
export function readableTextColour(backgrounds: readonly string[], preferred?: string | null): string {
  if (preferred && isHexColour(preferred) && worstContrast(preferred, backgrounds) >= MIN_TEXT_CONTRAST) {
    return toHex(parseHex(preferred));
  }
  return worstContrast('#ffffff', backgrounds) >= worstContrast('#000000', backgrounds) ? '#ffffff' : '#000000';
}

/** Linear mix in sRGB: 0 gives `a`, 1 gives `b`. */
export function mix(a: string, b: string, amount: number): string {
  const x = parseHex(a);
  const y = parseHex(b);
  return toHex({ r: x.r + (y.r - x.r) * amount, g: x.g + (y.g - x.g) * amount, b: x.b + (y.b - x.b) * amount });
}

/** `foreground` drawn with `alpha` over `background`, as the eye sees it. */
export function composite(foreground: string, alpha: number, background: string): string {
  return mix(background, foreground, alpha);
}

export interface Hsl {
  /** Degrees 0..360. */
  h: number;
  /** 0..1. */
  s: number;
  /** 0..1. */
  l: number;
}

export function toHsl(colour: string): Hsl {
  const { r, g, b } = parseHex(colour);
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  const delta = max - min;
  if (delta === 0) return { h: 0, s: 0, l };
  const s = delta / (1 - Math.abs(2 * l - 1));
  const h = max === rn ? ((gn - bn) / delta) % 6 : max === gn ? (bn - rn) / delta + 2 : (rn - gn) / delta + 4;
  return { h: (h * 60 + 360) % 360, s, l };
}

export function fromHsl({ h, s, l }: Hsl): string {
  const hue = ((h % 360) + 360) % 360;
  const chroma = (1 - Math.abs(2 * l - 1)) * s;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = l - chroma / 2;
  const [r, g, b] =
    hue < 60 ? [chroma, x, 0] : hue < 120 ? [x, chroma, 0] : hue < 180 ? [0, chroma, x] : hue < 240 ? [0, x, chroma] : hue < 300 ? [x, 0, chroma] : [chroma, 0, x];
  return toHex({ r: (r + m) * 255, g: (g + m) * 255, b: (b + m) * 255 });
}

/** The same colour turned `degrees` around the hue wheel, saturation and lightness kept. */
export function shiftHue(colour: string, degrees: number): string {
  const hsl = toHsl(colour);
  return fromHsl({ ...hsl, h: hsl.h + degrees });
}

/** The same hue and saturation at another lightness (0..1). */
export function withLightness(colour: string, lightness: number): string {
  return fromHsl({ ...toHsl(colour), l: Math.min(1, Math.max(0, lightness)) });
}
