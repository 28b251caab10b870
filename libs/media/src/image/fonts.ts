import { readFileSync } from 'node:fs';

// Fonts come from the @fontsource packages (WOFF: satori reads TTF/OTF/WOFF, not WOFF2), read once per process. The
// same array object is handed to satori every time, which lets it reuse the parsed fonts between renders.

export const LATIN_FAMILY = 'Inter';
export const DEVANAGARI_FAMILY = 'Noto Sans Devanagari';

type FontWeight = 400 | 700;

export interface LoadedFont {
  name: string;
  data: Buffer;
  weight: FontWeight;
  style: 'normal';
}

const FONT_FILES: ReadonlyArray<{ name: string; file: string; weight: FontWeight }> = [
  { name: LATIN_FAMILY, file: '@fontsource/inter/files/inter-latin-400-normal.woff', weight: 400 },
  { name: LATIN_FAMILY, file: '@fontsource/inter/files/inter-latin-700-normal.woff', weight: 700 },
  { name: LATIN_FAMILY, file: '@fontsource/inter/files/inter-latin-ext-400-normal.woff', weight: 400 },
  { name: LATIN_FAMILY, file: '@fontsource/inter/files/inter-latin-ext-700-normal.woff', weight: 700 },
  { name: DEVANAGARI_FAMILY, file: '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff', weight: 400 },
  { name: DEVANAGARI_FAMILY, file: '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-700-normal.woff', weight: 700 },
];

let loaded: LoadedFont[] | null = null;

/** Every font the cards use, read from disk on first use and kept. */
export function loadFonts(): LoadedFont[] {
  loaded ??= FONT_FILES.map(({ name, file, weight }) => ({ name, data: readFileSync(require.resolve(file)), weight, style: 'normal' }));
  return loaded;
}

/** CSS font-family for text in a BCP 47 language: Devanagari first for Hindi (and Marathi, Nepali), Inter otherwise. */
export function fontFamilyFor(language: string): string {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  const devanagariFirst = primary === 'hi' || primary === 'mr' || primary === 'ne';
  return devanagariFirst ? `'${DEVANAGARI_FAMILY}', '${LATIN_FAMILY}'` : `'${LATIN_FAMILY}', '${DEVANAGARI_FAMILY}'`;
}
