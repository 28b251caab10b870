// The Agent Builder's "training": derives an agent's style profile, keywords, capabilities, subcategories and headline
// from its persona text. Pure and deterministic: no clock, no randomness, no I/O.
import {
  AGENT_CATEGORIES, LANGUAGES, TONE_MODES, USE_CASES,
  type AgentCategory, type StyleProfile, type UseCase,
} from '@influgentic/contracts';
import { ANTI_TONES, CATEGORY_VOCABULARY, contentTypesFor, type ToneMode } from '../catalog/category-vocabulary';

export interface TrainAgentInput {
  name: string;
  category: string;
  persona_prompt: string;
  expertise_domains?: string[];
  target_audience?: string | null;
  languages?: string[];
  use_cases?: string[];
  tone_modes?: string[];
}

export interface TrainedAgent {
  ok: true;
  style_profile: StyleProfile;
  keywords: string[];
  capabilities: { content_types: string[]; languages: number; tone_modes: string[]; real_time_streaming: boolean };
  subcategories: string[];
  headline: string;
  use_cases: string[];
}

export interface TrainingFailure { ok: false; reason: string }

export type TrainAgentResult = TrainedAgent | TrainingFailure;

/** Fewest meaningful words (not stopwords, not boilerplate such as "AI influencer") a persona needs. */
export const MIN_MEANINGFUL_WORDS = 8;
export const MAX_PERSONA_CHARS = 20_000;
const MAX_KEYWORDS = 15;
const MAX_TONES = 4;

// ---------------------------------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------------------------------

const words = (s: string) => s.split(/\s+/).filter(Boolean);

const STOPWORDS = new Set([
  // English
  ...words(`a about above across after again against all almost along also although always am among an and another any
  anyone anything are around as at be became because become been before being below between both but by can cannot
  could did do does doing done down during each either else enough even ever every few for from further had has have
  having he her here hers herself him himself his how however i if in into is it its itself just least less let like
  made many may me might more most much must my myself neither no nor not now of off often on once one only onto or
  other others our ours ourselves out over own per quite rather really same shall she should since so some something
  such than that the their theirs them themselves then there these they this those though through throughout thus to
  too toward towards under until up upon us very via was we were what whatever when where whether which while who whom
  whose why will with within without would yet you your yours yourself yourselves it's i'm you're we're they're don't
  doesn't isn't aren't won't can't etc`),
  // German
  ...words(`aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beim bin bis bist da damit
  dann das dass dein deine dem den denn der des dessen die dies diese diesem diesen dieser dieses doch dort du durch ein
  eine einem einen einer eines er es etwas euch euer für gegen hat hatte hier ich ihr ihre im in ist ja jede jedem jeden
  jeder jedes kann kein keine mein meine mich mir mit muss nach nicht nichts noch nun nur ob oder ohne sehr sein seine
  sich sie sind so über um und uns unser unter viel vom von vor war waren was weil wenn wer wie wir wird wo zu zum zur
  man wie lange`),
  // French
  ...words(`à au aux avec ce ces cet cette comme dans de des du elle elles en est et être eux il ils je la le les leur
  leurs lui mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa sans se ses son sont sur ta
  te tes toi ton tous tout toute toutes très tu un une vos votre vous y été avoir fait peut plus aussi bien c d l j n s
  qu' c'est d'un d'une l'`),
  // Spanish
  ...words(`al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en
  entre era es esa ese eso esta este esto estos hay hasta la las le les lo los más me mi mis mucho muy nada ni no nos
  nosotros o otra otro para pero poco por porque que quien se sea ser si sin sobre son su sus también tan te tiene todo
  todos tu tus un una uno unos y ya está están ha han`),
]);

/** Words every persona uses about itself; they say nothing about the topic. */
const GENERIC_WORDS = new Set(words(`ai influencer influencers agent agents persona personas tone tones voice vibe
  specializing specialising specializes specialises specialized specialised specialist specialty expert experts expertise
  known focus focused focuses content creator creators followers follower audience audiences fans posts post signs sign
  signature line catchphrase sign-off speaks speak talks talk writes write always never loves love helps help helping
  connect connects connecting share shares sharing show shows showing make makes making turn turns turning explain
  explains explaining build builds bring brings create creates creating find finds get gets know knows want wants take
  takes give gives keep keeps people thing things way ways lot lots new best great good real first well everything
  everyone someone world today day days year years one two three based brand-new plain language languages aged times
  behind full forming feel feels matter matters worth judged actually sentence sentences emoji emojis hashtag hashtags
  word words ki ki-influencer ki-influencerin influencerin influenceur influenceuse ia ia-influencer creador creadora
  experte experta experto ton tono stil zeigt erklärt macht hilft teilt montre explique aide partage muestra explica
  ayuda comparte`));

/** Negators open a scope that lasts until the clause ends. */
const NEGATORS = new Set(words(`never not no without avoid avoids avoiding don't doesn't isn't aren't won't never-ever
  nie niemals nicht kein keine keinen ohne jamais pas sans aucun nunca sin jamás`));
const SCOPE_BREAKERS = new Set(words('but yet instead rather aber sondern mais plutôt pero sino'));
/** Words that introduce an explicit tone clause ("Tone: …"). */
const TONE_LABELS = new Set(words('tone tones voice vibe style personality ton stil tono estilo attitude'));

const CUES: Array<[ToneMode, string]> = [
  ['luxury', 'luxury luxurious opulent premium exclusive refined elegant sophisticated haute glamorous élégant elegante luxuriös raffiniert'],
  ['editorial', 'editorial curated magazine journalistic polished critical éditorial redaktionell'],
  ['conversational', `conversational chatty friendly relatable casual approachable down-to-earth informal candid
    décontracté locker cercano gesprächig`],
  ['expert', `expert knowledgeable authoritative informed credible analytical precise rigorous seasoned savvy
    kompetent experto experte sachkundig`],
  ['enthusiastic', 'enthusiastic excited passionate upbeat eager hyped enthusiast enthousiaste entusiasta begeistert'],
  ['playful', 'playful fun cheeky quirky silly lighthearted light-hearted goofy mischievous frech espiègle juguetón'],
  ['inspiring', `inspiring inspirational motivating motivational uplifting empowering aspirational forward-thinking
    visionary hopeful optimistic inspirierend inspirant inspirador`],
  ['witty', 'witty clever humorous funny sarcastic wry dry-humoured quick-witted humorvoll drôle divertido ingenioso'],
  ['calm', 'calm soothing gentle serene mindful measured patient relaxed level-headed composed ruhig calme tranquilo sereno'],
  ['bold', 'bold daring provocative confident fearless edgy unapologetic outspoken mutig audacieux atrevido'],
  ['educational', `educational informative explanatory instructive didactic educator teacher knowledgeable clear
    lehrreich pédagogique educativo`],
  ['warm', `warm caring kind empathetic supportive compassionate nurturing heartfelt reassuring encouraging
    warmherzig chaleureux cálido cariñoso`],
  ['technical', 'technical data-driven nerdy geeky engineering detailed benchmark-driven technisch technique técnico'],
  ['minimalist', 'minimalist minimal understated concise sparse restrained minimalistisch minimaliste minimalista'],
  ['energetic', 'energetic high-energy dynamic lively punchy vibrant hype energiegeladen énergique enérgico'],
];
/** Cue word → tone modes; the first mode is the word's main sense, any others weigh two thirds as much. */
const TONE_CUES = new Map<string, ToneMode[]>();
for (const [mode, list] of CUES) for (const w of words(list)) TONE_CUES.set(w, [...(TONE_CUES.get(w) ?? []), mode]);
for (const mode of TONE_MODES) if (!TONE_CUES.has(mode)) TONE_CUES.set(mode, [mode]);
const SECONDARY_CUE_WEIGHT = 2 / 3;
/** Cue words that are also ordinary topic words ("luxury cars"): weak outside a tone clause, allowed as keywords. */
const TOPICAL_CUES = new Set(words(`luxury luxurious premium exclusive haute editorial technical minimalist minimal
  engineering data-driven critical clear detailed dynamic`));
const ANTI_TONE_WORDS = new Set(ANTI_TONES);

const FORMAL_CUES = new Set(words(`formal professional authoritative polished refined sophisticated elegant editorial
  precise scholarly academic measured courteous respectful luxurious distinguished förmlich professionnel formel formal`));
const CASUAL_CUES = new Set(words(`casual friendly chatty playful fun relatable laid-back slang conversational cheeky
  goofy silly informal easygoing down-to-earth approachable banter locker décontracté cercano`));
const SHORT_CUES = new Set(words('punchy concise snappy short bite-sized brief terse crisp'));
const LONG_CUES = new Set(words('long-form in-depth detailed thorough deep-dive deep-dives essays longform comprehensive'));
/** Words describing how the agent writes or who it is, rather than what it covers: never keywords. */
const STYLE_WORDS = new Set([...FORMAL_CUES, ...CASUAL_CUES, ...SHORT_CUES, ...LONG_CUES,
  ...Object.values(CATEGORY_VOCABULARY).flatMap((v) => v.traits.filter((t) => !t.includes(' ')))]);

const USE_CASE_CUES: Array<[UseCase, string[]]> = [
  ['product_launch', ['launch', 'launches', 'launching', 'unveil', 'unveils', 'drops', 'premieres']],
  ['product_review', ['review', 'reviews', 'reviewing', 'verdict', 'verdicts', 'tests', 'tested', 'unboxing']],
  ['lead_gen', ['leads', 'lead', 'sign-ups', 'signups', 'newsletter', 'waitlist', 'conversions', 'funnel']],
  ['testimonial', ['testimonial', 'testimonials', 'first-person']],
  ['trivia', ['trivia', 'quiz', 'quizzes', 'questions', 'facts']],
  ['collab_content', ['collab', 'collabs', 'collaboration', 'collaborations', 'partnerships', 'co-branded']],
  ['brand_launch', ['brands', 'brand']],
];

// ---------------------------------------------------------------------------------------------------------------------
// Tone → style defaults (also used by the catalog generator)
// ---------------------------------------------------------------------------------------------------------------------

const FORMALITY_WEIGHT: Partial<Record<ToneMode, number>> = {
  luxury: 1, editorial: 1, technical: 1, expert: 0.5, calm: 0.5, playful: -1, energetic: -1, witty: -0.5,
  conversational: -0.5, enthusiastic: -0.5, warm: -0.25,
};
const LENGTH_WEIGHT: Partial<Record<ToneMode, number>> = {
  editorial: 1, technical: 1, educational: 0.5, luxury: 0.5, expert: 0.25, minimalist: -1, energetic: -1, playful: -0.5,
  bold: -0.5, witty: -0.5,
};
const EMOJI_WEIGHT: Partial<Record<ToneMode, number>> = {
  playful: 1, energetic: 1, enthusiastic: 0.5, warm: 0.5, conversational: 0.25, witty: 0.25, inspiring: 0.25,
  expert_enthusiastic: 0.25, luxury: -1, editorial: -1, technical: -1, minimalist: -1, expert: -0.5, calm: -0.25,
};

function sumWeights(tones: readonly string[], table: Partial<Record<ToneMode, number>>): number {
  let s = 0;
  for (const t of tones) s += table[t as ToneMode] ?? 0;
  return s;
}

/** Formality, sentence length and emoji level implied by a set of tone modes alone. */
export function styleDefaultsForTones(tones: readonly string[]): Pick<StyleProfile, 'formality' | 'sentence_length' | 'emoji_level'> {
  const f = sumWeights(tones, FORMALITY_WEIGHT);
  const l = sumWeights(tones, LENGTH_WEIGHT);
  const e = 0.5 + sumWeights(tones, EMOJI_WEIGHT);
  return {
    formality: f >= 0.75 ? 'formal' : f <= -0.75 ? 'casual' : 'neutral',
    sentence_length: l >= 1 ? 'long' : l <= -1 ? 'short' : 'medium',
    emoji_level: e >= 2 ? 'heavy' : e > 0 ? 'light' : 'none',
  };
}

/**
 * Merges "expert" and "enthusiastic" into the single `expert_enthusiastic` mode (which subsumes both), keeping order.
 */
export function consolidateTones<T extends string>(tones: readonly T[]): T[] {
  const has = (m: string) => tones.includes(m as T);
  if (!has('expert_enthusiastic') && !(has('expert') && has('enthusiastic'))) return [...new Set(tones)];
  const out: T[] = [];
  for (const t of tones) {
    const mode = (t === 'expert' || t === 'enthusiastic' ? 'expert_enthusiastic' : t) as T;
    if (!out.includes(mode)) out.push(mode);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Tokenizing
// ---------------------------------------------------------------------------------------------------------------------

type Kind = 'word' | 'number' | 'punct' | 'emoji' | 'particle';
interface Token {
  text: string;
  lower: string;
  kind: Kind;
  /** Inside a "Tone: …" clause. */
  tone: boolean;
  negated: boolean;
  /** Inside quotation marks (a signature line, a quoted slogan). */
  quoted: boolean;
  /** Sentence number. */
  sentence: number;
}

const TOKEN_RE = /(\p{Extended_Pictographic})|([\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*)|([.,;:!?()[\]"“”«»„]|—|–|\n)/gu;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const SCRIPT_RUN_RE = /\p{Script=Han}+|[\p{Script=Katakana}ー]+|\p{Script=Hiragana}+|[^\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー]+/gu;
const HIRAGANA_RUN = /^\p{Script=Hiragana}+$/u;
const HAS_LETTER = /\p{L}/u;

/** Drops an English possessive ("zed's" → "zed") and a French elision ("l'économie" → "économie"). */
function normalizeWord(lower: string): string {
  const w = lower.replace(/'s$/, '');
  const elided = /^(?:l|d|qu|j|n|s|c|m|t)'(.{2,})$/.exec(w);
  return elided ? elided[1] : w;
}
const SENTENCE_END = new Set(['.', '!', '?', '\n']);
const CLAUSE_END = new Set([',', ';', ':', '(', ')', '[', ']', '—', '–', '"', '“', '”', '«', '»', '„']);
const OPEN_QUOTES = new Set(['"', '“', '«', '„']);
const CLOSE_QUOTES = new Set(['”', '»']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let negated = false;
  let tone = false;
  let quoted = false;
  const push = (text: string, lower: string, kind: Kind, neg: boolean) =>
    tokens.push({ text, lower, kind, tone, negated: neg, quoted, sentence });
  for (const m of text.matchAll(TOKEN_RE)) {
    if (m[1]) { push(m[1], m[1], 'emoji', false); continue; }
    if (m[3]) {
      const p = m[3];
      if (OPEN_QUOTES.has(p)) quoted = p === '"' ? !quoted : true;
      else if (CLOSE_QUOTES.has(p)) quoted = false;
      push(p, p, 'punct', false);
      if (SENTENCE_END.has(p) && !quoted) { sentence++; negated = false; tone = false; }
      if (CLAUSE_END.has(p)) negated = false;
      if (p === ':' && tokens.length >= 2 && TONE_LABELS.has(tokens[tokens.length - 2].lower)) tone = true;
      continue;
    }
    const raw = m[2].replace(/’/g, "'");
    // Japanese and Chinese run without spaces: split at script changes (kanji, katakana, latin) and treat
    // hiragana runs as particles.
    const pieces = NO_SPACE_SCRIPT.test(raw) ? (raw.match(SCRIPT_RUN_RE) ?? [raw]) : [raw];
    for (const piece of pieces) {
      if (HIRAGANA_RUN.test(piece)) { push(piece, piece, 'particle', false); continue; }
      const lower = normalizeWord(piece.toLowerCase());
      if (!HAS_LETTER.test(piece)) { push(piece, lower, 'number', negated); continue; }
      if (NEGATORS.has(lower)) { push(piece, lower, 'word', false); negated = true; continue; }
      if (SCOPE_BREAKERS.has(lower)) negated = false;
      push(piece, lower, 'word', negated);
    }
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------------------
// Derivations
// ---------------------------------------------------------------------------------------------------------------------

interface Scored { key: string; display: string; score: number; order: number }

function rank(items: Iterable<Scored>): Scored[] {
  return [...items].sort((a, b) => b.score - a.score || a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function normalizeTone(value: string): ToneMode[] {
  const v = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((TONE_MODES as readonly string[]).includes(v)) return [v as ToneMode];
  return TONE_CUES.get(v.replace(/_/g, '-')) ?? TONE_CUES.get(v) ?? [];
}

function detectTones(tokens: Token[]): { detected: ToneMode[]; negated: Set<ToneMode> } {
  const hasToneClause = tokens.some((t) => t.tone && t.kind === 'word');
  const inClause = new Map<ToneMode, number>();
  const outside = new Map<ToneMode, number>();
  const negated = new Set<ToneMode>();
  const add = (m: Map<ToneMode, number>, mode: ToneMode, w: number) => m.set(mode, (m.get(mode) ?? 0) + w);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const modes = TONE_CUES.get(t.lower);
    if (!modes) continue;
    modes.forEach((mode, k) => {
      if (t.negated) { negated.add(mode); return; }
      const sense = k === 0 ? 1 : SECONDARY_CUE_WEIGHT;
      if (t.tone) add(inClause, mode, 3 * sense);
      else add(outside, mode, (TOPICAL_CUES.has(t.lower) ? 0.5 : 1) * sense);
    });
  }
  const score = new Map<ToneMode, number>();
  for (const [mode, s] of inClause) score.set(mode, s);
  for (const [mode, s] of outside) {
    // With an explicit tone clause, topic words elsewhere only reinforce what the clause says.
    if (hasToneClause && !inClause.has(mode) && s < 2) continue;
    score.set(mode, (score.get(mode) ?? 0) + s);
  }
  for (const mode of negated) if ((inClause.get(mode) ?? 0) === 0) score.delete(mode);
  // "expert yet enthusiastic" is one mode of its own, which subsumes its two halves.
  if ((score.get('expert') ?? 0) > 0 && (score.get('enthusiastic') ?? 0) > 0) {
    score.set('expert_enthusiastic', Math.max(score.get('expert')!, score.get('enthusiastic')!) + 0.5);
  }
  if (score.has('expert_enthusiastic')) { score.delete('expert'); score.delete('enthusiastic'); }
  const order = new Map<string, number>(TONE_MODES.map((m, i) => [m, i]));
  const detected = [...score.entries()]
    .filter(([, s]) => s >= 1)
    .sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!)
    .map(([mode]) => mode);
  return { detected, negated };
}

function cueScore(tokens: Token[], cues: Set<string>): number {
  let s = 0;
  for (const t of tokens) if (t.kind === 'word' && cues.has(t.lower)) s += t.negated ? -1 : t.tone ? 2 : 1;
  return s;
}

function deriveFormality(tokens: Token[], tones: ToneMode[]): StyleProfile['formality'] {
  let s = cueScore(tokens, FORMAL_CUES) - cueScore(tokens, CASUAL_CUES);
  const signalled = s !== 0;
  let casualMarks = 0;
  for (const t of tokens) {
    if (t.kind === 'emoji') casualMarks += 1;
    else if (t.kind === 'punct' && t.text === '!') casualMarks += 0.5;
    else if (t.kind === 'word' && /'(?:t|re|ll|ve|m|d)$/.test(t.lower)) casualMarks += 0.5;
  }
  s -= Math.min(casualMarks, 2);
  if (!signalled && casualMarks === 0) return styleDefaultsForTones(tones).formality;
  return s >= 1 ? 'formal' : s <= -1 ? 'casual' : 'neutral';
}

function deriveSentenceLength(tokens: Token[], tones: ToneMode[]): StyleProfile['sentence_length'] {
  const s = cueScore(tokens, LONG_CUES) - cueScore(tokens, SHORT_CUES);
  for (let i = 0; i + 1 < tokens.length; i++) {
    // "short sentences" / "long sentences"
    if (tokens[i + 1].lower.startsWith('sentence') && !tokens[i].negated) {
      if (tokens[i].lower === 'short') return 'short';
      if (tokens[i].lower === 'long') return 'long';
    }
  }
  if (s > 0) return 'long';
  if (s < 0) return 'short';
  return styleDefaultsForTones(tones).sentence_length;
}

function deriveEmojiLevel(tokens: Token[], tones: ToneMode[]): StyleProfile['emoji_level'] {
  let emojis = 0;
  for (const t of tokens) if (t.kind === 'emoji') emojis++;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || !/^emoji/.test(t.lower)) continue;
    if (t.negated) return 'none';
    const prev = tokens[i - 1]?.lower ?? '';
    if (/^(lots|loads|plenty|heavy|many|tons|emoji-heavy)$/.test(prev) || t.lower === 'emoji-heavy') return 'heavy';
    if (/^(few|sparing|sparingly|occasional|light|minimal)$/.test(prev)) return 'light';
    return emojis >= 3 ? 'heavy' : 'light';
  }
  if (emojis >= 3) return 'heavy';
  if (emojis >= 1) return 'light';
  return styleDefaultsForTones(tones).emoji_level;
}

const QUOTED_RE = /["“„«]([^"“”„«»\n]{3,80})["”“»]/gu;

function signaturePhrases(text: string, vocabPhrases: string[], name: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(QUOTED_RE)) {
    const phrase = m[1].trim();
    if (phrase.split(/\s+/).length >= 2 && !found.includes(phrase)) found.push(phrase);
    if (found.length === 3) break;
  }
  if (found.length > 0) return found;
  // No quoted lines: two of the category's phrases, chosen by the name so different agents differ.
  let h = 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0;
  const first = h % vocabPhrases.length;
  return [vocabPhrases[first], vocabPhrases[(first + 1 + ((h >>> 8) % (vocabPhrases.length - 1))) % vocabPhrases.length]];
}

function isAcronym(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters.length <= 10 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

interface KeywordContext {
  persona: Token[];
  expertise: Token[][];
  expertisePhrases: string[];
  nameWords: Set<string>;
  categoryCues: Set<string>;
  shouting: boolean;
}

function eligible(t: Token, ctx: KeywordContext): boolean {
  if (t.kind !== 'word' || t.negated || t.tone || t.quoted) return false;
  const w = t.lower;
  if (STOPWORDS.has(w) || GENERIC_WORDS.has(w) || NEGATORS.has(w) || ctx.nameWords.has(w) || ANTI_TONE_WORDS.has(w)) return false;
  if ((TONE_CUES.has(w) || STYLE_WORDS.has(w)) && !TOPICAL_CUES.has(w)) return false;
  if (w.replace(/[^\p{L}]/gu, '').length < 2) return false;
  return w.length >= 3 || isAcronym(t.text) || (NO_SPACE_SCRIPT.test(w) && w.length >= 2);
}

function display(t: Token, shouting: boolean): string {
  return !shouting && isAcronym(t.text) ? t.text : t.lower;
}

function extractKeywords(ctx: KeywordContext): Scored[] {
  const uni = new Map<string, Scored>();
  const phrases = new Map<string, Scored>();
  let order = 0;
  const bump = (m: Map<string, Scored>, key: string, disp: string, w: number) => {
    const s = m.get(key);
    if (s) s.score += w; else m.set(key, { key, display: disp, score: w, order: order++ });
  };
  // Persona: words by frequency, and adjacent word pairs inside one clause as phrases.
  let prev: Token | null = null;
  for (const t of ctx.persona) {
    if (!eligible(t, ctx)) { prev = null; continue; }
    bump(uni, t.lower, display(t, ctx.shouting), 1);
    if (prev) {
      // A pair seen once ranks just below a word seen once; every repeat makes it a real phrase.
      const key = `${prev.lower} ${t.lower}`;
      if (phrases.has(key)) phrases.get(key)!.score += 1.25;
      else bump(phrases, key, `${display(prev, ctx.shouting)} ${display(t, ctx.shouting)}`, 0.9);
    }
    prev = t;
  }
  // Expertise domains: the author's own phrases rank first; their words count a little towards the word scores.
  ctx.expertise.forEach((tokens, i) => {
    const kept = tokens.filter((t) => eligible(t, ctx));
    for (const t of kept) bump(uni, t.lower, display(t, ctx.shouting), 0.75);
    if (kept.length === 0) return;
    const key = kept.map((t) => t.lower).join(' ');
    const disp = kept.length === 1 ? kept[0].lower : ctx.expertisePhrases[i].trim().replace(/\s+/g, ' ');
    if (kept.length > 1 && disp.length <= 60) {
      const existing = phrases.get(key);
      if (existing) existing.score += 2; else bump(phrases, key, kept.map((t) => display(t, ctx.shouting)).join(' '), 3);
    }
  });
  for (const s of uni.values()) {
    if (isAcronym(s.display)) s.score += 0.5;
    if (ctx.categoryCues.has(s.key)) s.score += 0.5;
  }
  // Fold plurals into their singular when both occur ("brand" / "brands").
  for (const [key, s] of [...uni]) {
    if (key.length > 3 && key.endsWith('s') && !key.endsWith('ss')) {
      const single = uni.get(key.slice(0, -1));
      if (single) { single.score += s.score; single.order = Math.min(single.order, s.order); uni.delete(key); }
    }
  }
  // Greedy pick by score, skipping what a better-ranked pick already says: a phrase inside a longer chosen phrase,
  // or a word of a chosen phrase unless the word stands on its own (score >= 2).
  const chosen: Scored[] = [];
  const chosenWords = new Set<string>();
  for (const s of rank([...uni.values(), ...phrases.values()])) {
    if (chosen.length >= 3 * MAX_KEYWORDS) break;
    const isPhrase = s.key.includes(' ');
    if (isPhrase && chosen.some((c) => c.key.includes(' ') && ` ${c.key} `.includes(` ${s.key} `))) continue;
    if (!isPhrase && chosenWords.has(s.key) && s.score < 2) continue;
    if (isPhrase && s.score < 1.5 && s.key.split(' ').every((w) => chosenWords.has(w))) {
      // Two weak words chosen on their own that the persona uses together ("supply" + "chain"): keep the phrase instead.
      const [a, b] = s.key.split(' ');
      const ia = chosen.findIndex((c) => c.key === a);
      const ib = chosen.findIndex((c) => c.key === b);
      if (s.key.split(' ').length === 2 && ia >= 0 && ib >= 0 && chosen[ia].score < 2 && chosen[ib].score < 2) {
        chosen[Math.min(ia, ib)] = s;
        chosen.splice(Math.max(ia, ib), 1);
      }
      continue;
    }
    chosen.push(s);
    for (const w of s.key.split(' ')) chosenWords.add(w);
  }
  return chosen.slice(0, MAX_KEYWORDS);
}

function deriveSubcategories(category: AgentCategory, tokens: Token[]): string[] {
  const vocab = CATEGORY_VOCABULARY[category];
  const scored: Scored[] = vocab.subcategories.map((sub, i) => {
    const cues = new Set(sub.cues);
    let score = 0;
    for (const t of tokens) if (t.kind === 'word' && !t.negated && cues.has(t.lower)) score++;
    return { key: sub.label, display: sub.label, score, order: i };
  });
  const hits = rank(scored).filter((s) => s.score > 0).slice(0, 3).map((s) => s.display);
  return hits.length > 0 ? hits : vocab.subcategories.slice(0, 2).map((s) => s.label);
}

function deriveUseCases(category: AgentCategory, requested: string[] | undefined, tokens: Token[]): UseCase[] {
  const valid = (requested ?? []).filter((u): u is UseCase => (USE_CASES as readonly string[]).includes(u));
  if (valid.length > 0) return [...new Set(valid)];
  const found = new Set<UseCase>();
  for (const [useCase, cues] of USE_CASE_CUES) {
    if (useCase === 'brand_launch') {
      // "brand launch(es)" specifically.
      for (let i = 0; i + 1 < tokens.length; i++) {
        if (cues.includes(tokens[i].lower) && tokens[i + 1].lower.startsWith('launch') && !tokens[i].negated) found.add(useCase);
      }
      continue;
    }
    if (tokens.some((t) => t.kind === 'word' && !t.negated && cues.includes(t.lower))) found.add(useCase);
  }
  if (found.size > 0) return USE_CASES.filter((u) => found.has(u));
  const weights = CATEGORY_VOCABULARY[category].use_case_weights;
  return [...USE_CASES].sort((a, b) => (weights[b] ?? 1) - (weights[a] ?? 1) || USE_CASES.indexOf(a) - USE_CASES.indexOf(b)).slice(0, 3);
}

function headlineFor(category: AgentCategory, ranked: Scored[]): string {
  const label = CATEGORY_VOCABULARY[category].label;
  const labelWords = new Set(label.toLowerCase().split(/\s+/));
  const topics: string[] = [];
  const used = new Set<string>();
  const consider = (s: Scored) => {
    const ws = s.key.split(' ');
    if (topics.length >= 2 || ws.some((w) => used.has(w)) || ws.every((w) => labelWords.has(w))) return;
    topics.push(s.display);
    for (const w of ws) used.add(w);
  };
  // Strong phrases first (an expertise domain, a pair the persona repeats), then whatever ranks best.
  for (const s of ranked) if (s.key.includes(' ') && s.score >= 2) consider(s);
  for (const s of ranked) consider(s);
  const headline = topics.length > 0
    ? `${label} AI influencer with ${topics.join(' and ')} expertise`
    : `${label} AI influencer`;
  return headline.length <= 140 ? headline : `${headline.slice(0, 137).trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------------------------

const fail = (reason: string): TrainingFailure => ({ ok: false, reason });

/** Train an agent from its persona: pure, deterministic, and explains why when the persona cannot be used. */
export function trainAgent(input: TrainAgentInput): TrainAgentResult {
  const name = (input.name ?? '').trim();
  if (!name) return fail('name is empty');
  if (!(AGENT_CATEGORIES as readonly string[]).includes(input.category)) {
    return fail(`category "${input.category}" is not one of ${AGENT_CATEGORIES.join(', ')}`);
  }
  const category = input.category as AgentCategory;
  const text = (input.persona_prompt ?? '').trim();
  if (!text) return fail('persona_prompt is empty');
  if (text.length > MAX_PERSONA_CHARS) return fail(`persona_prompt is longer than ${MAX_PERSONA_CHARS} characters`);

  const visible = text.replace(/\s+/g, '');
  const letters = (visible.match(/\p{L}/gu) ?? []).length;
  if (letters / visible.length < 0.5) {
    return fail(`persona_prompt is mostly symbols and digits (${Math.round((100 * letters) / visible.length)}% letters); `
      + 'describe the persona in words');
  }

  const tokens = tokenize(text);
  const nameWords = new Set(tokenize(name).filter((t) => t.kind === 'word').map((t) => t.lower));
  const content = tokens.filter((t) => t.kind === 'word' && !STOPWORDS.has(t.lower) && !GENERIC_WORDS.has(t.lower)
    && !nameWords.has(t.lower)
    && t.lower.replace(/[^\p{L}]/gu, '').length >= (NO_SPACE_SCRIPT.test(t.lower) ? 1 : 2));
  if (content.length < MIN_MEANINGFUL_WORDS) {
    return fail(`persona_prompt has ${content.length} meaningful word${content.length === 1 ? '' : 's'}; at least `
      + `${MIN_MEANINGFUL_WORDS} are needed to describe the agent's expertise, tone and audience`);
  }
  const freq = new Map<string, number>();
  for (const t of content) freq.set(t.lower, (freq.get(t.lower) ?? 0) + 1);
  const top = Math.max(...freq.values());
  if (freq.size < 5 || top / content.length > 0.4) {
    return fail(`persona_prompt is mostly repeated words (${freq.size} distinct of ${content.length}); `
      + 'describe the agent in sentences');
  }

  const expertisePhrases = (input.expertise_domains ?? []).map((e) => e.trim()).filter(Boolean);
  const expertise = expertisePhrases.map(tokenize);
  const audience = (input.target_audience ?? '').replace(/_/g, ' ');
  const vocab = CATEGORY_VOCABULARY[category];
  const categoryCues = new Set(vocab.subcategories.flatMap((s) => s.cues));

  const { detected, negated } = detectTones(tokens);
  const explicit = (input.tone_modes ?? []).flatMap(normalizeTone);
  const tones: ToneMode[] = [];
  for (const mode of explicit) if (!tones.includes(mode)) tones.push(mode);
  const subsumed = tones.includes('expert_enthusiastic');
  for (const mode of detected) {
    if (tones.length >= MAX_TONES || tones.includes(mode) || negated.has(mode)) continue;
    if (subsumed && (mode === 'expert' || mode === 'enthusiastic')) continue;
    tones.push(mode);
  }
  if (tones.length === 0) for (const mode of vocab.tones.slice(0, 2)) tones.push(mode);

  const shouting = letters > 20 && text.replace(/[^\p{L}]/gu, '') === text.replace(/[^\p{L}]/gu, '').toUpperCase();
  const ranked = extractKeywords({ persona: tokens, expertise, expertisePhrases, nameWords, categoryCues, shouting });
  const keywords = ranked.map((s) => s.display);
  const use_cases = deriveUseCases(category, input.use_cases, tokens);
  const subcategories = deriveSubcategories(category, [...tokens, ...expertise.flat(), ...tokenize(audience)]);
  const languages = (input.languages ?? []).filter((l) => (LANGUAGES as readonly string[]).includes(l));

  const style_profile: StyleProfile = {
    tone_modes: [...tones],
    keywords: keywords.slice(0, 12),
    sentence_length: deriveSentenceLength(tokens, tones),
    emoji_level: deriveEmojiLevel(tokens, tones),
    formality: deriveFormality(tokens, tones),
    signature_phrases: signaturePhrases(text, vocab.signature_phrases, name),
    palette: [...vocab.palette],
  };
  return {
    ok: true,
    style_profile,
    keywords,
    capabilities: {
      content_types: contentTypesFor(use_cases), languages: Math.max(1, new Set(languages).size), tone_modes: [...tones],
      real_time_streaming: true,
    },
    subcategories,
    headline: headlineFor(category, ranked),
    use_cases,
  };
}
