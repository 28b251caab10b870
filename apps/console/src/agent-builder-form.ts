// The Agent Builder form's values and how they become the body of `POST /v1/agents`.
import type { CreateAgentParams } from '@influgentic/sdk';
import { splitList } from './format';

export const AGENT_VISIBILITIES = ['private', 'public', 'marketplace'] as const;
/** Languages offered as checkboxes; the API accepts more, which the "other languages" field takes. */
export const BUILDER_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'hi', 'ja', 'zh', 'ko', 'ar'] as const;
/** The tones training knows by name; other words are mapped to the nearest of them (e.g. "nerdy" → technical). */
export const TONE_SUGGESTIONS = ['luxury', 'editorial', 'conversational', 'expert', 'enthusiastic', 'expert_enthusiastic', 'playful', 'inspiring',
  'witty', 'calm', 'bold', 'educational', 'warm', 'technical', 'minimalist', 'energetic'] as const;

export interface BuilderForm {
  name: string;
  category: string;
  personaPrompt: string;
  /** Comma- or line-separated. */
  expertise: string;
  targetAudience: string;
  languages: string[];
  /** Extra ISO 639-1 codes, comma-separated. */
  otherLanguages: string;
  useCases: string[];
  toneModes: string[];
  /** Extra tones, comma-separated. */
  otherTones: string;
  visibility: string;
  timezone: string;
}

export const EMPTY_BUILDER_FORM: BuilderForm = {
  name: '', category: '', personaPrompt: '', expertise: '', targetAudience: '', languages: ['en'], otherLanguages: '',
  useCases: [], toneModes: [], otherTones: '', visibility: 'private', timezone: '',
};

/** The request body: blanks are left out so the API applies its defaults, lists are trimmed and de-duplicated. */
export function toCreateAgentParams(form: BuilderForm): CreateAgentParams {
  const languages = unique([...form.languages, ...splitList(form.otherLanguages).map((l) => l.toLowerCase())]);
  const tones = unique([...form.toneModes, ...splitList(form.otherTones)]);
  const expertise = splitList(form.expertise);
  return {
    // Name and persona go as typed (trimmed), even empty: the API says what is missing, beside each field.
    name: form.name.trim(),
    category: form.category as CreateAgentParams['category'],
    persona_prompt: form.personaPrompt.trim(),
    ...(expertise.length ? { expertise_domains: expertise } : {}),
    ...(form.targetAudience.trim() ? { target_audience: form.targetAudience.trim() } : {}),
    ...(languages.length ? { languages: languages as NonNullable<CreateAgentParams['languages']> } : {}),
    ...(form.useCases.length ? { use_cases: form.useCases as NonNullable<CreateAgentParams['use_cases']> } : {}),
    ...(tones.length ? { tone_modes: tones } : {}),
    ...(form.visibility ? { visibility: form.visibility as NonNullable<CreateAgentParams['visibility']> } : {}),
    ...(form.timezone.trim() ? { timezone: form.timezone.trim() } : {}),
  };
}

/** Training has ended one way or the other. */
export function trainingSettled(status: string): boolean {
  return status !== 'training';
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
