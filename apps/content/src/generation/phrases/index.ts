import type { PhrasePack } from './types';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { hi } from './hi';

export type { PhrasePack, Register, Tpl } from './types';

/** Languages the offline engine writes natively. */
export const PHRASE_PACKS: Readonly<Record<string, PhrasePack>> = { en, de, fr, es, hi };
export const TEMPLATE_LANGUAGES = Object.keys(PHRASE_PACKS);
