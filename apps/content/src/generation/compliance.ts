/**
 * Every disclosure and claim rule in one place, so that legal review has a single file to read.
 *
 * - standard / strict: sponsored content gets an ad disclosure first (FTC Endorsement Guides: clear, up front, in
 *   the language of the post; `#Werbung` in Germany, `#publicité` in France, `#publicidad` in Spain), and AI-made
 *   content carries an AI label. A virtual persona never claims first-hand use and never quotes a customer who does
 *   not exist; testimonials are labelled as the persona's illustrative voice.
 * - strict: unsupported health and financial claims are blocked (removed from the output) and the item is held for
 *   human review with the reasons.
 * - off: nothing is added or removed.
 */
import type { ComplianceMode, ContentFormat, ContentType, Platform } from '@influgentic/contracts';
import type { ContentSection } from './types';
import { DOCUMENT_FORMATS, limitsFor } from './platform';
import { splitSentences } from './text';

export interface ComplianceContext {
  mode: ComplianceMode;
  /** ISO 639-1 language of the piece. */
  language: string;
  /** Paid, gifted or campaign content. */
  sponsored: boolean;
  /** Defaults to true: everything this service writes is AI-generated. */
  aiGenerated?: boolean;
  contentType?: ContentType;
  format?: ContentFormat;
  /** Email and blog posts carry the disclosure in words, not as hashtags. */
  platform?: Platform | null;
  agentName?: string;
  /** The brand's claims (key claims, features, description); strict mode checks them too. */
  productClaims?: string[];
}

export type ComplianceFlagCode =
  | 'first_hand_claim' | 'invented_customer' | 'health_claim' | 'financial_claim' | 'missing_illustrative_label';

export interface ComplianceFlag {
  code: ComplianceFlagCode;
  /** `review` holds the item for a human; `warning` is informational. */
  severity: 'warning' | 'review';
  /** What the pass did about it. */
  action: 'rewritten' | 'removed' | 'labelled' | 'flagged';
  /** Where it was found. */
  source: 'output' | 'product';
  excerpt: string;
  message: string;
}

export interface ComplianceInput {
  body: string;
  caption: string;
  hashtags?: string[];
  sections?: ContentSection[];
}

export interface ComplianceResult {
  /** Labels the item carries, e.g. `['#ad', 'AI-generated']`. */
  disclosures: string[];
  /** The line placed first in the caption (null when nothing is disclosed); the platform fit keeps it whole. */
  disclosureLine: string | null;
  body: string;
  caption: string;
  hashtags: string[];
  sections?: ContentSection[];
  flags: ComplianceFlag[];
  requiresReview: boolean;
  /** Present when the item must be held: `{ status: 'pending_review', reasons }`. */
  review: { status: 'pending_review'; reasons: string[] } | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Disclosures
// ---------------------------------------------------------------------------------------------------------------

interface DisclosureWords {
  /** Ad hashtags, in order; the first is the main one. */
  adTags: string[];
  /** Plain-word form for long documents (articles, emails, press releases). */
  adText: string;
  aiLabel: string;
  illustrative: (agent: string) => string;
  /** A phrase only the illustrative label contains, to detect it in model output. */
  illustrativeMarker: RegExp;
}

const DISCLOSURES: Record<string, DisclosureWords> = {
  en: {
    adTags: ['#ad'], adText: 'Advertisement', aiLabel: 'AI-generated',
    illustrative: (a) => `Illustrative quote in ${a}’s voice (AI persona), not a customer testimonial.`,
    illustrativeMarker: /not a customer testimonial/i,
  },
  de: {
    // German courts and the Medienanstalten expect "Werbung" or "Anzeige"; #ad alone is not enough there.
    adTags: ['#Werbung'], adText: 'Werbung', aiLabel: 'KI-generiert',
    illustrative: (a) => `Beispielhaftes Zitat in der Stimme von ${a} (KI-Persona), kein Kundenzitat.`,
    illustrativeMarker: /kein Kundenzitat/i,
  },
  fr: {
    // The 2023 French influencer law requires "publicité" or "collaboration commerciale".
    adTags: ['#publicité'], adText: 'Publicité', aiLabel: 'Généré par IA',
    illustrative: (a) => `Citation illustrative dans la voix de ${a} (personnage IA), pas un témoignage client.`,
    illustrativeMarker: /pas un témoignage client/i,
  },
  es: {
    adTags: ['#publicidad'], adText: 'Publicidad', aiLabel: 'Generado con IA',
    illustrative: (a) => `Cita ilustrativa con la voz de ${a} (personaje de IA), no es un testimonio de cliente.`,
    illustrativeMarker: /no es un testimonio de cliente/i,
  },
  hi: {
    // ASCI guidelines accept #ad; the Hindi tag makes it clear to Hindi readers as well.
    adTags: ['#विज्ञापन', '#ad'], adText: 'विज्ञापन', aiLabel: 'एआई-जनित',
    illustrative: (a) => `${a} (एआई पर्सोना) की आवाज़ में उदाहरण के तौर पर लिखा गया उद्धरण, किसी ग्राहक की राय नहीं।`,
    illustrativeMarker: /किसी ग्राहक की राय नहीं/,
  },
};

function words(language: string): DisclosureWords {
  return DISCLOSURES[language] ?? DISCLOSURES.en;
}

/** Every disclosure hashtag we know, so a model's own `#ad` at the end is not repeated. */
const KNOWN_DISCLOSURE_TAGS = new Set(
  [...Object.values(DISCLOSURES).flatMap((d) => d.adTags), '#sponsored', '#sponsorisé', '#anzeige', '#aigenerated', '#kigeneriert']
    .map((t) => t.toLocaleLowerCase()),
);

/** The illustrative-voice label for testimonials, in the piece's language. */
export function illustrativeLabel(language: string, agentName: string): string {
  return words(language).illustrative(agentName);
}

/**
 * The disclosure line a caption gets: hashtags where hashtags work, words where they do not (email, blog) or where
 * the platform's tag cap would leave no room for a single topical tag (Threads allows one).
 */
export function captionDisclosureLine(ctx: Pick<ComplianceContext, 'mode' | 'language' | 'sponsored' | 'aiGenerated' | 'platform' | 'format'>): string | null {
  const d = disclosuresFor(ctx);
  return disclosureInWords(ctx) ? d.textLine : d.line;
}

function disclosureInWords(ctx: Pick<ComplianceContext, 'language' | 'platform' | 'format'>): boolean {
  if (ctx.platform === 'email' || ctx.platform === 'blog') return true;
  if (!ctx.platform && !ctx.format) return false;
  const allowed = limitsFor(ctx.platform ?? null, ctx.format ?? 'post').maxHashtags;
  return allowed < words(ctx.language).adTags.length + 1;
}

export interface Disclosures {
  disclosures: string[];
  /** First line of a social caption, e.g. `#ad · AI-generated`. */
  line: string | null;
  /** First line of a long document, e.g. `Advertisement · AI-generated`. */
  textLine: string | null;
}

/** What a piece must disclose; known before generation, so a stream can send it first. */
export function disclosuresFor(ctx: Pick<ComplianceContext, 'mode' | 'language' | 'sponsored' | 'aiGenerated'>): Disclosures {
  if (ctx.mode === 'off') return { disclosures: [], line: null, textLine: null };
  const w = words(ctx.language);
  const ad = ctx.sponsored ? w.adTags : [];
  const ai = ctx.aiGenerated === false ? [] : [w.aiLabel];
  const disclosures = [...ad, ...ai];
  if (!disclosures.length) return { disclosures, line: null, textLine: null };
  return {
    disclosures,
    line: disclosures.join(' · '),
    textLine: [...(ctx.sponsored ? [w.adText] : []), ...ai].join(' · '),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Claim patterns
// ---------------------------------------------------------------------------------------------------------------

/** Unicode-aware word boundaries (JavaScript's \b only knows ASCII, which breaks on é, ü and Devanagari). */
const W = (source: string): RegExp => new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${source})(?![\\p{L}\\p{M}\\p{N}])`, 'iu');
const AP = `['’]`;

const CONDITIONS_EN = 'acne|eczema|psoriasis|cancer|diabetes|depression|anxiety|insomnia|arthritis|asthma|covid(?:-19)?|flu|colds?|infections?|diseases?|illness(?:es)?|obesity|hair loss|wrinkles|migraines?|pain|inflammation|hypertension|high blood pressure|allerg(?:y|ies)';
const CONDITIONS_DE = 'Akne|Ekzemen?|Neurodermitis|Krebs|Diabetes|Depressionen?|Angstzuständen?|Schlaflosigkeit|Arthritis|Asthma|Grippe|Erkältungen?|Infektionen?|Krankheiten?|Haarausfall|Falten|Migräne|Schmerzen|Entzündungen?|Bluthochdruck|Allergien?';
const CONDITIONS_FR = `(?:l${AP})?acné|eczéma|psoriasis|(?:le )?cancer|(?:le )?diabète|(?:la )?dépression|(?:l${AP})?anxiété|(?:l${AP})?insomnie|(?:l${AP})?arthrite|(?:l${AP})?asthme|(?:la )?grippe|rhumes?|infections?|maladies?|(?:la )?chute des cheveux|(?:les )?rides|migraines?|douleurs?|inflammations?|(?:l${AP})?hypertension|allergies`;
const CONDITIONS_ES = '(?:el )?acné|eccema|psoriasis|(?:el )?cáncer|(?:la )?diabetes|(?:la )?depresión|(?:la )?ansiedad|(?:el )?insomnio|(?:la )?artritis|(?:el )?asma|(?:la )?gripe|resfriados?|infecci(?:ón|ones)|enfermedad(?:es)?|(?:la )?caída del cabello|(?:las )?arrugas|migrañas?|dolor(?:es)?|inflamación|hipertensión|alergias?';

/** Health claims that need substantiation a brand brief rarely carries. */
const HEALTH: RegExp[] = [
  // English
  W('cur(?:e|es|ed|ing)'), W('heal(?:s|ed|ing)?'), W(`(?:treat|prevent|fight|reverse)(?:s|ed|ing)?\\s+(?:your\\s+|the\\s+)?(?:${CONDITIONS_EN})`),
  W('clinically\\s+(?:proven|tested|shown|validated)'), W('(?:doctor|dermatologist)[- ](?:recommended|approved)'),
  W('FDA[- ]approved'), W('(?:guaranteed|guarantees?)\\s+(?:weight[- ]loss|results)'), W('weight[- ]loss\\s+guaranteed?'),
  W('lose\\s+\\d+\\s*(?:lbs?|pounds|kg|kilos?)'), W('burns?\\s+(?:belly\\s+)?fat'), W('fat[- ]burning'),
  W('detox(?:es|ify|ifies|ifying)?'), W('boosts?\\s+(?:your\\s+)?immun(?:e\\s+system|ity)'), W('anti[- ]?cancer'),
  W('miracle(?:\\s+(?:cure|pill|product))?'), W('no\\s+side[- ]effects'), W('100\\s*%\\s+(?:safe|effective)'),
  // German
  W('heilt|heilen|Heilung'), W(`(?:behandelt|lindert|verhindert|bekämpft)\\s+(?:${CONDITIONS_DE})`), W('beugt\\s+(?:\\S+\\s+){0,3}?vor'),
  W('klinisch\\s+(?:getestet|geprüft|bewiesen|erwiesen|belegt)'), W('(?:ärztlich|dermatologisch)\\s+(?:empfohlen|bestätigt)'),
  W('von\\s+Ärzten\\s+empfohlen'), W('garantierte[rn]?\\s+Gewichtsverlust|Gewichtsverlust\\s+garantiert|Abnehmen\\s+garantiert'),
  W('\\d+\\s*(?:kg|Kilo)\\s+abnehmen'), W('Fettverbrennung|verbrennt\\s+Fett'), W('entgiftet|Entgiftung'),
  W('stärkt\\s+(?:das|Ihr|dein)\\s+Immunsystem'), W('Wundermittel'), W('keine\\s+Nebenwirkungen'),
  // French
  W('guérit|guérir|guérison'), W(`(?:soigne|traite|prévient|combat)\\s+(?:${CONDITIONS_FR})`),
  W('cliniquement\\s+(?:prouvée?s?|testée?s?|démontrée?s?)'), W('recommandée?s?\\s+par\\s+les\\s+(?:médecins|dermatologues)'),
  W('perte\\s+de\\s+poids\\s+garantie'), W('perdre?\\s+\\d+\\s*(?:kg|kilos?)'), W(`brûle(?:[- ]graisses?|\\s+les\\s+graisses)`),
  W('détoxifie|détox'), W(`renforce\\s+(?:le\\s+système\\s+immunitaire|l${AP}immunité|les\\s+défenses\\s+immunitaires)`),
  W('miracle|miraculeu(?:x|se)'), W('sans\\s+effets?\\s+secondaires?'),
  // Spanish
  W('cura|curar|curación'), W(`(?:trata|previene|combate)\\s+(?:${CONDITIONS_ES})`),
  W('clínicamente\\s+(?:probad[oa]s?|comprobad[oa]s?|demostrad[oa]s?|testad[oa]s?)'),
  W('recomendad[oa]s?\\s+por\\s+(?:médicos|dermatólogos)'), W('pérdida\\s+de\\s+peso\\s+garantizada'),
  W('pierde\\s+\\d+\\s*(?:kg|kilos?)'), W('quema\\s+grasas?'), W('desintoxica'),
  W('refuerza\\s+(?:el\\s+sistema\\s+inmun(?:e|itario)|las\\s+defensas)'), W('milagros[oa]'), W('sin\\s+efectos\\s+secundarios'),
  // Hindi
  /इलाज/u, /(?:रोग|बीमारी|बीमारियों)\s+से\s+बचा(?:ता|ती|ए|एँ)/u, /रोकथाम/u,
  /क्लिनिकली\s+(?:प्रमाणित|सिद्ध|टेस्टेड|टेस्ट)/u, /चिकित्सकीय\s+रूप\s+से\s+(?:प्रमाणित|सिद्ध)/u,
  /डॉक्टरों?\s+(?:द्वारा|के)\s+(?:सुझाया|सुझाई|अनुशंसित|प्रमाणित)/u, /वज़?न\s+(?:घटाने|कम\s+करने)\s+की\s+गारंटी/u,
  /गारंटीड\s+वज़?न/u, /चर्बी\s+(?:घटा|जला)/u, /डिटॉक्स/u, /(?:रोग\s+प्रतिरोधक|इम्यूनिटी)\s+(?:क्षमता\s+)?बढ़ा/u,
  /चमत्कारी/u, /कोई\s+साइड\s+इफ़?ेक्ट\s+नहीं/u,
];

/** Financial promises regulators treat as misleading without disclosures. */
const FINANCIAL: RegExp[] = [
  W('guaranteed\\s+(?:returns?|profits?|income|yields?|gains|earnings|payouts?)'), W('risk[- ]free'), W('(?:no|zero)\\s+risk'),
  W('get\\s+rich(?:\\s+quick)?'), W('double\\s+(?:your|their|my)\\s+money'), W(`can${AP}?t\\s+lose`),
  W('\\d+\\s*%\\s+(?:(?:daily|weekly|monthly|annual)\\s+)?(?:returns?|ROI|profit)'), W('passive\\s+income'), W('financial\\s+freedom'),
  W('make\\s+\\$?\\d[\\d,]*\\s+(?:a|per)\\s+(?:day|week|month)'), W('beat\\s+the\\s+market'),
  W('garantierte[rn]?\\s+(?:Rendite|Gewinne?|Erträge?|Einnahmen|Zinsen)'), W('risikofrei|ohne\\s+Risiko'),
  W('schnell\\s+reich|reich\\s+werden'), W('Geld\\s+verdoppeln'), W('passives\\s+Einkommen'), W('finanzielle\\s+Freiheit'),
  W('(?:rendement|rentabilité|gains?|revenus?|profits?)\\s+garanti(?:e|s|es)?'), W('sans\\s+risque|zéro\\s+risque'),
  W(`devenir\\s+riche|s${AP}enrichir\\s+rapidement`), W('doubler\\s+(?:votre|ton|son|la)\\s+(?:argent|mise)'),
  W('revenus\\s+passifs'), W('liberté\\s+financière'),
  W('(?:rentabilidad|rendimiento|ganancias|beneficios|ingresos)\\s+garantizad[oa]s?'), W('sin\\s+riesgo|riesgo\\s+cero'),
  W('hazte\\s+rico|hacerse\\s+rico'), W('duplica(?:r)?\\s+(?:tu|su)\\s+dinero'), W('ingresos\\s+pasivos'), W('libertad\\s+financiera'),
  /गारंटीड\s+(?:रिटर्न|मुनाफ़?ा|कमाई)/u, /(?:पक्का|निश्चित)\s+(?:मुनाफ़?ा|रिटर्न)/u, /जोखिम[- ]?(?:मुक्त|रहित)|बिना\s+(?:किसी\s+)?जोखिम/u,
  /अमीर\s+बन/u, /पैसा\s+(?:दोगुना|डबल)/u, /पैसिव\s+इनकम/u, /वित्तीय\s+आज़?ादी/u,
];

/** A virtual persona has no body, no car, no skin: claims of having used something are never true. */
const FIRST_HAND: RegExp[] = [
  W(`I(?:${AP}ve|\\s+have)?\\s+(?:been\\s+)?(?:tried|tested|testing|trying|used|using|wearing|worn|wore|driven|drove|driving|ridden|rode|riding|eaten|ate|eating|tasted|applied|applying|owned|bought|purchased)`),
  W('I\\s+(?:use|wear|drive|ride|eat|apply|own)'), W('I\\s+personally\\s+(?:tested|tried|used)'), W('personally\\s+tested'),
  W('my\\s+(?:skin|hair|face|body|feet|legs|car|kids?|family|runs?|workouts?|commute)'), W('in\\s+my\\s+(?:own\\s+)?experience'),
  W('changed\\s+my\\s+life'), W(`can${AP}?t\\s+live\\s+without`), W('since\\s+I\\s+(?:started|switched)'),
  W('I\\s+(?:love|loved)\\s+(?:wearing|using|driving|eating|riding)'),
  W('ich\\s+(?:habe|hab)\\s+(?:\\S+\\s+){0,6}?(?:getestet|ausprobiert|probiert|benutzt|verwendet|genutzt|getragen|gefahren|gegessen|gekauft)'),
  W('ich\\s+(?:trage|benutze|verwende|nutze|fahre|teste)'), W('meine\\s+(?:Haut|Haare|Füße|Beine|Kinder|Familie)'),
  W('meiner\\s+Erfahrung\\s+nach'), W('selbst\\s+getestet'), W('seit\\s+ich'),
  W(`j${AP}ai\\s+(?:\\S+\\s+){0,3}?(?:testée?s?|essayée?s?|utilisée?s?|portée?s?|conduite?s?|goûtée?s?|adoptée?s?|achetée?s?)`),
  W('je\\s+(?:porte|utilise|teste|conduis)'), W('ma\\s+peau|mes\\s+cheveux|mes\\s+pieds|mon\\s+visage|ma\\s+voiture'),
  W(`depuis\\s+que\\s+j${AP}`), W('testé\\s+et\\s+approuvé'), W(`d${AP}après\\s+mon\\s+expérience`),
  W('(?:he|hemos)\\s+(?:\\S+\\s+){0,2}?(?:probado|usado|utilizado|llevado|conducido|testeado|comprado)'),
  W('yo\\s+(?:uso|llevo|pruebo|conduzco)'), W('(?:lo|la|los|las)\\s+(?:uso|llevo|pruebo)\\s+(?:a\\s+diario|cada\\s+día|siempre)'),
  W('mi\\s+(?:piel|pelo|cabello|cara|coche)|mis\\s+pies'), W('desde\\s+que\\s+(?:lo\\s+|la\\s+|los\\s+|las\\s+)?(?:uso|empecé|probé)'),
  W('probado\\s+y\\s+aprobado'), W('en\\s+mi\\s+experiencia'),
  /मैंने[^।.!?]{0,40}?(?:इस्तेमाल|आज़?माया|ट्राई|पहना|पहनी|चलाया|चलाई|टेस्ट|खाया|ख़?रीदा)/u,
  /मैं\s+[^।.!?]{0,30}?(?:इस्तेमाल\s+कर(?:ता|ती)|पहन(?:ता|ती)|लगा(?:ता|ती)|चला(?:ता|ती))/u,
  /मेरी\s+(?:त्वचा|स्किन)|मेरे\s+(?:बाल|पैर|चेहरे)/u, /मेरे\s+अनुभव\s+में/u,
];

/** English phrasings with an honest equivalent; anything else that claims use is removed. */
const FIRST_HAND_REWRITES: Array<[RegExp, string]> = [
  [W(`I(?:${AP}ve|\\s+have)\\s+been\\s+(?:testing|trying)`), 'I’ve been looking into'],
  [W(`I(?:${AP}ve|\\s+have)\\s+(?:personally\\s+)?(?:tried|tested)`), 'I’ve looked into'],
  [W('I\\s+(?:personally\\s+)?(?:tried|tested)'), 'I looked into'],
  [W('personally\\s+tested'), 'closely reviewed'],
];

/** Star ratings nobody gave; cut out of the sentence rather than dropping it. */
const INVENTED_RATING = new RegExp(`\\s*(?:[★⭐]{3,}|(?<![\\p{L}\\p{N}])\\d(?:[.,]\\d)?\\s*(?:/|out\\s+of)\\s*5\\s+stars?(?![\\p{L}\\p{N}]))\\s*`, 'giu');

/** Quotes and stats attributed to customers who were never asked. */
const INVENTED_CUSTOMER: RegExp[] = [
  W('(?:one\\s+of\\s+our|our|a|happy|satisfied|real|verified)\\s+(?:customers?|clients?|buyers?|users?)\\s+(?:said|says|told|wrote|shared|reports?|reported|raves?)'),
  W('verified\\s+(?:buyer|purchase|customer|review)'), W('customer\\s+(?:review|testimonial)s?\\s*:'),
  /[—–-]\s*\p{Lu}\p{Ll}+\s\p{Lu}\.(?=[\s,]|$)/u, /\p{Lu}\p{Ll}+,\s*\d{2},\s*(?:from|aus|de|से)\s/u,
  W('(?:eine?|unsere?|zufriedene[rn]?)\\s+(?:Kunde|Kundin|Käufer(?:in)?|Nutzer(?:in)?)\\s+(?:sagt|schreibt|berichtet|meint)'),
  W('verifizierte[rs]?\\s+Kauf'), W('Kundenstimme'),
  W('(?:un|une|nos|notre)\\s+(?:client|cliente|acheteur|acheteuse|utilisateur|utilisatrice)s?\\s+(?:dit|témoigne|raconte|affirme|écrit)'),
  W('achat\\s+vérifié'), W('témoignage\\s+client\\s*:'),
  W('(?:un|una|nuestros?|nuestras?)\\s+(?:cliente|compradora?|usuari[oa])s?\\s+(?:dice|cuenta|comenta|escribe|afirma)'),
  W('compra\\s+verificada'),
  /ग्राहक\s*(?:ने\s+कहा|कहते\s+हैं|कहती\s+हैं|बताते\s+हैं|बताती\s+हैं|का\s+कहना)/u, /सत्यापित\s+ख़?रीदार/u,
];

export interface ClaimHit { code: 'health_claim' | 'financial_claim'; excerpt: string }

/** Health and financial claims in a text (every language's patterns; brand briefs are often in English). */
export function findRiskyClaims(text: string): ClaimHit[] {
  const hits: ClaimHit[] = [];
  for (const [code, patterns] of [['health_claim', HEALTH], ['financial_claim', FINANCIAL]] as const) {
    for (const re of patterns) {
      const m = re.exec(text);
      if (m) hits.push({ code, excerpt: m[0] });
    }
  }
  return hits;
}

/** True when the text claims the (virtual) speaker used, wore, drove or tasted something. */
export function claimsFirstHandUse(text: string): boolean {
  return FIRST_HAND.some((re) => re.test(text));
}

export function inventsCustomer(text: string): boolean {
  INVENTED_RATING.lastIndex = 0;
  return INVENTED_CUSTOMER.some((re) => re.test(text)) || INVENTED_RATING.test(text);
}

// ---------------------------------------------------------------------------------------------------------------
// The pass
// ---------------------------------------------------------------------------------------------------------------

const MESSAGES: Record<ComplianceFlagCode, string> = {
  first_hand_claim: 'A virtual persona cannot have used the product; the sentence was rewritten or removed',
  invented_customer: 'Customer quotes, names or ratings that were not supplied by the brand were removed',
  health_claim: 'Health claim without substantiation',
  financial_claim: 'Financial promise without substantiation',
  missing_illustrative_label: 'Testimonial was not labelled as the persona’s illustrative voice; the label was added',
};

class Scrubber {
  readonly flags: ComplianceFlag[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly ctx: ComplianceContext) {}

  /** Rewrites or removes offending sentences, line by line, keeping line breaks and bullets. */
  text(input: string): string {
    if (!input) return input;
    const out: string[] = [];
    for (const line of input.split('\n')) {
      if (!line.trim()) {
        out.push(line);
        continue;
      }
      const kept = splitSentences(line).map((s) => this.sentence(s)).filter((s) => s.trim().length > 0);
      const rebuilt = kept.join('').trimEnd();
      if (rebuilt === line.trimEnd()) {
        out.push(rebuilt);
        continue;
      }
      // A line that lost its sentences disappears instead of leaving a stray bullet or number behind.
      if (rebuilt.trim() && !/^[\s\-–•✓✅*\d.)/]+$/u.test(rebuilt)) out.push(rebuilt);
    }
    return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  }

  private sentence(input: string): string {
    let sentence = input;
    INVENTED_RATING.lastIndex = 0;
    if (INVENTED_RATING.test(sentence)) {
      this.flag('invented_customer', 'review', 'removed', sentence);
      sentence = sentence.replace(INVENTED_RATING, ' ').replace(/^\s+/, '');
    }
    if (INVENTED_CUSTOMER.some((re) => re.test(sentence))) {
      this.flag('invented_customer', 'review', 'removed', sentence);
      return '';
    }
    if (claimsFirstHandUse(sentence)) {
      let rewritten = sentence;
      for (const [re, replacement] of FIRST_HAND_REWRITES) rewritten = rewritten.replace(re, replacement);
      if (rewritten !== sentence && !claimsFirstHandUse(rewritten)) {
        this.flag('first_hand_claim', this.ctx.mode === 'strict' ? 'review' : 'warning', 'rewritten', sentence);
        return rewritten;
      }
      this.flag('first_hand_claim', this.ctx.mode === 'strict' ? 'review' : 'warning', 'removed', sentence);
      return '';
    }
    if (this.ctx.mode === 'strict') {
      const hits = findRiskyClaims(sentence);
      if (hits.length) {
        for (const hit of hits) this.flag(hit.code, 'review', 'removed', hit.excerpt);
        return '';
      }
    }
    return sentence;
  }

  flag(code: ComplianceFlagCode, severity: ComplianceFlag['severity'], action: ComplianceFlag['action'], excerpt: string, source: ComplianceFlag['source'] = 'output'): void {
    const clean = excerpt.trim().slice(0, 200);
    const key = `${code}|${action}|${source}|${clean.toLocaleLowerCase()}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.flags.push({ code, severity, action, source, excerpt: clean, message: MESSAGES[code] });
  }
}

/** Removes disclosure tags a model already wrote, so the one placed first is not repeated. */
function stripDisclosureTags(text: string): string {
  return text
    .replace(/(^|\s)#[\p{L}\p{M}\p{N}_]+/gu, (m, lead: string) => (KNOWN_DISCLOSURE_TAGS.has(m.trim().toLocaleLowerCase()) ? lead : m))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

function prefix(line: string | null, text: string): string {
  if (!line || !text) return text;
  return text.startsWith(line) ? text : `${line}\n${text}`;
}

/**
 * Applies the rules for `ctx.mode` to a generated piece. Idempotent: running it twice gives the same text.
 * Place it before the platform fit (`finalizeContent` does both in that order).
 */
export function applyCompliance(content: ComplianceInput, ctx: ComplianceContext): ComplianceResult {
  const hashtags = content.hashtags ?? [];
  if (ctx.mode === 'off') {
    return {
      disclosures: [], disclosureLine: null, body: content.body, caption: content.caption, hashtags,
      sections: content.sections, flags: [], requiresReview: false, review: null,
    };
  }

  const scrub = new Scrubber(ctx);
  const { disclosures, line, textLine } = disclosuresFor(ctx);
  // A second pass (regenerate, edit) first takes off the line the first pass put there.
  const clean = (t: string) => stripDisclosureTags([line, textLine].reduce<string>((acc, l) => (l && acc.startsWith(`${l}\n`) ? acc.slice(l.length + 1) : acc), t));
  let body = scrub.text(clean(content.body));
  let caption = scrub.text(clean(content.caption));
  const sections = content.sections?.map((s) => ({ ...s, text: scrub.text(s.text) })).filter((s) => s.text.trim().length > 0);

  if (ctx.mode === 'strict') {
    for (const claim of ctx.productClaims ?? []) {
      for (const hit of findRiskyClaims(claim)) scrub.flag(hit.code, 'review', 'flagged', claim, 'product');
    }
  }

  // Testimonials must say whose voice this is, whoever wrote them.
  if (ctx.contentType === 'testimonial') {
    const w = words(ctx.language);
    const label = w.illustrative(ctx.agentName ?? 'AI persona');
    const labelled = (t: string) => Object.values(DISCLOSURES).some((d) => d.illustrativeMarker.test(t));
    if (!labelled(body)) {
      scrub.flag('missing_illustrative_label', 'warning', 'labelled', ctx.agentName ?? '');
      body = `${label}\n${body}`;
    }
    if (!labelled(caption)) caption = `${label}\n${caption}`;
  }

  const wordsOnly = disclosureInWords(ctx);
  const isDocument = wordsOnly || (ctx.format ? DOCUMENT_FORMATS.has(ctx.format) : false);
  const captionLine = wordsOnly ? textLine : line;
  body = prefix(isDocument ? textLine : line, body);
  caption = prefix(captionLine, caption);

  const lowered = new Set(disclosures.map((d) => d.toLocaleLowerCase()));
  const cleanTags = hashtags.filter((t) => !KNOWN_DISCLOSURE_TAGS.has(t.toLocaleLowerCase()) && !lowered.has(t.toLocaleLowerCase()));

  const reasons = [...new Set(scrub.flags.filter((f) => f.severity === 'review').map((f) => `${f.code}: ${f.excerpt}`))];
  const requiresReview = reasons.length > 0;
  return {
    disclosures, disclosureLine: captionLine, body, caption, hashtags: cleanTags, sections, flags: scrub.flags, requiresReview,
    review: requiresReview ? { status: 'pending_review', reasons } : null,
  };
}

/** Instructions for a remote model, so it writes compliant text in the first place (the pass still runs after). */
export function complianceInstructions(ctx: ComplianceContext): string[] {
  if (ctx.mode === 'off') return [];
  const lines = [
    `You are a virtual, AI-generated persona. Never claim to have used, worn, driven, eaten, tested or owned the product; speak about its specifications, the brand's claims and who it suits.`,
    'Never invent customers, quotes, names, reviews, ratings or statistics.',
    'Do not write the ad or AI disclosure yourself; it is added automatically.',
  ];
  if (ctx.contentType === 'testimonial') {
    lines.push('A testimonial is written in the persona’s own illustrative voice, never as a customer, and in hypothetical terms (“if I were…”).');
  }
  if (ctx.mode === 'strict') {
    lines.push('Make no health claims (cures, treats, prevents, clinically proven, weight loss) and no financial promises (guaranteed returns, risk-free, get rich), even if the brief contains them.');
  }
  return lines;
}
