import type { ContentFormat, ContentType, Platform } from '@influgentic/contracts';
import { captionDisclosureLine } from './compliance';
import { DOCUMENT_FORMATS, limitsFor, type EffectiveLimits } from './platform';
import { PHRASE_PACKS, type PhrasePack, type Register, type Tpl } from './phrases';
import { hash32, Rng } from './random';
import {
  bare, capitalize, fill, hashtagify, humanizeAudience, isSlug, joinList, measure, terminate, uniqueTags, type Vars,
} from './text';
import { GenerationError, type GenerationRequest } from './types';

/** How a post is laid out; platform formats name theirs, generic posts follow the requested platform. */
export type SocialStyle = 'instagram' | 'tiktok' | 'x' | 'threads' | 'linkedin' | 'social';

const REGISTER_BY_TONE: Record<string, Register> = {
  enthusiastic: 'bold', energetic: 'bold', bold: 'bold', playful: 'bold', expert_enthusiastic: 'bold', witty: 'bold',
  conversational: 'warm', warm: 'warm', inspiring: 'warm',
  luxury: 'refined', editorial: 'refined', minimalist: 'refined', calm: 'refined',
  expert: 'expert', technical: 'expert', educational: 'expert',
};

/**
 * The tone a brand's free-text guidance asks for, or null when it names none; when it names several, the one named
 * last wins ("education-led and premium" → premium).
 */
export function toneFromGuidance(guidance: string | null | undefined): string | null {
  if (!guidance?.trim()) return null;
  const text = guidance.toLowerCase();
  const hits: Array<[number, string]> = [];
  for (const [re, tone] of [[/lux|premium|elegan|refin|editorial|minimal|calm/, 'luxury'], [/expert|educat|techn|analyt|professional|scien|informative/, 'expert'],
    [/bold|energ|enthus|playful|hype|fun|witty|excit/, 'energetic'], [/warm|friendly|conversational|personal|inspir|cosy|cozy/, 'warm']] as const) {
    const at = text.search(re);
    if (at >= 0) hits.push([at, tone]);
  }
  return hits.length ? hits.sort((a, b) => b[0] - a[0])[0][1] : null;
}

/** Maps any tone mode (including custom ones like "luxury_editorial") onto a register. */
export function registerFor(tone: string | null | undefined): Register {
  if (!tone) return 'warm';
  const key = tone.toLowerCase().trim().replace(/[\s-]+/g, '_');
  if (REGISTER_BY_TONE[key]) return REGISTER_BY_TONE[key];
  if (/lux|edit|minimal|calm|elegan|refin|premium/.test(key)) return 'refined';
  if (/expert|tech|educat|analyt|professional|scien/.test(key)) return 'expert';
  if (/bold|energ|enthus|playful|hype|fun|witty|excit/.test(key)) return 'bold';
  return 'warm';
}

const CATEGORY_EMOJI: Record<string, string> = {
  automotive: '🚗', fashion_lifestyle: '✨', sustainable_fashion: '🌿', beauty: '💄', fitness: '💪', food: '🍽️', travel: '✈️',
  tech: '⚡', finance: '📈', gaming: '🎮', health_wellness: '🧘', home_living: '🏡', parenting: '👶', sports: '🏅', music: '🎵',
  education: '📚', pets: '🐾', entertainment: '🎬',
};

/** Category tags are used across languages on every platform, so they stay in English. */
const CATEGORY_TAGS: Record<string, string[]> = {
  automotive: ['#Cars', '#Automotive', '#CarLovers'], fashion_lifestyle: ['#Fashion', '#Style', '#OOTD'],
  sustainable_fashion: ['#SustainableFashion', '#SlowFashion', '#EthicalFashion'], beauty: ['#Beauty', '#Skincare', '#BeautyTips'],
  fitness: ['#Fitness', '#Training', '#Workout'], food: ['#Foodie', '#Food', '#Recipes'], travel: ['#Travel', '#Wanderlust', '#TravelTips'],
  tech: ['#Tech', '#Gadgets', '#Innovation'], finance: ['#Finance', '#PersonalFinance', '#Money'],
  gaming: ['#Gaming', '#Gamer', '#GamingCommunity'], health_wellness: ['#Wellness', '#Health', '#SelfCare'],
  home_living: ['#HomeDecor', '#Interior', '#HomeInspo'], parenting: ['#Parenting', '#FamilyLife', '#ParentingTips'],
  sports: ['#Sports', '#Athlete', '#GameDay'], music: ['#Music', '#NewMusic', '#Musician'],
  education: ['#Education', '#Learning', '#StudyTips'], pets: ['#Pets', '#PetLovers', '#PetCare'],
  entertainment: ['#Entertainment', '#Movies', '#PopCulture'],
};

/**
 * Trivia distractors come from unrelated product worlds. Each index lists the categories where that distractor might
 * actually be true (a heated steering wheel is a real car feature), so it is never offered there.
 */
const FEATURE_DISTRACTOR_RISK: string[][] = [
  ['food', 'home_living'], ['tech', 'music', 'gaming', 'travel'], ['automotive', 'sports', 'fitness'],
  ['tech', 'travel', 'automotive', 'home_living', 'sustainable_fashion'], ['home_living'], ['fashion_lifestyle', 'sports', 'tech', 'fitness'],
  ['automotive'], ['tech', 'gaming'], ['food', 'home_living'], ['beauty', 'health_wellness', 'sustainable_fashion', 'home_living'],
];
const USE_DISTRACTOR_RISK: string[][] = [
  ['travel', 'sports', 'fitness'], ['gaming', 'education', 'entertainment'], ['food', 'home_living'], ['travel', 'tech', 'education'],
  ['music', 'fitness', 'entertainment'], ['travel', 'pets'], ['sports', 'travel'], ['home_living', 'education'],
];

export type EmojiLevel = 'none' | 'light' | 'heavy';

/** Everything one generation needs: the language pack, the seeded choices, and the persona's voice. */
export class Writer {
  readonly p: PhrasePack;
  readonly rng: Rng;
  readonly register: Register;
  readonly formal: boolean;
  readonly emoji: EmojiLevel;
  readonly limits: EffectiveLimits;
  readonly style: SocialStyle;
  readonly type: ContentType;
  readonly format: ContentFormat;
  readonly lang: string;
  /** Product claims and features, deduplicated, without trailing full stops. */
  readonly points: string[];
  readonly audience: string | null;
  readonly domain: string | null;
  readonly price: string | null;
  readonly vars: Vars;
  /** What the compliance pass will put first; reserved up front so platform limits hold by construction. */
  readonly disclosureLine: string | null;
  /** Templates already used in this piece, so "Standout feature: …" does not open two sentences in a row. */
  private readonly used = new Set<Tpl>();

  constructor(readonly req: GenerationRequest) {
    const pack = PHRASE_PACKS[req.language];
    if (!pack) {
      throw new GenerationError('unsupported_language', `The offline engine writes ${Object.keys(PHRASE_PACKS).join(', ')}; configure a model for ${req.language}`);
    }
    this.p = pack;
    this.lang = req.language;
    this.type = req.content_type;
    this.format = req.format;
    const { agent, product } = req;
    this.rng = new Rng(hash32([
      agent.id, product.name, product.key_claims.join('|'), (product.key_features ?? []).join('|'), req.content_type, req.format,
      // Length is left out on purpose: short, medium and long of one seed share their wording and differ in size.
      req.language, req.platform ?? '', req.caption_style ?? '', String(req.seed),
    ].join('\u241f')));

    // A brand's guidance for the piece ("keep it education-led and premium") outranks the persona's default tone.
    const tone = req.tone ?? toneFromGuidance(req.guidance) ?? agent.tone_modes[0] ?? agent.style_profile?.tone_modes[0] ?? null;
    this.register = registerFor(tone);
    this.style = socialStyle(req.format, req.platform);
    this.limits = limitsFor(req.platform, req.format);
    this.formal = agent.style_profile?.formality === 'formal' || this.style === 'linkedin' || req.format === 'press_release';
    this.emoji = emojiLevel(this.register, agent.style_profile?.emoji_level, req.format, this.style);

    this.points = uniqueTags([...product.key_claims, ...(product.key_features ?? [])].map(bare).filter((c) => c.length > 0))
      .map((c) => c.trim());
    const rawAudience = product.target_audience ?? agent.target_audience ?? null;
    // Slugs and English-only fields would read as foreign words inside German or Hindi prose.
    this.audience = rawAudience && (req.language === 'en' || !isSlug(rawAudience)) ? humanizeAudience(rawAudience) : null;
    const domains = agent.expertise_domains.filter((d) => d.trim());
    this.domain = domains.length && (req.language === 'en' || (req.language === 'hi' && /\p{Script=Devanagari}/u.test(domains[0])))
      ? joinList(domains.slice(0, 2), this.p.and) : null;
    this.price = formatPrice(product.price, product.currency, pack.locale);

    const emoji = this.emoji === 'none' ? '' : CATEGORY_EMOJI[agent.category] ?? '✨';
    this.vars = {
      product: product.name.trim(), agent: agent.name.trim(), use: bare(product.target_use), audience: this.audience,
      price: this.price, brand: product.brand?.trim() || null, partner: (product.partner ?? product.brand ?? product.name).trim(),
      domain: this.domain, code: product.promo_code ?? null, url: product.url ?? null, emoji,
      down: this.emoji === 'none' ? '↓' : '👇', thread: this.emoji === 'none' ? '↓' : '🧵',
      claims: joinList(this.points.slice(0, 3), this.p.and), claim: this.points[0] ?? bare(product.target_use),
    };
    this.disclosureLine = captionDisclosureLine({
      mode: req.compliance_mode, language: req.language, sponsored: req.sponsored, platform: req.platform, format: req.format,
    });
  }

  get length(): 'short' | 'medium' | 'long' {
    return this.req.length;
  }

  /** Picks a template whose text fits `max` (as the platform counts); the shortest when none does. */
  sayWithin(templates: Tpl[], max: number | null, extra: Vars = {}): string {
    const filled = templates.map((t) => this.fill(t, extra));
    if (max === null) return this.rng.pick(filled);
    const fitting = filled.filter((t) => this.measure(t) <= max);
    return fitting.length ? this.rng.pick(fitting) : filled.reduce((a, b) => (this.measure(a) <= this.measure(b) ? a : b));
  }

  /** Picks one template and fills it; a template already used in this piece is only reused when all of them were. */
  say(templates: Tpl[], extra: Vars = {}): string {
    const fresh = templates.filter((t) => !this.used.has(t));
    const template = this.rng.pick(fresh.length ? fresh : templates);
    this.used.add(template);
    return this.fill(template, extra);
  }

  fill(template: Tpl, extra: Vars = {}): string {
    return tidy(fill(template, { ...this.vars, ...extra }, this.formal), this.lang);
  }

  /** Presents a claim; follow-up phrasings ("Then there's…") only once another claim came first. */
  claimSentence(claim: string, first = this.points[0] === claim): string {
    return this.say(first ? this.p.claim : [...this.p.claim, ...this.p.claimMore], { claim });
  }

  /** A full sentence from a user-supplied fragment. */
  sentence(text: string): string {
    return tidy(terminate(capitalize(text.trim()), this.lang), this.lang);
  }

  /** The product name without a leading brand, for sentences that already name the brand. */
  productWithoutBrand(): string {
    const name = String(this.vars.product);
    const brand = this.req.product.brand?.trim();
    if (brand && name.toLowerCase().startsWith(`${brand.toLowerCase()} `) && name.length > brand.length + 1) return name.slice(brand.length + 1);
    return name;
  }

  /** `Label: text` with the language's colon spacing (French puts a no-break space before it). */
  line(label: string, text = ''): string {
    const colon = this.lang === 'fr' ? '\u00a0:' : ':';
    return text ? `${label}${colon} ${text}` : `${label}${colon}`;
  }

  quote(text: string): string {
    return tidy(`${this.p.quotes[0]}${text}${this.p.quotes[1]}`, this.lang);
  }

  bullet(text: string): string {
    const marker = this.emoji === 'heavy' ? '✅' : this.emoji === 'light' ? '✓' : '•';
    return `${marker} ${text}`;
  }

  hook(): string {
    const style = this.req.caption_style;
    if (style) return this.say(this.p.styledHooks[style]);
    return this.say(this.p.hooks[this.type][this.register]);
  }

  title(): string {
    return this.say(this.p.titles[this.type]);
  }

  closing(): string {
    return this.say(this.p.closing[this.register]);
  }

  /** The persona's own sign-off, when its style profile has one. */
  signature(): string | null {
    // A catchphrase is only used where it reads as this language: an English one stays out of a German post.
    const phrases = (this.req.agent.style_profile?.signature_phrases ?? []).map((s) => s.trim()).filter((s) => s && fitsLanguage(s, this.lang));
    return phrases.length ? this.rng.pick(phrases) : null;
  }

  /** The CTA with where the link lives (bio, description, or the URL itself), or null when not wanted. */
  cta(options: { spoken?: boolean; direct?: boolean } = {}): string | null {
    if (!this.req.include_cta) return null;
    const action = this.say(this.p.cta[this.type]);
    const linkless = this.type === 'trivia' || this.type === 'collab_content';
    const url = this.req.product.url;
    const pointer = this.emoji === 'heavy' ? '👉 ' : '';
    if (linkless || options.spoken) return `${pointer}${terminate(action, this.lang)}`;
    // Emails and landing pages link directly; "link in bio" only makes sense on Instagram and TikTok.
    if (options.direct) return url ? `${action}: ${url}` : terminate(action, this.lang);
    if (this.style === 'instagram' || this.style === 'tiktok') return `${pointer}${action} → ${this.p.where.bio}`;
    if (url) return `${pointer}${action}: ${url}`;
    if (this.format === 'youtube_description' || this.req.platform === 'youtube') return `${pointer}${action} → ${this.p.where.description}`;
    return `${pointer}${terminate(action, this.lang)}`;
  }

  /** The sentence that names the piece's trending topic, or null without one (no seeded choice is spent then). */
  topicLine(): string | null {
    const topic = this.req.topic?.trim();
    return topic ? this.say(this.p.topic, { topic }) : null;
  }

  promo(): string | null {
    return this.req.product.promo_code ? this.say(this.p.promo) : null;
  }

  /** How many hashtags this piece carries: the platform's guidance, fewer for short pieces, more for long. */
  hashtagCount(): number {
    const rec = this.limits.recommendedHashtags;
    const n = this.length === 'short' ? Math.max(rec ? 1 : 0, rec - 2) : this.length === 'medium' ? rec : rec >= 3 ? rec + 3 : rec;
    return Math.min(n, this.limits.maxHashtags);
  }

  hashtags(count = this.hashtagCount()): string[] {
    if (count <= 0) return [];
    const { agent, product } = this.req;
    const typeTags = this.p.hashtags[this.type];
    const categoryTags = CATEGORY_TAGS[agent.category] ?? [];
    const lead = [hashtagify(product.name), this.rng.pick(typeTags), categoryTags.length ? this.rng.pick(categoryTags) : null];
    const rest = this.rng.shuffle([
      ...typeTags, ...categoryTags, ...(agent.style_profile?.keywords ?? []).map(hashtagify), hashtagify(withoutArticle(product.target_use)),
      product.brand ? hashtagify(product.brand) : null, ...agent.expertise_domains.slice(0, 2).map(hashtagify), hashtagify(agent.name),
    ]);
    // A trending topic leads the tags: that is where the conversation is found.
    const topic = this.req.topic?.trim() ? hashtagify(this.req.topic) : null;
    return uniqueTags([...(topic ? [topic] : []), ...lead, ...rest]).slice(0, count);
  }

  /** Trivia options for "what is it made for": the real use plus two activities from unrelated worlds. */
  useDistractors(n: number): string[] {
    return this.distractors(this.p.trivia.distractorUses, USE_DISTRACTOR_RISK, n);
  }

  featureDistractors(n: number): string[] {
    return this.distractors(this.p.trivia.distractorFeatures, FEATURE_DISTRACTOR_RISK, n);
  }

  private distractors(pool: string[], risk: string[][], n: number): string[] {
    const facts = [this.req.product.name, this.req.product.target_use, ...this.points].join(' ').toLowerCase();
    const safe = pool.filter((d, i) => {
      if ((risk[i] ?? []).includes(this.req.agent.category)) return false;
      // Skip a distractor sharing a real word with the product facts ("solar" for a solar charger).
      return !d.toLowerCase().split(/[^\p{L}\p{M}]+/u).some((word) => word.length >= 5 && facts.includes(word));
    });
    return this.rng.sample(safe.length >= n ? safe : pool, n);
  }

  /** Room left for text in a post once the disclosure, the given parts and `reserve` more characters are counted. */
  budget(extra: string[], reserve = 0): number | null {
    if (this.limits.captionMax === null) return null;
    const reserved = [this.disclosureLine, ...extra].filter((s): s is string => !!s).map((s) => measure(s, this.limits.counting) + 2);
    return this.limits.captionMax - reserve - reserved.reduce((a, b) => a + b, 0);
  }

  measure(text: string): number {
    return measure(text, this.limits.counting);
  }

  formattedDate(): string {
    const date = this.req.date ? new Date(`${this.req.date}T12:00:00Z`) : new Date();
    return new Intl.DateTimeFormat(this.p.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
}

/** `les longs trajets` → `longs trajets`, so the hashtag reads #LongsTrajets. */
function withoutArticle(phrase: string): string {
  return phrase.trim().replace(/^(?:(?:the|an?|les?|la|los|las|el|une?|der|die|das|den|dem|ein|eine)\s+|l['’])(?=\S)/iu, '');
}

const ENGLISH_WORDS = /(?<![\p{L}])(?:the|and|your|you|with|of|to|is|are|for|my)(?![\p{L}])/iu;

function fitsLanguage(phrase: string, lang: string): boolean {
  if (lang === 'hi') return /\p{Script=Devanagari}/u.test(phrase);
  if (/\p{Script=Devanagari}/u.test(phrase)) return false;
  return lang === 'en' || !ENGLISH_WORDS.test(phrase);
}

function socialStyle(format: ContentFormat, platform: Platform | null): SocialStyle {
  const byFormat: Partial<Record<ContentFormat, SocialStyle>> = {
    instagram_caption: 'instagram', tiktok_caption: 'tiktok', x_post: 'x', linkedin_post: 'linkedin',
  };
  if (byFormat[format]) return byFormat[format] as SocialStyle;
  switch (platform) {
    case 'instagram': case 'tiktok': case 'x': case 'threads': case 'linkedin': return platform;
    default: return 'social';
  }
}

function emojiLevel(register: Register, profile: EmojiLevel | undefined, format: ContentFormat, style: SocialStyle): EmojiLevel {
  if (DOCUMENT_FORMATS.has(format)) return 'none';
  const base: EmojiLevel = profile ?? (register === 'bold' || register === 'warm' ? 'light' : 'none');
  // LinkedIn and X read as spam with emoji walls.
  if ((style === 'linkedin' || style === 'x') && base === 'heavy') return 'light';
  return base;
}

/** `129` + `EUR` → `129,00 €` in German; anything with its own symbol is printed as given. */
export function formatPrice(price: string | undefined, currency: string | undefined, locale: string): string | null {
  if (!price?.trim()) return null;
  const p = price.trim();
  if (currency && /^\d+(?:[.,]\d{1,2})?$/.test(p)) {
    try {
      const n = Number(p.replace(',', '.'));
      return new Intl.NumberFormat(locale, { style: 'currency', currency, ...(Number.isInteger(n) ? { maximumFractionDigits: 0 } : {}) }).format(n);
    } catch {
      return `${p} ${currency}`;
    }
  }
  return p;
}

const FR_NBSP_BEFORE = /[ \u00a0]([:;!?»])/g;

/**
 * Final typography for one line of generated text: empty emoji slots leave no double spaces or space before
 * punctuation, and French gets its no-break spaces before « : ; ! ? » and after «.
 */
export function tidy(text: string, lang: string): string {
  let t = text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+([.,!?।;:)])(?=\s|$)/g, (m, p: string) => (lang === 'fr' && p !== '.' && p !== ',' && p !== ')' ? m : p))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/^[ \t]+|[ \t]+$/g, '');
  if (lang === 'es') t = t.replace(/(?<![\p{L}])([Dd]e|[Aa]) el(?![\p{L}])/gu, (_m, p: string) => (p.toLowerCase() === 'de' ? `${p[0]}el` : `${p[0]}l`));
  if (lang === 'fr') {
    // Contractions where a slot starts with an article: « des longs trajets », « aux longs trajets ».
    t = t.replace(/(?<![\p{L}])([Dd]e|à) (les|le)(?= [\p{L}\d])/gu, (_m, p: string, art: string) => {
      const de = p.toLowerCase() === 'de';
      const word = art === 'les' ? (de ? 'des' : 'aux') : de ? 'du' : 'au';
      return p[0] === 'D' ? word[0].toUpperCase() + word.slice(1) : word;
    });
    // Elision before a vowel, mostly where a product name follows: « parle d’EV Series », « qu’Apple ».
    t = t.replace(/(?<![\p{L}])(de|De|que|Que|jusque|lorsque|puisque) (?=[aeiouàâéèêëîïôûùAEIOUÀÂÉÈÊËÎÏÔÛÙ])/gu, (_m, word: string) => `${word.slice(0, -1)}’`);
    t = t.replace(FR_NBSP_BEFORE, (_m, p: string) => `${p === ':' || p === '»' ? '\u00a0' : '\u202f'}${p}`).replace(/«[ \u00a0]/g, '«\u00a0');
  }
  return t;
}
