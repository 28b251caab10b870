import type { CaptionStyle, ContentType } from '@influgentic/contracts';

/**
 * How a persona sounds, derived from its tone modes. Each register has its own openings, verdicts and closings so
 * a luxury editor and an energetic coach never share a first line.
 */
export type Register = 'bold' | 'warm' | 'refined' | 'expert';

/**
 * A phrase template. Slots: {product} {agent} {use} {claim} {claims} {audience} {price} {brand} {partner} {domain}
 * {code} {url} {answer} {letter} {n} {emoji} {thread} {down}. `«informal|formal»` picks the form of address
 * (du/Sie, tu/vous, tú/usted).
 */
export type Tpl = string;
export type ByRegister = Record<Register, Tpl[]>;

/**
 * Everything the template engine says in one language. Each pack is written natively for its language (word order,
 * punctuation, forms of address), not translated from English at run time.
 */
export interface PhrasePack {
  lang: string;
  /** BCP 47 locale for dates and numbers. */
  locale: string;
  /** List conjunction (`and`, `und`, `et`, `y`, `और`). */
  and: string;
  /** Opening and closing quotation marks. */
  quotes: [string, string];
  /** Sentence terminator. */
  stop: string;

  labels: {
    pros: string; cons: string; verdict: string; atAGlance: string; overview: string; standsOut: string;
    considerations: string; whoFor: string; price: string; answer: string; answers: string; question: string;
    true: string; false: string; scene: string; visual: string; voiceover: string; onScreen: string; subject: string;
    preheader: string; whatsNew: string; whatYouGet: string; about: Tpl; availability: string; chapters: string;
    partnership: string; whatToExpect: string; whyItFits: Tpl; recommendation: string; button: string;
    /** Video scene names. */
    sceneHook: string; sceneProduct: string; sceneDetail: string; sceneContext: string; sceneCta: string;
    /** YouTube chapter names. */
    chapterIntro: string; chapterFeatures: string; chapterVerdict: string; chapterQuestions: string; chapterOutro: string;
  };

  /** Where the link lives, appended to CTAs: instagram/tiktok bio, YouTube description. */
  where: { bio: string; description: string };

  hooks: Record<ContentType, ByRegister>;
  /** Openings for caption variants, by style. */
  styledHooks: Record<CaptionStyle, Tpl[]>;
  titles: Record<ContentType, Tpl[]>;

  /** A sentence that presents one product claim ({claim}). */
  claim: Tpl[];
  /** Same, for a second or later claim ("Then there's…"). */
  claimMore: Tpl[];
  /** A sentence about the target use ({use}). */
  use: Tpl[];
  /** A sentence about the audience ({audience}). */
  audience: Tpl[];
  price: Tpl[];
  /** A sentence tying the point to the persona's field ({domain}). */
  expertise: Tpl[];
  /** A sentence naming a trending topic the piece speaks to ({topic}; week plans). */
  topic: Tpl[];
  closing: ByRegister;
  /** CTA actions per content type; the engine appends where the link is. */
  cta: Record<ContentType, Tpl[]>;
  promo: Tpl[];

  review: {
    basis: Tpl[];
    articleIntro: Tpl[];
    consPrice: Tpl[];
    consFocus: Tpl[];
    consGeneric: Tpl[];
    verdict: ByRegister;
    recommendAudience: Tpl[];
    recommendUse: Tpl[];
  };

  launch: {
    whatsNewIntro: Tpl[];
    threadOpen: Tpl[];
    threadClose: Tpl[];
    pressHeadlineBrand: Tpl[];
    pressHeadlineProduct: Tpl[];
    pressSubhead: Tpl[];
    pressLeadBrand: Tpl[];
    pressLeadProduct: Tpl[];
    pressBody: Tpl[];
    pressFeaturesIntro: Tpl[];
    pressQuote: Tpl[];
    /** Who the quote is attributed to: {agent}. */
    pressAttribution: Tpl;
    pressUrl: Tpl;
    /** About the persona: honest about being an AI creator. {domain} may be empty. */
    aboutAgent: Tpl[];
    aboutAgentNoDomain: Tpl[];
  };

  testimonial: {
    /** Hypothetical persona voice: never a customer, never first-hand use. */
    quotes: Tpl[];
    reviewIntro: Tpl[];
    reviewClose: Tpl[];
  };

  lead: {
    subject: Tpl[];
    preheader: Tpl[];
    greeting: Tpl[];
    emailIntro: Tpl[];
    emailOutro: Tpl[];
    signoff: Tpl[];
    ps: Tpl[];
    landingHeadline: Tpl[];
    landingSub: Tpl[];
    landingButton: Tpl[];
    landingReassurance: Tpl[];
  };

  trivia: {
    intro: Tpl[];
    quizIntro: Tpl[];
    qUse: Tpl;
    qFeature: Tpl;
    qTrueFalse: Tpl;
    qBlank: Tpl;
    explainUse: Tpl;
    explainFeature: Tpl;
    explainTrue: Tpl;
    /** {answer} is the distractor, {claim} a real feature. */
    explainFalse: Tpl;
    commentPrompt: Tpl[];
    /** Printed between a question and its answer so followers can guess first. */
    spoiler: Tpl;
    /** Ten features from unrelated product worlds, in this order (the engine knows which categories to skip). */
    distractorFeatures: string[];
    /** Eight activities, same idea. */
    distractorUses: string[];
  };

  collab: {
    announce: Tpl[];
    whyDomain: Tpl[];
    whyUse: Tpl[];
    whatsComing: Tpl[];
    stayTuned: Tpl[];
  };

  video: {
    hookVisual: Tpl[];
    productVisual: Tpl[];
    detailVisual: Tpl[];
    contextVisual: Tpl[];
    ctaVisual: Tpl[];
  };

  youtube: { subscribe: Tpl[] };
  linkedin: { question: Tpl[] };
  social: { question: Tpl[] };

  /** Hashtags per content type, written as people in this language tag. */
  hashtags: Record<ContentType, string[]>;
}
