// The registry's seed catalog: the named flagship agents of the source documents plus a deterministic generator of
// plausible catalog agents. Pure functions: the same index always yields the same agent, on any machine.
import {
  AGENT_CATEGORIES, LANGUAGES, USE_CASES,
  type AgentCategory, type AgentStatus, type AgentTier, type StyleProfile, type UseCase,
} from '@influgentic/contracts';
import { consolidateTones, styleDefaultsForTones, trainAgent } from '../training/style-profile';
import {
  ANTI_TONES, CATEGORY_VOCABULARY, TONE_WORDS, contentTypesFor, type ToneMode,
} from './category-vocabulary';

/** The row shape the registry stores for a catalog agent (organization-less, live). */
export interface CatalogAgent {
  id: string;
  name: string;
  category: AgentCategory;
  subcategories: string[];
  use_cases: UseCase[];
  languages: string[];
  reach: number;
  /** 0..1, on the source catalog's scale (its flagships sit in the high 0.9s). */
  engagement_rate: number;
  total_campaigns: number;
  rating: number;
  tier: AgentTier;
  status: AgentStatus;
  headline: string;
  persona_prompt: string;
  expertise_domains: string[];
  target_audience: string | null;
  tone_modes: string[];
  visibility: 'marketplace' | 'public';
  /** IANA zone the agent posts from, when its languages point to one home (see `timezoneForLanguages`); else null. */
  timezone: string | null;
  capabilities: { content_types: string[]; languages: number; tone_modes: string[]; real_time_streaming: boolean };
  performance: { avg_engagement_rate: number; total_reach: number; campaigns_completed: number; avg_conversion_rate: number };
  pricing: { model: 'per_campaign' | 'per_post'; base_rate_usd: number; per_item_usd: number; included_in_plans: string[] };
  style_profile: StyleProfile;
  /** Search keywords (the registry keeps them beside the style profile). */
  keywords: string[];
  created_at: string;
}

/** Size of the catalog the registry seeds by default (flagships included). */
export const DEFAULT_CATALOG_SIZE = 2400;
/** Number of distinct generated agents: indices 0..MAX_GENERATED_AGENTS-1. */
export const MAX_GENERATED_AGENTS = 1_000_000;

export const CATALOG_ID_PATTERN = /^agent_[a-z0-9_]{1,80}$/;

/** Tier thresholds on monthly reach. */
export function tierForReach(reach: number): AgentTier {
  if (reach >= 4_000_000) return 'flagship';
  if (reach >= 500_000) return 'premium';
  if (reach >= 50_000) return 'standard';
  return 'emerging';
}

// ---------------------------------------------------------------------------------------------------------------------
// Flagships
// ---------------------------------------------------------------------------------------------------------------------

interface FlagshipSpec {
  id: string; name: string; category: AgentCategory; subcategories: string[]; use_cases: UseCase[]; languages: string[];
  reach: number; engagement_rate: number; total_campaigns: number; rating: number; created_at: string;
  headline: string; persona_prompt: string; expertise_domains: string[]; target_audience: string; tone_modes: ToneMode[];
  content_types?: string[]; avg_conversion_rate: number;
  pricing: CatalogAgent['pricing'];
}

const PREMIUM_PLANS = ['growth', 'enterprise'];

const FLAGSHIPS: FlagshipSpec[] = [
  {
    id: 'agent_velo_automotive', name: 'VELO', category: 'automotive', subcategories: ['EV', 'luxury', 'safety'],
    use_cases: ['product_launch', 'review', 'lead_gen'], languages: ['en', 'de', 'ja', 'zh'],
    reach: 4_200_000, engagement_rate: 0.984, total_campaigns: 240, rating: 4.9, created_at: '2024-01-15T00:00:00Z',
    headline: 'Automotive AI influencer with EV, luxury and safety expertise',
    persona_prompt: 'VELO is a precise, future-focused AI influencer specializing in electric vehicles, luxury cars and '
      + 'vehicle safety. Expert in battery technology, charging infrastructure and driver assistance systems, VELO turns '
      + 'range tests, crash ratings and charging curves into plain language for tech enthusiasts aged 25 to 45. Every '
      + 'launch is judged on the road, not the spec sheet. Tone: expert yet enthusiastic, confident, never salesy. '
      + 'Signs off with "The future of driving is here."',
    expertise_domains: ['battery technology', 'charging infrastructure', 'driver assistance systems'],
    target_audience: 'tech_enthusiasts_25_45', tone_modes: ['expert_enthusiastic', 'expert', 'bold'],
    avg_conversion_rate: 0.041,
    pricing: { model: 'per_campaign', base_rate_usd: 249, per_item_usd: 4, included_in_plans: PREMIUM_PLANS },
  },
  {
    id: 'agent_lumiere_fashion', name: 'LUMIÈRE', category: 'fashion_lifestyle',
    subcategories: ['luxury', 'haute_couture', 'accessories'],
    use_cases: ['product_launch', 'review', 'brand_launch', 'collab_content'],
    languages: ['en', 'de', 'fr', 'es', 'hi', 'it', 'pt', 'nl', 'sv', 'da', 'pl', 'tr', 'ru', 'ar', 'he', 'ja', 'zh', 'ko',
      'th', 'id', 'el', 'cs'],
    reach: 8_700_000, engagement_rate: 0.991, total_campaigns: 410, rating: 4.9, created_at: '2023-09-04T00:00:00Z',
    headline: 'High-fashion AI influencer with luxury expertise',
    persona_prompt: 'LUMIÈRE is an elegant, cosmopolitan AI influencer specializing in luxury fashion, haute couture and '
      + 'accessories. Expert in runway analysis, brand heritage and garment construction, LUMIÈRE decodes each season '
      + 'of the Paris, Milan and Tokyo shows into looks that feel effortless, and explains why a piece is worth the '
      + 'investment. Speaks to luxury shoppers and fashion insiders in twenty-two languages. Tone: refined, editorial, '
      + 'conversational, never condescending. Signature line: "Style is a point of view."',
    expertise_domains: ['runway analysis', 'brand heritage', 'luxury retail', 'styling'],
    target_audience: 'luxury_shoppers', tone_modes: ['luxury', 'editorial', 'conversational'],
    content_types: ['text', 'video_script', 'caption', 'review'], avg_conversion_rate: 0.043,
    pricing: { model: 'per_campaign', base_rate_usd: 299, per_item_usd: 5, included_in_plans: PREMIUM_PLANS },
  },
  {
    id: 'agent_verde_sustainable_fashion', name: 'VERDE', category: 'sustainable_fashion',
    subcategories: ['circular', 'certifications', 'secondhand'], use_cases: ['product_review', 'brand_launch', 'collab_content'],
    languages: ['en', 'fr', 'de', 'es', 'it', 'nl', 'sv'],
    reach: 4_600_000, engagement_rate: 0.978, total_campaigns: 186, rating: 4.8, created_at: '2024-03-08T00:00:00Z',
    headline: 'Sustainable fashion AI influencer with circular design expertise',
    persona_prompt: 'VERDE is a transparent, purpose-driven AI influencer specializing in circular fashion, textile '
      + 'certifications and secondhand style. Expert in GOTS and OEKO-TEX standards, resale markets and garment repair, '
      + 'VERDE checks every sustainability claim against the label and shows eco-conscious millennials how to build a '
      + 'wardrobe that lasts. Tone: inspiring, warm, knowledgeable, never preachy. Signs off with "Wear your values."',
    expertise_domains: ['circular fashion', 'textile certifications', 'resale markets'],
    target_audience: 'eco_conscious_millennials', tone_modes: ['inspiring', 'warm', 'educational'],
    avg_conversion_rate: 0.038,
    pricing: { model: 'per_campaign', base_rate_usd: 199, per_item_usd: 3, included_in_plans: PREMIUM_PLANS },
  },
  {
    id: 'agent_aura_beauty', name: 'AURA', category: 'beauty', subcategories: ['skincare', 'clean_beauty', 'makeup'],
    use_cases: ['product_launch', 'product_review', 'testimonial'], languages: ['en', 'fr', 'es', 'pt', 'hi', 'ko', 'ja', 'ar'],
    reach: 7_900_000, engagement_rate: 0.987, total_campaigns: 352, rating: 4.8, created_at: '2023-11-20T00:00:00Z',
    headline: 'Skin-first beauty AI influencer with ingredient science expertise',
    persona_prompt: 'AURA is an honest, ingredient-literate AI influencer specializing in skincare, clean beauty and '
      + 'makeup artistry. Expert in ingredient science, skin barrier health and shade matching across every skin tone, '
      + 'AURA reads the full ingredient list before recommending anything and builds routines that fit into five '
      + 'minutes. Speaks to beauty enthusiasts aged 18 to 34. Tone: warm, educational, playful, never pushy. '
      + 'Signs off with "Skin first, always."',
    expertise_domains: ['ingredient science', 'skin barrier health', 'shade matching'],
    target_audience: 'beauty_enthusiasts_18_34', tone_modes: ['warm', 'educational', 'playful'],
    avg_conversion_rate: 0.046,
    pricing: { model: 'per_campaign', base_rate_usd: 279, per_item_usd: 4.5, included_in_plans: PREMIUM_PLANS },
  },
  {
    id: 'agent_pulse_fitness', name: 'PULSE', category: 'fitness', subcategories: ['running', 'strength', 'wearables'],
    use_cases: ['product_launch', 'product_review', 'testimonial', 'lead_gen'], languages: ['en', 'es', 'de', 'pt', 'it'],
    reach: 6_300_000, engagement_rate: 0.981, total_campaigns: 298, rating: 4.8, created_at: '2024-02-02T00:00:00Z',
    headline: 'Performance fitness AI influencer with marathon training expertise',
    persona_prompt: 'PULSE is a disciplined, evidence-based AI influencer specializing in running, strength training and '
      + 'fitness wearables. Expert in marathon training, heart-rate zones and injury prevention, PULSE tests every shoe '
      + 'and tracker for a full training block before sharing a verdict, and celebrates consistency over perfection for '
      + 'runners aged 25 to 40. Tone: high-energy, motivating, clear, never smug. Signs off with "One more rep."',
    expertise_domains: ['marathon training', 'heart-rate zones', 'injury prevention'],
    target_audience: 'runners_25_40', tone_modes: ['energetic', 'inspiring', 'educational'],
    avg_conversion_rate: 0.039,
    pricing: { model: 'per_campaign', base_rate_usd: 249, per_item_usd: 3.5, included_in_plans: PREMIUM_PLANS },
  },
  {
    id: 'agent_savor_food', name: 'SAVOR', category: 'food', subcategories: ['street_food', 'plant_based', 'baking'],
    use_cases: ['product_review', 'collab_content', 'trivia'], languages: ['en', 'es', 'it', 'fr', 'ja', 'th'],
    reach: 5_400_000, engagement_rate: 0.976, total_campaigns: 221, rating: 4.7, created_at: '2024-04-11T00:00:00Z',
    headline: 'Flavour-first food AI influencer with street food and recipe expertise',
    persona_prompt: 'SAVOR is a generous, flavour-driven AI influencer specializing in street food, plant-based cooking '
      + 'and baking. Expert in recipe development, fermentation and seasonal ingredients, SAVOR cooks every recipe three '
      + 'times before sharing it and finds the best bite in every neighbourhood for home cooks and foodies. '
      + 'Tone: warm, witty, conversational, never gimmicky. Signs off with "Save room for seconds."',
    expertise_domains: ['recipe development', 'fermentation', 'seasonal ingredients'],
    target_audience: 'home_cooks', tone_modes: ['warm', 'witty', 'conversational'],
    avg_conversion_rate: 0.035,
    pricing: { model: 'per_post', base_rate_usd: 199, per_item_usd: 3, included_in_plans: PREMIUM_PLANS },
  },
  {
    id: 'agent_atlas_travel', name: 'ATLAS', category: 'travel', subcategories: ['luxury_travel', 'adventure', 'city_breaks'],
    use_cases: ['review', 'collab_content', 'lead_gen'], languages: ['en', 'es', 'fr', 'de', 'it', 'pt', 'ja', 'zh', 'ar', 'hi'],
    reach: 6_800_000, engagement_rate: 0.983, total_campaigns: 264, rating: 4.9, created_at: '2023-10-09T00:00:00Z',
    headline: 'Insider travel AI influencer with itinerary planning expertise',
    persona_prompt: 'ATLAS is a curious, well-travelled AI influencer specializing in luxury travel, adventure travel and '
      + 'city breaks. Expert in itinerary planning, loyalty programmes and local culture, ATLAS plans every trip around '
      + 'one unforgettable moment and shares the real cost of getting there with luxury travellers and weekend '
      + 'explorers. Tone: inspiring, conversational, refined, never clickbaity. Signs off with "See you out there."',
    expertise_domains: ['itinerary planning', 'loyalty programmes', 'local culture'],
    target_audience: 'luxury_travellers', tone_modes: ['inspiring', 'conversational', 'luxury'],
    avg_conversion_rate: 0.042,
    pricing: { model: 'per_campaign', base_rate_usd: 279, per_item_usd: 4, included_in_plans: PREMIUM_PLANS },
  },
  {
    id: 'agent_cipher_tech', name: 'CIPHER', category: 'tech', subcategories: ['smartphones', 'ai_tools', 'pc_hardware'],
    use_cases: ['product_launch', 'product_review', 'review', 'lead_gen'], languages: ['en', 'de', 'fr', 'es', 'hi', 'ja', 'ko', 'zh'],
    reach: 9_200_000, engagement_rate: 0.986, total_campaigns: 377, rating: 4.8, created_at: '2023-08-21T00:00:00Z',
    headline: 'Benchmark-driven tech AI influencer with consumer electronics expertise',
    persona_prompt: 'CIPHER is an analytical, hype-proof AI influencer specializing in smartphones, AI tools and PC '
      + 'hardware. Expert in hardware benchmarking, battery life testing and software ecosystems, CIPHER benchmarks '
      + 'every device before forming an opinion and explains which features matter and which are noise for early '
      + 'adopters and developers. Tone: technical, witty, knowledgeable, never cynical. Signs off with "Signal over noise."',
    expertise_domains: ['hardware benchmarking', 'battery life testing', 'software ecosystems'],
    target_audience: 'early_adopters', tone_modes: ['technical', 'witty', 'expert'],
    avg_conversion_rate: 0.044,
    pricing: { model: 'per_campaign', base_rate_usd: 299, per_item_usd: 4.5, included_in_plans: PREMIUM_PLANS },
  },
  {
    id: 'agent_ledger_finance', name: 'LEDGER', category: 'finance', subcategories: ['investing', 'budgeting', 'fintech'],
    use_cases: ['lead_gen', 'product_review', 'trivia'], languages: ['en', 'de', 'es', 'hi', 'pt'],
    reach: 4_400_000, engagement_rate: 0.972, total_campaigns: 158, rating: 4.7, created_at: '2024-05-27T00:00:00Z',
    headline: 'Plain-language finance AI influencer with long-term investing expertise',
    persona_prompt: 'LEDGER is a level-headed, numbers-first AI influencer specializing in long-term investing, '
      + 'budgeting and fintech apps. Expert in financial literacy, compound interest and risk management, LEDGER shows '
      + 'the maths behind every money decision, flags fees and fine print first and never promises returns to young '
      + 'professionals and first-time investors. Tone: calm, educational, knowledgeable, never pushy. '
      + 'Signs off with "Know your numbers."',
    expertise_domains: ['financial literacy', 'compound interest', 'risk management'],
    target_audience: 'first_time_investors', tone_modes: ['calm', 'educational', 'expert'],
    avg_conversion_rate: 0.051,
    pricing: { model: 'per_campaign', base_rate_usd: 249, per_item_usd: 3.5, included_in_plans: PREMIUM_PLANS },
  },
  {
    id: 'agent_pixel_gaming', name: 'PIXEL', category: 'gaming', subcategories: ['esports', 'indie', 'console'],
    use_cases: ['product_launch', 'trivia', 'review', 'collab_content'], languages: ['en', 'es', 'pt', 'ja', 'ko', 'zh', 'de', 'fr', 'ru'],
    reach: 11_500_000, engagement_rate: 0.989, total_campaigns: 433, rating: 4.9, created_at: '2023-07-03T00:00:00Z',
    headline: 'Competitive gaming AI influencer with esports and indie game expertise',
    persona_prompt: 'PIXEL is a quick-witted, community-first AI influencer specializing in esports, indie games and '
      + 'console gaming. Expert in patch analysis, competitive strategy and game design, PIXEL plays every release to '
      + 'the credits before reviewing it, breaks down patch notes the day they drop and hosts trivia nights for core '
      + 'gamers aged 16 to 34. Tone: playful, witty, high-energy, never smug. Signs off with "GG, see you next match."',
    expertise_domains: ['patch analysis', 'competitive strategy', 'game design'],
    target_audience: 'core_gamers_16_34', tone_modes: ['playful', 'witty', 'energetic'],
    avg_conversion_rate: 0.037,
    pricing: { model: 'per_post', base_rate_usd: 299, per_item_usd: 4, included_in_plans: PREMIUM_PLANS },
  },
];

function buildFlagship(spec: FlagshipSpec): CatalogAgent {
  const trained = trainAgent({
    name: spec.name, category: spec.category, persona_prompt: spec.persona_prompt, expertise_domains: spec.expertise_domains,
    target_audience: spec.target_audience, languages: spec.languages, use_cases: spec.use_cases, tone_modes: spec.tone_modes,
  });
  if (!trained.ok) throw new Error(`flagship ${spec.name} does not train: ${trained.reason}`);
  const tone_modes = [...spec.tone_modes];
  return {
    id: spec.id, name: spec.name, category: spec.category, subcategories: [...spec.subcategories],
    use_cases: [...spec.use_cases], languages: [...spec.languages], reach: spec.reach, engagement_rate: spec.engagement_rate,
    total_campaigns: spec.total_campaigns, rating: spec.rating, tier: 'flagship', status: 'available',
    headline: spec.headline, persona_prompt: spec.persona_prompt, expertise_domains: [...spec.expertise_domains],
    target_audience: spec.target_audience, tone_modes, visibility: 'marketplace', timezone: null,
    capabilities: {
      content_types: spec.content_types ? [...spec.content_types] : contentTypesFor(spec.use_cases),
      languages: spec.languages.length, tone_modes: [...tone_modes], real_time_streaming: true,
    },
    performance: {
      avg_engagement_rate: spec.engagement_rate, total_reach: spec.reach, campaigns_completed: spec.total_campaigns,
      avg_conversion_rate: spec.avg_conversion_rate,
    },
    pricing: { ...spec.pricing, included_in_plans: [...spec.pricing.included_in_plans] },
    style_profile: { ...trained.style_profile, tone_modes: [...tone_modes] },
    keywords: trained.keywords,
    created_at: spec.created_at,
  };
}

/** The named flagship agents (VELO and LUMIÈRE as in the source documents, plus one per major category). */
export function flagshipAgents(): CatalogAgent[] {
  return FLAGSHIPS.map(buildFlagship);
}

/** Names generated agents never take (compared upper-case, accents folded). */
const RESERVED_NAMES = new Set([...FLAGSHIPS.map((f) => fold(f.name)), 'NOVA']);

function fold(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
}

// ---------------------------------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------------------------------

type Rng = () => number;

/** mulberry32: small, fast, good enough for catalog data. Returns floats in [0, 1). */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Avalanching 32-bit hash of the index, so neighbouring indices get unrelated streams. */
function seedFor(index: number): number {
  let x = (index + 0x7f4a7c15) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function pick<T>(r: Rng, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)];
}

/** `k` distinct items in the order drawn (partial Fisher–Yates over a copy). */
function sample<T>(r: Rng, items: readonly T[], k: number): T[] {
  const pool = items.slice();
  const n = Math.min(k, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(r() * (pool.length - i));
    const tmp = pool[i]; pool[i] = pool[j]; pool[j] = tmp;
  }
  pool.length = n;
  return pool;
}

interface Weighted<T> { items: readonly T[]; cumulative: Float64Array; total: number }

function weighted<T>(entries: ReadonlyArray<[T, number]>): Weighted<T> {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, w], i) => { total += w; cumulative[i] = total; });
  return { items: entries.map(([item]) => item), cumulative, total };
}

function pickWeighted<T>(r: Rng, w: Weighted<T>): T {
  const x = r() * w.total;
  const c = w.cumulative;
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c[mid] > x) hi = mid; else lo = mid + 1;
  }
  return w.items[lo];
}

/** Standard normal deviate (Box–Muller). */
function gaussian(r: Rng): number {
  const u = 1 - r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
const round = (x: number, digits: number) => { const f = 10 ** digits; return Math.round(x * f) / f; };

// ---------------------------------------------------------------------------------------------------------------------
// Names: a bijection from the index onto 2^20 pronounceable five-part names
// ---------------------------------------------------------------------------------------------------------------------
// Onset and middle parts contain only consonants, nucleus parts only vowels, tails start with a consonant (or are
// empty). A name therefore splits into its consonant/vowel runs in exactly one way, so distinct part tuples give
// distinct names, and the index is spread over the tuples by an invertible 20-bit mix: no two indices share a name.

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z',
  'br', 'dr', 'kr', 'tr', 'st', 'sh', 'th', 'ch', 'vr', 'pl', 'fl', 'gr', 'cl', 'sk', 'sl', 'fr']; // 32
const NUCLEI_1 = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou']; // 8
const MIDDLES = ['b', 'd', 'k', 'l', 'm', 'n', 'r', 's', 't', 'v', 'z', 'x', 'll', 'nd', 'nt', 'rl', 'rn', 'rv', 'lv', 'st',
  'sh', 'th', 'ph', 'ss', 'lt', 'mb', 'nk', 'rd', 'ld', 'ng', 'lm', 'rk']; // 32
const NUCLEI_2 = ['a', 'e', 'i', 'o', 'u', 'ia', 'io', 'ea']; // 8
const TAILS = ['', 'n', 'r', 's', 'x', 'l', 'ra', 'na', 'ris', 'th', 'ne', 'lia', 'ro', 'nix', 'sa', 'ka']; // 16
const MASK20 = (1 << 20) - 1;

/** Invertible mix on [0, 2^20): odd multiplications and xor-shifts are bijections modulo 2^20. */
function mix20(i: number): number {
  let x = i & MASK20;
  x = Math.imul(x, 0x2f6b5) & MASK20;
  x ^= x >>> 9;
  x = Math.imul(x, 0x5bd1d) & MASK20;
  x ^= x >>> 11;
  return (x + 0x3c6ef) & MASK20;
}

function baseName(index: number): string {
  const x = mix20(index);
  return (ONSETS[x & 31] + NUCLEI_1[(x >>> 5) & 7] + MIDDLES[(x >>> 8) & 31] + NUCLEI_2[(x >>> 13) & 7]
    + TAILS[(x >>> 16) & 15]).toUpperCase();
}

/** The generated agent's display name: unique across all indices and never a flagship's name. */
export function catalogAgentName(index: number): string {
  const name = baseName(index);
  return RESERVED_NAMES.has(name) ? `${name}-${index.toString(36).toUpperCase()}` : name;
}

// ---------------------------------------------------------------------------------------------------------------------
// Distributions
// ---------------------------------------------------------------------------------------------------------------------

const CATEGORY_PICK = weighted(AGENT_CATEGORIES.map((c) => [c, CATEGORY_VOCABULARY[c].weight] as [AgentCategory, number]));

const LANGUAGE_COUNT_PICK = weighted<number>([[1, 30], [2, 22], [3, 15], [4, 10], [5, 7], [6, 5], [7, 3.5], [8, 2.5],
  [9, 2], [10, 1.5], [11, 1], [12, 0.5]]);
const LANGUAGE_POPULARITY: Record<string, number> = {
  es: 12, fr: 10, de: 9, pt: 8, hi: 8, ja: 6, zh: 6, it: 6, ar: 5, ko: 5, id: 4, tr: 4, ru: 4, nl: 3, pl: 3, vi: 3, th: 3,
  sv: 2, bn: 2, ur: 2, ta: 2, te: 2, mr: 2, uk: 2, ro: 2, el: 2, cs: 2, he: 2, fa: 2, ms: 2, tl: 2, sw: 2,
};
const OTHER_LANGUAGE_PICK = weighted(
  LANGUAGES.filter((l) => l !== 'en').map((l) => [l, LANGUAGE_POPULARITY[l] ?? 1] as [string, number]),
);
const LANGUAGE_ORDER = new Map<string, number>(LANGUAGES.map((l, i) => [l, i]));
const USE_CASE_ORDER = new Map<string, number>(USE_CASES.map((u, i) => [u, i]));

const USE_CASE_PICKS = Object.fromEntries(AGENT_CATEGORIES.map((c) => [c, weighted(
  USE_CASES.map((u) => [u, CATEGORY_VOCABULARY[c].use_case_weights[u] ?? 1] as [UseCase, number]),
)])) as Record<AgentCategory, Weighted<UseCase>>;

const TIER_BASE: Record<AgentTier, { engagement: number; rating: number; conversion: number }> = {
  flagship: { engagement: 0.95, rating: 4.65, conversion: 0.038 },
  premium: { engagement: 0.89, rating: 4.45, conversion: 0.031 },
  standard: { engagement: 0.81, rating: 4.25, conversion: 0.024 },
  emerging: { engagement: 0.72, rating: 4.05, conversion: 0.017 },
};

const PRICE_POINTS: Record<AgentTier, { base: number[]; perItem: [number, number]; plans: string[] }> = {
  flagship: { base: [199, 249, 299, 349, 399, 499], perItem: [2.5, 6], plans: PREMIUM_PLANS },
  premium: { base: [99, 129, 149, 179, 199], perItem: [1, 2.5], plans: PREMIUM_PLANS },
  standard: { base: [29, 39, 49, 59, 79, 99], perItem: [0.25, 1], plans: ['starter', 'growth', 'enterprise'] },
  emerging: { base: [9, 12, 15, 19, 25, 29], perItem: [0.05, 0.25], plans: ['starter', 'growth', 'enterprise'] },
};

const LN_MIN_REACH = Math.log(1_000);
const LN_MAX_REACH = Math.log(20_000_000);
const LN_MEDIAN_REACH = Math.log(60_000);
const REACH_SIGMA = 1.7;

const CREATED_FROM = Date.UTC(2023, 0, 1);
const CREATED_UNTIL = Date.UTC(2026, 0, 1);
const CREATED_SPAN_S = (CREATED_UNTIL - CREATED_FROM) / 1000;

/** Log-normal reach within 1k..20M, rounded to three significant digits. */
function drawReach(r: Rng): number {
  let ln: number;
  do ln = LN_MEDIAN_REACH + REACH_SIGMA * gaussian(r); while (ln < LN_MIN_REACH || ln > LN_MAX_REACH);
  const raw = Math.exp(ln);
  const step = 10 ** (Math.floor(Math.log10(raw)) - 2);
  return clamp(Math.round(raw / step) * step, 1_000, 20_000_000);
}

function drawLanguages(r: Rng): string[] {
  const count = pickWeighted(r, LANGUAGE_COUNT_PICK);
  const withEnglish = r() < (count === 1 ? 0.7 : 0.92);
  const chosen = new Set<string>();
  if (withEnglish) chosen.add('en');
  while (chosen.size < count) chosen.add(pickWeighted(r, OTHER_LANGUAGE_PICK));
  return [...chosen].sort((a, b) => LANGUAGE_ORDER.get(a)! - LANGUAGE_ORDER.get(b)!);
}

function drawUseCases(r: Rng, category: AgentCategory): UseCase[] {
  const count = 2 + Math.floor(r() * 3); // 2..4
  const chosen = new Set<UseCase>();
  const pickFrom = USE_CASE_PICKS[category];
  while (chosen.size < count) chosen.add(pickWeighted(r, pickFrom));
  return [...chosen].sort((a, b) => USE_CASE_ORDER.get(a)! - USE_CASE_ORDER.get(b)!);
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * The zone where each language (other than English, which is at home in too many) is mostly written, taken at its
 * largest or founding home: a plausible place for an agent writing in it to post from.
 */
export const LANGUAGE_HOME_ZONES: Readonly<Record<string, string>> = {
  de: 'Europe/Berlin', fr: 'Europe/Paris', es: 'America/Mexico_City', hi: 'Asia/Kolkata', it: 'Europe/Rome',
  pt: 'America/Sao_Paulo', nl: 'Europe/Amsterdam', sv: 'Europe/Stockholm', no: 'Europe/Oslo', da: 'Europe/Copenhagen',
  fi: 'Europe/Helsinki', pl: 'Europe/Warsaw', cs: 'Europe/Prague', sk: 'Europe/Bratislava', hu: 'Europe/Budapest',
  ro: 'Europe/Bucharest', bg: 'Europe/Sofia', el: 'Europe/Athens', tr: 'Europe/Istanbul', ru: 'Europe/Moscow',
  uk: 'Europe/Kyiv', ar: 'Africa/Cairo', he: 'Asia/Jerusalem', fa: 'Asia/Tehran', ur: 'Asia/Karachi', bn: 'Asia/Dhaka',
  ta: 'Asia/Kolkata', te: 'Asia/Kolkata', mr: 'Asia/Kolkata', gu: 'Asia/Kolkata', kn: 'Asia/Kolkata', ml: 'Asia/Kolkata',
  pa: 'Asia/Kolkata', ja: 'Asia/Tokyo', zh: 'Asia/Shanghai', ko: 'Asia/Seoul', th: 'Asia/Bangkok', vi: 'Asia/Ho_Chi_Minh',
  id: 'Asia/Jakarta', ms: 'Asia/Kuala_Lumpur', tl: 'Asia/Manila', sw: 'Africa/Nairobi', af: 'Africa/Johannesburg',
  zu: 'Africa/Johannesburg', hr: 'Europe/Zagreb', sr: 'Europe/Belgrade', sl: 'Europe/Ljubljana', lt: 'Europe/Vilnius',
  lv: 'Europe/Riga', et: 'Europe/Tallinn', ga: 'Europe/Dublin', is: 'Atlantic/Reykjavik', ca: 'Europe/Madrid',
  eu: 'Europe/Madrid', gl: 'Europe/Madrid',
};

/**
 * A catalog agent's zone from its languages (catalog agents have no country): the one home zone its languages other
 * than English share (`['en', 'ja']` → Asia/Tokyo, `['hi', 'ta']` → Asia/Kolkata), else null: English only, or
 * languages of several places, say nothing about where the agent is. Pure, so the catalog stays deterministic.
 */
export function timezoneForLanguages(languages: readonly string[]): string | null {
  const zones = new Set(languages.filter((l) => l !== 'en').map((l) => LANGUAGE_HOME_ZONES[l] ?? null));
  if (zones.size !== 1) return null;
  return [...zones][0];
}

// ---------------------------------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------------------------------

/**
 * The catalog agent at `index` (0..999,999). Deterministic: the same index always gives the same agent; every index
 * gives a distinct id and name.
 */
export function generateCatalogAgent(index: number): CatalogAgent {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_GENERATED_AGENTS) {
    throw new RangeError(`catalog index must be an integer in 0..${MAX_GENERATED_AGENTS - 1}, got ${index}`);
  }
  const r = mulberry32(seedFor(index));
  const name = catalogAgentName(index);
  const category = pickWeighted(r, CATEGORY_PICK);
  const vocab = CATEGORY_VOCABULARY[category];

  const subs = sample(r, vocab.subcategories, 2 + Math.floor(r() * 2));
  const expertise = sample(r, vocab.expertise, 2 + Math.floor(r() * 2));
  const [audienceSlug, audiencePhrase] = pick(r, vocab.audiences);
  const tones = consolidateTones(sample(r, vocab.tones, 2 + Math.floor(r() * 2)));
  const languages = drawLanguages(r);
  const use_cases = drawUseCases(r, category);

  const reach = drawReach(r);
  const tier = tierForReach(reach);
  const base = TIER_BASE[tier];
  const engagement_rate = round(clamp(base.engagement + 0.05 * gaussian(r), 0.35, 0.995), 3);
  const rating = round(clamp(base.rating + 0.28 * gaussian(r), 3.5, 5), 1);

  const createdS = Math.floor(r() * CREATED_SPAN_S);
  const created_at = `${new Date(CREATED_FROM + createdS * 1000).toISOString().slice(0, 19)}Z`;
  const age = 1 - createdS / CREATED_SPAN_S; // 0 (brand new) .. 1 (since early 2023)
  const total_campaigns = Math.round(reach ** 0.36 * (0.15 + 0.85 * age) * (0.5 + r()));
  const active = Math.min(total_campaigns, Math.floor(r() * 4));
  const avg_conversion_rate = round(clamp(base.conversion + 0.008 * gaussian(r), 0.004, 0.08), 3);

  const prices = PRICE_POINTS[tier];
  const model = r() < 0.6 ? 'per_campaign' : 'per_post';
  const base_rate_usd = pick(r, prices.base);
  const per_item_usd = round(prices.perItem[0] + r() * (prices.perItem[1] - prices.perItem[0]), 2);
  const visibility = r() < 0.75 ? 'marketplace' : 'public';

  const trait = pick(r, vocab.traits);
  const habit = pick(r, vocab.habits);
  const anti = pick(r, ANTI_TONES);
  const signatures = sample(r, vocab.signature_phrases, 2);
  const descriptor = pick(r, vocab.descriptors);
  const subPhrases = subs.map((s) => s.phrase);

  const persona_prompt = `${name} is ${article(trait)} ${trait} AI influencer specializing in ${joinList(subPhrases)}. `
    + `Expert in ${joinList(expertise)}, ${name} ${habit}. `
    + `Speaks to ${audiencePhrase}${languages.length > 1 ? ` in ${languages.length} languages` : ''}. `
    + `Tone: ${tones.map((t) => TONE_WORDS[t]).join(', ')}, never ${anti}. `
    + `Signs off with "${signatures[0]}"`;

  let headline: string;
  switch (Math.floor(r() * 3)) {
    case 0: headline = `${descriptor} AI influencer with ${subPhrases[0]} expertise`; break;
    case 1: headline = `${descriptor} AI creator covering ${subPhrases[0]} and ${subPhrases[1]}`; break;
    default: headline = `${descriptor} AI influencer for ${audiencePhrase}`;
  }

  const keywords = [...subPhrases, ...expertise].map((k) => (/[A-Z]{2}/.test(k) ? k : k.toLowerCase()));
  const tone_modes: string[] = tones;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '_');

  return {
    id: `agent_${slug}_${category}`,
    name,
    category,
    subcategories: subs.map((s) => s.label),
    use_cases,
    languages,
    reach,
    engagement_rate,
    total_campaigns,
    rating,
    tier,
    status: 'available',
    headline,
    persona_prompt,
    expertise_domains: expertise,
    target_audience: audienceSlug,
    tone_modes,
    visibility,
    timezone: timezoneForLanguages(languages),
    capabilities: {
      content_types: contentTypesFor(use_cases), languages: languages.length, tone_modes: [...tone_modes],
      real_time_streaming: true,
    },
    performance: {
      avg_engagement_rate: engagement_rate, total_reach: reach, campaigns_completed: total_campaigns - active,
      avg_conversion_rate,
    },
    pricing: { model, base_rate_usd, per_item_usd, included_in_plans: [...prices.plans] },
    style_profile: {
      tone_modes: [...tone_modes], keywords: keywords.slice(0, 8), ...styleDefaultsForTones(tones),
      signature_phrases: signatures, palette: [...vocab.palette],
    },
    keywords,
    created_at,
  };
}

/**
 * The seed catalog of `size` agents (default 2,400): the flagships first, then generated agents from index 0 on.
 */
export function buildCatalog(size: number = DEFAULT_CATALOG_SIZE): CatalogAgent[] {
  const flagships = flagshipAgents();
  const out = flagships.slice(0, Math.max(0, size));
  for (let i = 0; out.length < size; i++) out.push(generateCatalogAgent(i));
  return out;
}
