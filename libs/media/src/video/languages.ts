// MP4 tracks carry ISO 639-2 language codes; the platform speaks BCP 47.
const ISO_639_2: Record<string, string> = { en: 'eng', de: 'deu', es: 'spa', fr: 'fra', hi: 'hin', pt: 'por', it: 'ita', nl: 'nld', ja: 'jpn' };

/** The three-letter code of a BCP 47 tag's language, or `und` (undetermined). */
export function iso639_2(language: string): string {
  const primary = language.trim().toLowerCase().split(/[-_]/)[0];
  if (/^[a-z]{3}$/.test(primary)) return primary;
  return ISO_639_2[primary] ?? 'und';
}
