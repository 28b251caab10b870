import { locateMediaTool } from '../tools/media-tools';
import { runProcess } from '../tools/run-process';
// espeak-ng voices for the platform's languages. Voices are picked by BCP 47 tag: a regional voice espeak-ng has
// (en-GB, pt-BR) when the tag names one, else the language's main voice, else American English.

const MAIN_VOICES: Record<string, string> = { en: 'en-us', de: 'de', es: 'es', fr: 'fr', hi: 'hi', pt: 'pt', it: 'it', no: 'nb', zh: 'cmn' };
/**
 * Languages whose voice espeak-ng names by the language code itself (the voices Debian's espeak-ng-data ships). A
 * language without a voice (Tagalog, Zulu) is spoken by the default voice.
 */
const SAME_NAME_VOICES = new Set(('af am ar bg bn ca cs cy da el et eu fa fi ga gl gu he hr hu id is ja kn ko lt lv ml mr ms nl pa pl ro ru ' +
  'sk sl sr sv sw ta te th tr uk ur vi').split(' '));
const REGIONAL_VOICES = new Set(['en-us', 'en-gb', 'pt-br']);
export const DEFAULT_VOICE = 'en-us';

export function voiceForLanguage(language: string): string {
  const tag = language.trim().toLowerCase().replace(/_/g, '-');
  const [primary, region] = tag.split('-');
  if (region && REGIONAL_VOICES.has(`${primary}-${region}`)) return `${primary}-${region}`;
  return MAIN_VOICES[primary] ?? (SAME_NAME_VOICES.has(primary) ? primary : DEFAULT_VOICE);
}

/** espeak-ng voice names are letters, digits and `-+_` (a variant follows `+`, e.g. `en-us+f3`). */
export function isVoiceName(voice: string): boolean {
  return /^[a-z0-9][a-z0-9_+-]*$/i.test(voice);
}

let installed: Promise<Set<string> | null> | null = null;

/**
 * The voice names the installed espeak-ng knows (`espeak-ng --voices`, read once), lower-cased; null when espeak-ng
 * is not there to ask (a render then fails at its start with the tool missing).
 */
export function installedVoices(): Promise<Set<string> | null> {
  installed ??= (async () => {
    const where = locateMediaTool('espeak');
    if ('missing' in where) return null;
    const { stdout } = await runProcess(where.path, ['--voices'], { timeoutMs: 10_000 });
    return new Set(stdout.toString().split('\n').slice(1).map((l) => l.trim().split(/\s+/)[1]?.toLowerCase()).filter((v): v is string => !!v));
  })().catch(() => null);
  return installed;
}

/** Why espeak-ng could not speak with `voice` (its name before any `+variant`), or null when it can or cannot be asked. */
export async function voiceProblem(voice: string): Promise<string | null> {
  if (!isVoiceName(voice)) return 'must be an espeak-ng voice name such as en-us or de';
  const voices = await installedVoices();
  const base = voice.toLowerCase().split('+')[0];
  return voices && !voices.has(base) ? `is not a voice of the installed espeak-ng (for example ${[...voices].filter((v) => v.length <= 5).slice(0, 8).join(', ')})` : null;
}
