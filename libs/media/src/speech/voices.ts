// espeak-ng voices for the platform's languages. Voices are picked by BCP 47 tag: a regional voice espeak-ng has
// (en-GB, pt-BR) when the tag names one, else the language's main voice, else American English.

const MAIN_VOICES: Record<string, string> = { en: 'en-us', de: 'de', es: 'es', fr: 'fr', hi: 'hi', pt: 'pt', it: 'it' };
const REGIONAL_VOICES = new Set(['en-us', 'en-gb', 'pt-br']);
export const DEFAULT_VOICE = 'en-us';

export function voiceForLanguage(language: string): string {
  const tag = language.trim().toLowerCase().replace(/_/g, '-');
  const [primary, region] = tag.split('-');
  if (region && REGIONAL_VOICES.has(`${primary}-${region}`)) return `${primary}-${region}`;
  return MAIN_VOICES[primary] ?? DEFAULT_VOICE;
}

/** espeak-ng voice names are letters, digits and `-+_` (a variant follows `+`, e.g. `en-us+f3`). */
export function isVoiceName(voice: string): boolean {
  return /^[a-z0-9][a-z0-9_+-]*$/i.test(voice);
}
