/**
 * The offline writer: turns a persona, a product brief, a content type, a format and a length into a finished piece.
 * Every layout below is driven by the seeded Writer, so the same request always reads the same, and a new seed
 * gives a different take.
 */
import { illustrativeLabel } from './compliance';
import { assembleCaption } from './platform';
import type { ContentSection, GeneratedContent, GenerationRequest } from './types';
import { terminate } from './text';
import { Writer } from './writer';

type Tier = 0 | 1 | 2 | 3;

/** One unit of text; tier 0 is never dropped, higher tiers only appear in longer pieces and go first when space runs out. */
interface Piece { text: string | null | undefined; tier: Tier; sep?: string }

const MAX_TIER = { short: 1, medium: 2, long: 3 } as const;

function render(pieces: Piece[]): string {
  let out = '';
  for (const p of pieces) out += (out ? p.sep ?? '\n\n' : '') + (p.text as string);
  return out;
}

/** Keeps the pieces the length asks for, then sheds the least important ones until the text fits `budget`. */
function fitPieces(w: Writer, pieces: Piece[], budget: number | null): string {
  const chosen = pieces.filter((p) => p.text && p.tier <= MAX_TIER[w.length]).map((p) => ({ ...p }));
  while (budget !== null && w.measure(render(chosen)) > budget) {
    const top = Math.max(...chosen.map((p) => p.tier));
    if (top === 0) break;
    const i = chosen.map((p) => p.tier).lastIndexOf(top as Tier);
    // Removing a paragraph opener hands its paragraph break to the next sentence.
    if (chosen[i].sep === '\n\n' && chosen[i + 1]?.sep === ' ') chosen[i + 1].sep = '\n\n';
    chosen.splice(i, 1);
  }
  return render(chosen);
}

/** Sentences that carry a content type, grouped by how long a piece must be to include them. */
interface Core {
  hook: string | null;
  lead: string[];
  more: string[];
  list: string[];
  extra: string[];
  /** Never dropped (testimonial quote and its label). */
  fixed: string[];
}

function core(w: Writer): Core {
  const { p } = w;
  const [c0, c1, c2, ...rest] = w.points;
  const use = w.say(p.use);
  const audienceLine = w.audience ? w.say(p.audience) : null;
  const priceLine = w.price ? w.say(p.price) : null;
  const expertise = w.domain ? w.say(p.expertise) : null;
  const hook = w.hook();
  switch (w.type) {
    case 'product_review':
      return {
        hook,
        lead: [c0 ? w.claimSentence(c0) : use],
        more: [c0 ? use : null, c1 ? w.claimSentence(c1) : null, w.say(p.review.basis), w.say(p.review.verdict[w.register])].filter(isText),
        list: [c2, ...rest].filter(isText).slice(0, 4).map((c) => w.sentence(c)),
        extra: [w.say(p.review.consFocus), audienceLine ? w.say(p.review.recommendAudience) : w.say(p.review.recommendUse), priceLine, expertise, w.closing()].filter(isText),
        fixed: [],
      };
    case 'product_launch':
      return {
        hook,
        lead: [c0 ? `${w.say(p.launch.whatsNewIntro)} ${w.sentence(c0)}` : use],
        more: [c0 ? use : null, c1 ? w.claimSentence(c1) : null, c2 ? w.claimSentence(c2) : null].filter(isText),
        list: rest.slice(0, 4).map((c) => w.sentence(c)),
        extra: [audienceLine, priceLine, expertise, w.closing()].filter(isText),
        fixed: [],
      };
    case 'testimonial': {
      // The persona's own, hypothetical voice, labelled as such; never a customer, never first-hand use.
      const label = illustrativeLabel(w.lang, String(w.vars.agent));
      // On X and Threads the quote, its label and the CTA must share one post, so the quote is chosen to fit
      // (about 70 characters are kept for the CTA and a hashtag).
      const room = w.style === 'x' || w.style === 'threads' ? w.budget([label, ` — ${w.vars.agent}`], 70) : null;
      const quote = `${w.quote(w.sayWithin(p.testimonial.quotes, room, { claim: c0 ?? w.vars.use }))} — ${w.vars.agent}`;
      return {
        hook: w.style === 'x' || w.style === 'threads' ? null : hook,
        lead: [],
        more: [c1 ? w.claimSentence(c1) : null, use].filter(isText),
        list: [c2, ...rest].filter(isText).slice(0, 3).map((c) => w.sentence(c)),
        extra: [audienceLine ? w.say(p.review.recommendAudience) : w.say(p.review.recommendUse), w.say(p.testimonial.reviewClose), w.closing()],
        fixed: [quote, label],
      };
    }
    case 'lead_magnet':
      return {
        hook,
        lead: [c0 ? w.line(w.fill(p.labels.whatYouGet), terminate(c0, w.lang)) : use],
        more: [c1 ? w.claimSentence(c1) : null, c0 ? use : null, w.say(p.lead.landingReassurance)].filter(isText),
        list: [c2, ...rest].filter(isText).slice(0, 4).map((c) => w.sentence(c)),
        extra: [audienceLine, expertise, w.closing()].filter(isText),
        fixed: [],
      };
    case 'collab_content':
      // The announcement is the opener; a hook before it would say the same thing twice.
      return {
        hook: null,
        lead: [w.say(p.collab.announce)],
        more: [w.domain ? w.say(p.collab.whyDomain, { claim: c0 ?? w.vars.use }) : w.say(p.collab.whyUse), w.say(p.collab.whatsComing)],
        list: w.points.slice(0, 4).map((c) => w.sentence(c)),
        extra: [w.say(p.collab.stayTuned), w.closing()],
        fixed: [],
      };
    case 'trivia':
    default:
      return { hook, lead: [use], more: [], list: [], extra: [w.closing()], fixed: [] };
  }
}

const isText = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim().length > 0;

// ---------------------------------------------------------------------------------------------------------------
// Social posts (post, social_post and the platform caption formats)
// ---------------------------------------------------------------------------------------------------------------

function socialPost(w: Writer): GeneratedContent {
  const c = core(w);
  // A week plan's trending topic is said right after the opening (and leads the hashtags).
  const topic: Piece[] = [{ text: w.topicLine(), tier: 1 }];
  const cta = w.cta();
  const tags = w.hashtags();
  const hookTier: Tier = w.format === 'quote' ? 3 : 1;
  const question = w.say(w.style === 'linkedin' ? w.p.linkedin.question : w.p.social.question);
  const marker = w.style === 'linkedin' ? '→' : null;
  const bullets = (items: string[], tier: Tier): Piece[] =>
    items.map((t, i) => ({ text: marker ? `${marker} ${t}` : w.bullet(t), tier, sep: i === 0 ? '\n\n' : '\n' }));
  const para = (items: string[], tier: Tier): Piece[] => items.map((t, i) => ({ text: t, tier, sep: i === 0 ? '\n\n' : ' ' }));
  const inline = (items: string[], tier: Tier): Piece[] => items.map((t) => ({ text: t, tier, sep: ' ' }));

  let pieces: Piece[];
  switch (w.style) {
    case 'x':
    case 'threads':
      // Compact: one breath of text between the hook and the CTA.
      pieces = [
        { text: c.hook, tier: 1 }, ...c.fixed.map((t, i): Piece => ({ text: t, tier: 0, sep: i === 0 ? '\n\n' : '\n' })), ...topic,
        ...para(c.lead, 1), ...inline(c.more, 2), ...inline(c.list, 3), ...inline(c.extra.slice(0, 1), 3),
        { text: cta, tier: 0 }, { text: w.promo(), tier: 2, sep: ' ' },
      ];
      break;
    case 'tiktok': {
      // One compact paragraph under the hook; tiers still decide how much of it a length gets.
      const flow: Piece[] = [
        ...c.lead.map((t): Piece => ({ text: t, tier: 1 })), ...c.more.map((t): Piece => ({ text: t, tier: 2 })),
        ...c.extra.slice(0, 2).map((t): Piece => ({ text: t, tier: 3 })),
      ].map((piece, i) => ({ ...piece, sep: i === 0 ? '\n\n' : ' ' }));
      pieces = [
        { text: c.hook, tier: hookTier }, ...c.fixed.map((t, i): Piece => ({ text: t, tier: 0, sep: i === 0 ? '\n\n' : '\n' })), ...topic,
        ...flow, { text: cta, tier: 0 }, { text: w.promo(), tier: 1, sep: ' ' },
      ];
      break;
    }
    case 'linkedin':
      pieces = [
        { text: c.hook, tier: hookTier }, ...c.fixed.map((t, i): Piece => ({ text: t, tier: 0, sep: i === 0 ? '\n\n' : '\n' })), ...topic,
        ...para(c.lead, 1), ...para(c.more, 2), ...bullets(c.list, 3), ...para(c.extra, 3),
        { text: question, tier: 2 }, { text: cta, tier: 0 }, { text: w.promo(), tier: 1, sep: '\n' },
      ];
      break;
    case 'instagram':
    case 'social':
    default:
      pieces = [
        { text: c.hook, tier: hookTier }, ...c.fixed.map((t, i): Piece => ({ text: t, tier: 0, sep: i === 0 ? '\n\n' : '\n' })), ...topic,
        ...para(c.lead, 1), ...para(c.more, 2), ...bullets(c.list, 3), ...para(c.extra, 3),
        { text: w.signature(), tier: 3 }, { text: w.style === 'social' ? question : null, tier: 3 },
        { text: cta, tier: 0 }, { text: w.promo(), tier: 1, sep: '\n' },
      ];
  }
  const body = fitPieces(w, pieces, w.budget([tags.join(' ')]));
  return { title: null, body, caption: assembleCaption(body, tags), hashtags: tags, cta };
}

/** Short share text for documents (articles, scripts, emails): hook, one line, CTA, hashtags. */
function teaser(w: Writer, lead: string | null, cta: string | null): { caption: string; hashtags: string[] } {
  const hashtags = w.hashtags();
  const text = fitPieces(w, [
    { text: w.hook(), tier: 1 }, { text: w.topicLine(), tier: 1 }, { text: lead, tier: 1 }, { text: cta, tier: 0 },
  ], w.budget([hashtags.join(' ')]));
  return { caption: assembleCaption(text, hashtags), hashtags };
}

/** The line a document's share caption leads with (for testimonials: the quote with its label). */
function leadLine(w: Writer): string | null {
  const c = core(w);
  return c.fixed.length ? c.fixed.join('\n') : c.lead[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------------------------

function heading(w: Writer, label: string): string {
  return w.fill(label);
}

function docBody(title: string | null, sections: ContentSection[]): string {
  const parts = title ? [title] : [];
  for (const s of sections) parts.push(s.heading ? `${s.heading}\n${s.text}` : s.text);
  return parts.join('\n\n');
}

function pick<T>(w: Writer, counts: { short: number; medium: number; long: number }, items: T[]): T[] {
  return items.slice(0, counts[w.length]);
}

function article(w: Writer): GeneratedContent {
  const { p, points } = w;
  const title = w.title();
  const cta = w.cta();
  const long = w.length === 'long';
  const sections: ContentSection[] = [
    { kind: 'intro', heading: null, text: [w.say(p.review.articleIntro), w.say(p.review.basis)].join(' ') },
  ];
  if (long) {
    sections.push({
      kind: 'at_a_glance', heading: heading(w, p.labels.atAGlance),
      text: [w.say(p.use), w.audience ? w.say(p.audience) : null, w.price ? w.line(p.labels.price, w.price) : null, ...points.slice(0, 3).map((c) => w.sentence(c))]
        .filter(isText).map((t) => w.bullet(t)).join('\n'),
    });
  }
  if (w.length !== 'short') {
    const standouts = pick(w, { short: 0, medium: 2, long: 5 }, points).map((c) => w.claimSentence(c));
    sections.push({
      kind: 'stands_out', heading: heading(w, p.labels.standsOut),
      text: [...standouts, w.say(p.use), long && w.audience ? w.say(p.audience) : null].filter(isText).join(' '),
    });
  }
  const pros = pick(w, { short: 2, medium: 3, long: 5 }, points);
  sections.push({ kind: 'pros', heading: heading(w, p.labels.pros), text: (pros.length ? pros : [String(w.vars.use)]).map((c) => w.bullet(w.sentence(c))).join('\n') });
  const cons = [w.price ? w.say(p.review.consPrice) : null, w.say(p.review.consFocus), w.say(p.review.consGeneric)].filter(isText);
  sections.push({ kind: 'cons', heading: heading(w, p.labels.cons), text: pick(w, { short: 1, medium: 2, long: 3 }, cons).map((c) => w.bullet(c)).join('\n') });
  sections.push({
    kind: 'verdict', heading: heading(w, p.labels.verdict),
    text: [
      w.say(p.review.verdict[w.register]), w.audience ? w.say(p.review.recommendAudience) : w.say(p.review.recommendUse),
      long && w.domain ? w.say(p.expertise) : null, w.length !== 'short' ? w.closing() : null,
    ].filter(isText).join(' '),
  });
  if (cta) sections.push({ kind: 'cta', heading: null, text: cta });
  return { title, body: docBody(title, sections), ...teaser(w, leadLine(w), cta), cta, sections };
}

function pressRelease(w: Writer): GeneratedContent {
  const { p, points } = w;
  const L = p.launch;
  // "Nike unveils Air Zoom Pegasus 41" rather than "Nike unveils Nike Air Zoom Pegasus 41".
  const byBrand = { product: w.productWithoutBrand() };
  const title = w.vars.brand ? w.say(L.pressHeadlineBrand, byBrand) : w.say(L.pressHeadlineProduct);
  const cta = w.cta();
  const long = w.length === 'long';
  const sections: ContentSection[] = [];
  if (w.length !== 'short' && points.length) sections.push({ kind: 'subhead', heading: null, text: w.say(L.pressSubhead) });
  sections.push({ kind: 'lead', heading: null, text: `${w.formattedDate()} – ${w.vars.brand ? w.say(L.pressLeadBrand, byBrand) : w.say(L.pressLeadProduct)}` });
  if (w.length !== 'short' && points.length) {
    sections.push({ kind: 'body', heading: null, text: w.say(L.pressBody) });
  }
  if (long) {
    sections.push({ kind: 'audience', heading: heading(w, p.labels.whoFor), text: [w.say(p.use), w.audience ? w.say(p.audience) : null].filter(isText).join(' ') });
  }
  const features = pick(w, { short: 3, medium: 4, long: 8 }, points);
  if (features.length) {
    sections.push({ kind: 'features', heading: null, text: [w.say(L.pressFeaturesIntro), ...features.map((f) => w.bullet(w.sentence(f)))].join('\n') });
  }
  if (w.length !== 'short') {
    sections.push({ kind: 'quote', heading: null, text: `${w.quote(w.say(L.pressQuote))} — ${w.fill(L.pressAttribution)}` });
  }
  const availability = [w.price ? w.say(p.price) : null, w.req.product.url ? w.fill(L.pressUrl) : null].filter(isText);
  if (availability.length && w.length !== 'short') sections.push({ kind: 'availability', heading: heading(w, p.labels.availability), text: availability.join(' ') });
  if (cta && !w.req.product.url) sections.push({ kind: 'cta', heading: null, text: cta });
  sections.push({
    kind: 'about', heading: w.fill(p.labels.about, { name: w.vars.agent }),
    text: w.say(w.domain ? L.aboutAgent : L.aboutAgentNoDomain),
  });
  sections.push({ kind: 'end', heading: null, text: '###' });
  return { title, body: docBody(title, sections), ...teaser(w, leadLine(w), cta), cta, sections };
}

function testimonialReview(w: Writer): GeneratedContent {
  const { p, points } = w;
  const title = w.title();
  const cta = w.cta();
  const label = illustrativeLabel(w.lang, String(w.vars.agent));
  const reasons = pick(w, { short: 2, medium: 3, long: 5 }, points);
  const sections: ContentSection[] = [
    { kind: 'label', heading: null, text: label },
    { kind: 'intro', heading: null, text: w.say(p.testimonial.reviewIntro) },
    { kind: 'reasons', heading: w.fill(p.labels.whyItFits), text: (reasons.length ? reasons.map((r) => w.sentence(r)) : [w.say(p.use)]).map((r) => w.bullet(r)).join('\n') },
  ];
  if (w.length !== 'short') {
    sections.push({ kind: 'quote', heading: null, text: `${w.quote(w.say(p.testimonial.quotes, { claim: points[0] ?? w.vars.use }))} — ${w.vars.agent}` });
    sections.push({ kind: 'considerations', heading: heading(w, p.labels.considerations), text: [w.say(p.review.consFocus), w.length === 'long' && w.price ? w.say(p.review.consPrice) : null].filter(isText).join(' ') });
  }
  sections.push({
    kind: 'recommendation', heading: heading(w, p.labels.recommendation),
    text: [w.audience ? w.say(p.review.recommendAudience) : w.say(p.review.recommendUse), w.say(p.testimonial.reviewClose), w.length === 'long' ? w.closing() : null].filter(isText).join(' '),
  });
  if (cta) sections.push({ kind: 'cta', heading: null, text: cta });
  return { title, body: docBody(title, sections), ...teaser(w, label, cta), cta, sections };
}

function landingCopy(w: Writer): GeneratedContent {
  const { p, points } = w;
  const title = w.say(p.lead.landingHeadline);
  const benefits = pick(w, { short: 2, medium: 3, long: 5 }, points);
  const button = w.req.include_cta ? w.say(p.lead.landingButton) : null;
  const sections: ContentSection[] = [
    { kind: 'subheadline', heading: null, text: points.length ? w.say(p.lead.landingSub) : w.say(p.use) },
    { kind: 'benefits', heading: w.fill(p.labels.whatYouGet), text: (benefits.length ? benefits.map((b) => w.sentence(b)) : [w.say(p.use)]).map((b) => w.bullet(b)).join('\n') },
  ];
  if (w.length !== 'short') {
    sections.push({ kind: 'audience', heading: heading(w, p.labels.whoFor), text: [w.audience ? w.say(p.audience) : null, w.say(p.use)].filter(isText).join(' ') });
  }
  if (w.length === 'long' && w.price) sections.push({ kind: 'price', heading: heading(w, p.labels.price), text: w.price });
  if (button) sections.push({ kind: 'button', heading: null, text: `→ ${button}` });
  sections.push({ kind: 'reassurance', heading: null, text: [w.say(p.lead.landingReassurance), w.promo()].filter(isText).join(' ') });
  return { title, body: docBody(title, sections), ...teaser(w, leadLine(w), w.cta()), cta: button, sections };
}

function email(w: Writer): GeneratedContent {
  const { p, points } = w;
  const subject = w.say(p.lead.subject);
  const cta = w.cta({ direct: true });
  const benefits = pick(w, { short: 2, medium: 3, long: 5 }, points);
  const sections: ContentSection[] = [
    { kind: 'subject', heading: heading(w, p.labels.subject), text: subject },
  ];
  if (w.length !== 'short') sections.push({ kind: 'preheader', heading: heading(w, p.labels.preheader), text: w.say(p.lead.preheader) });
  const bodyParts: Piece[] = [
    { text: w.fill(w.rng.pick(p.lead.greeting)), tier: 0 },
    { text: w.say(p.lead.emailIntro), tier: 0 },
    { text: w.length === 'long' ? [w.say(p.use), w.audience ? w.say(p.audience) : null].filter(isText).join(' ') : null, tier: 3 },
    { text: benefits.length ? `${w.line(w.fill(p.labels.whatYouGet))}\n${benefits.map((b) => w.bullet(w.sentence(b))).join('\n')}` : null, tier: 0 },
    { text: w.say(p.lead.emailOutro), tier: 2 },
    { text: cta ? `→ ${cta}` : null, tier: 0 },
    { text: w.promo(), tier: 1 },
    { text: w.length === 'long' ? w.signature() : null, tier: 3 },
    { text: w.say(p.lead.signoff), tier: 0 },
    { text: w.say(p.lead.ps, { claim: points[0] ?? w.vars.use }), tier: 2 },
  ];
  const text = fitPieces(w, bodyParts, null);
  sections.push({ kind: 'body', heading: null, text });
  return { title: subject, body: text, ...teaser(w, leadLine(w), w.cta()), cta, sections };
}

// ---------------------------------------------------------------------------------------------------------------
// Threads
// ---------------------------------------------------------------------------------------------------------------

function numbered(w: Writer, posts: string[]): ContentSection[] {
  const n = posts.length;
  return posts.map((text, i) => ({ kind: 'post', heading: null, text: `${i + 1}/${n} ${text}` }));
}

function launchThread(w: Writer): GeneratedContent {
  const { p, points } = w;
  const cta = w.cta();
  const total = { short: 3, medium: 5, long: 7 }[w.length];
  const middle = [
    ...points.map((c) => w.claimSentence(c)), w.say(p.use), w.audience ? w.say(p.audience) : null, w.price ? w.say(p.price) : null,
    w.domain ? w.say(p.expertise) : null, w.closing(),
  ].filter(isText).slice(0, total - 2);
  const last = [w.say(p.launch.threadClose), cta, w.promo()].filter(isText).join(' ');
  const sections = numbered(w, [w.say(p.launch.threadOpen), ...middle, last]);
  const body = sections.map((s) => s.text).join('\n\n');
  const hashtags = w.hashtags();
  return { title: null, body, caption: assembleCaption(sections[0].text, hashtags), hashtags, cta, sections };
}

// ---------------------------------------------------------------------------------------------------------------
// Trivia
// ---------------------------------------------------------------------------------------------------------------

interface Question {
  text: string;
  /** Multiple-choice options; null for true/false and fill-in-the-blank. */
  options: string[] | null;
  answer: string;
  /** Letter of the right option, for multiple choice. */
  letter: string | null;
  explain: string;
}

const LETTERS = ['A', 'B', 'C', 'D'];

/** Questions that are right by construction: real facts from the brief against distractors from other worlds. */
function questionPool(w: Writer): Question[] {
  const { p, points } = w;
  const T = p.trivia;
  const multiple = (text: string, right: string, wrong: string[], explain: string): Question => {
    const options = w.rng.shuffle([right, ...wrong]);
    const i = options.indexOf(right);
    return { text, options, answer: right, letter: LETTERS[i], explain };
  };
  const useQ = multiple(w.fill(T.qUse), String(w.vars.use), w.useDistractors(2), w.fill(T.explainUse));
  const featureQ = (c: string) => multiple(w.fill(T.qFeature), c, w.featureDistractors(2), w.fill(T.explainFeature, { claim: c }));
  const trueQ = (c: string): Question => ({ text: w.fill(T.qTrueFalse, { claim: c }), options: null, answer: p.labels.true, letter: null, explain: w.fill(T.explainTrue, { claim: c }) });
  const falseQ = (d: string): Question => ({
    text: w.fill(T.qTrueFalse, { claim: d }), options: null, answer: p.labels.false, letter: null,
    explain: w.fill(T.explainFalse, { answer: d, claim: points[0] ?? w.vars.use }),
  });
  // Any headline feature fills the blank, so it is asked once and every feature counts as right.
  let blankAsked = false;
  const blankQ = (c: string): Question => {
    if (blankAsked) return featureQ(c);
    blankAsked = true;
    return { text: w.fill(T.qBlank), options: null, answer: points.join(' / '), letter: null, explain: '' };
  };

  const pool: Question[] = [useQ];
  const makers = [featureQ, trueQ, blankQ];
  points.forEach((c, i) => pool.push(makers[i % 3](c)));
  const [d0, d1] = w.featureDistractors(2);
  if (d0) pool.push(falseQ(d0));
  points.forEach((c, i) => pool.push(makers[(i + 1) % 3](c)));
  if (d1) pool.push(falseQ(d1));
  points.forEach((c, i) => pool.push(makers[(i + 2) % 3](c)));
  const seen = new Set<string>();
  return pool.filter((q) => {
    const key = `${q.text}|${q.answer}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function optionLines(w: Writer, q: Question, inline = false): string {
  if (!q.options) return q.text.includes('____') ? '' : `${w.p.labels.true} / ${w.p.labels.false}`;
  const opts = q.options.map((o, i) => `${LETTERS[i]}) ${o}`);
  return inline ? opts.join(' · ') : opts.join('\n');
}

function answerLine(w: Writer, q: Question, withExplanation: boolean): string {
  const answer = q.letter ? `${q.letter}) ${q.answer}` : q.answer;
  const line = w.line(w.p.labels.answer, answer);
  return withExplanation && q.explain ? `${terminate(line, w.lang)} ${q.explain}` : line;
}

function questionPost(w: Writer): GeneratedContent {
  const { p } = w;
  const pool = questionPool(w);
  const q = pool[w.rng.int(0, Math.min(2, pool.length - 1))];
  const cta = w.cta();
  const tags = w.hashtags();
  const compact = w.style === 'x' || w.style === 'threads';
  const opts = optionLines(w, q, compact);
  const pieces: Piece[] = compact
    ? [
      { text: w.say(p.trivia.intro), tier: 2 },
      { text: [q.text, opts].filter(isText).join(' '), tier: 0, sep: w.length === 'short' ? '\n\n' : ' ' },
      { text: terminate(answerLine(w, q, false), w.lang), tier: 0 },
      { text: q.explain, tier: 3, sep: ' ' },
      { text: cta, tier: 0 },
    ]
    : [
      { text: w.hook(), tier: 2 },
      { text: [q.text, opts].filter(isText).join('\n'), tier: 0 },
      { text: w.say(p.trivia.commentPrompt), tier: 2 },
      { text: w.fill(p.trivia.spoiler), tier: 1 },
      // Dots push the answer below the fold so followers guess first.
      { text: answerLine(w, q, w.length !== 'short'), tier: 0, sep: '\n\n.\n.\n.\n\n' },
      { text: w.closing(), tier: 3 },
      { text: cta, tier: 0 },
    ];
  const body = fitPieces(w, pieces, w.budget([tags.join(' ')]));
  return {
    title: null, body, caption: assembleCaption(body, tags), hashtags: tags, cta,
    sections: [
      { kind: 'question', heading: null, text: [q.text, opts].filter(isText).join('\n') },
      { kind: 'answer', heading: null, text: answerLine(w, q, true) },
    ],
  };
}

function quiz(w: Writer): GeneratedContent {
  const { p } = w;
  const questions = pick(w, { short: 3, medium: 5, long: 8 }, questionPool(w));
  const title = w.say(p.titles.trivia);
  const cta = w.cta();
  const sections: ContentSection[] = [{ kind: 'intro', heading: null, text: w.say(p.trivia.quizIntro, { n: questions.length }) }];
  questions.forEach((q, i) => {
    sections.push({ kind: 'question', heading: `${p.labels.question} ${i + 1}`, text: [q.text, optionLines(w, q)].filter(isText).join('\n') });
  });
  sections.push({
    kind: 'answer_key', heading: heading(w, p.labels.answers),
    text: questions.map((q, i) => `${i + 1}. ${q.letter ? `${q.letter}) ` : ''}${q.answer}${w.length === 'short' || !q.explain ? '' : ` – ${q.explain}`}`).join('\n'),
  });
  if (w.length === 'long') sections.push({ kind: 'closing', heading: null, text: w.closing() });
  if (cta) sections.push({ kind: 'cta', heading: null, text: cta });
  return { title, body: docBody(title, sections), ...teaser(w, sections[0].text, cta), cta, sections };
}

function triviaThread(w: Writer): GeneratedContent {
  const { p } = w;
  const questions = pick(w, { short: 2, medium: 3, long: 5 }, questionPool(w));
  const cta = w.cta();
  const posts = [
    `${w.say(p.trivia.intro)} ${w.say(p.trivia.quizIntro, { n: questions.length })}`,
    ...questions.map((q, i) => w.line(`${p.labels.question} ${i + 1}`, [q.text, optionLines(w, q)].filter(isText).join('\n'))),
  ];
  // Answers go last; long threads explain them, which may need more than one post.
  const answerItems = questions.map((q, i) => `${i + 1}. ${q.letter ? `${q.letter}) ` : ''}${q.answer}${w.length === 'long' && q.explain ? ` – ${q.explain}` : ''}`);
  const room = w.limits.threadPostMax - 12;
  let current = w.line(p.labels.answers);
  for (const item of answerItems) {
    if (w.measure(`${current}\n${item}`) > room) {
      posts.push(current);
      current = item;
    } else current = `${current}\n${item}`;
  }
  const tail = [cta].filter(isText).join(' ');
  if (tail && w.measure(`${current}\n\n${tail}`) <= room) posts.push(`${current}\n\n${tail}`);
  else posts.push(current, ...(tail ? [tail] : []));
  const sections = numbered(w, posts);
  const hashtags = w.hashtags();
  return { title: null, body: sections.map((s) => s.text).join('\n\n'), caption: assembleCaption(sections[0].text, hashtags), hashtags, cta, sections };
}

// ---------------------------------------------------------------------------------------------------------------
// Collaboration
// ---------------------------------------------------------------------------------------------------------------

function jointAnnouncement(w: Writer): GeneratedContent {
  const { p, points } = w;
  const title = w.say(p.titles.collab_content);
  const cta = w.cta();
  const tags = w.hashtags();
  const highlights = pick(w, { short: 0, medium: 2, long: 4 }, points);
  const pieces: Piece[] = [
    { text: w.say(p.collab.announce), tier: 0 },
    { text: `${heading(w, p.labels.partnership)}\n${w.domain ? w.say(p.collab.whyDomain, { claim: points[0] ?? w.vars.use }) : w.say(p.collab.whyUse)}`, tier: 1 },
    { text: `${heading(w, p.labels.whatToExpect)}\n${[w.say(p.collab.whatsComing), ...highlights.map((h) => w.bullet(w.sentence(h)))].join('\n')}`, tier: 1 },
    { text: w.say(p.collab.stayTuned), tier: 2 },
    { text: w.signature(), tier: 3 },
    { text: w.length === 'long' ? w.closing() : null, tier: 3 },
    { text: cta, tier: 0 },
  ];
  const body = fitPieces(w, pieces, w.budget([tags.join(' ')]));
  return { title, body, caption: assembleCaption(body, tags), hashtags: tags, cta };
}

// ---------------------------------------------------------------------------------------------------------------
// Video
// ---------------------------------------------------------------------------------------------------------------

type SceneKind = 'hook' | 'product' | 'detail' | 'context' | 'wrap' | 'cta';

/** Short-form timelines: 15, 30 and 60 seconds. */
const TIMELINES: Record<'short' | 'medium' | 'long', Array<[number, number, SceneKind]>> = {
  short: [[0, 3, 'hook'], [3, 10, 'product'], [10, 15, 'cta']],
  medium: [[0, 3, 'hook'], [3, 10, 'product'], [10, 18, 'detail'], [18, 25, 'context'], [25, 30, 'cta']],
  long: [[0, 4, 'hook'], [4, 14, 'product'], [14, 24, 'detail'], [24, 34, 'detail'], [34, 44, 'context'], [44, 52, 'wrap'], [52, 60, 'cta']],
};

/** YouTube needs at least three chapters of ten seconds or more, starting at 0:00; these follow the timelines above. */
const CHAPTERS: Record<'short' | 'medium' | 'long', number[]> = { short: [], medium: [0, 10, 20], long: [0, 14, 34, 44] };

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

function videoScript(w: Writer): GeneratedContent {
  const { p, points } = w;
  const L = p.labels;
  const title = w.title();
  const cta = w.cta();
  const spokenCta = w.cta({ spoken: true });
  const c = core(w);
  const trivia = w.type === 'trivia' ? questionPool(w) : [];
  // The product scene already used the first claim, except in collaborations (it announces the partnership there).
  let detail = w.type === 'collab_content' || w.type === 'trivia' ? 0 : 1;
  let asked = 0;
  const sceneName: Record<SceneKind, string> = {
    hook: L.sceneHook, product: L.sceneProduct, detail: L.sceneDetail, context: L.sceneContext, cta: L.sceneCta,
    wrap: w.type === 'product_review' ? L.verdict : w.type === 'testimonial' ? L.recommendation : w.fill(L.whatToExpect),
  };
  const label = w.type === 'testimonial' ? illustrativeLabel(w.lang, String(w.vars.agent)) : null;

  const scenes: ContentSection[] = TIMELINES[w.length].map(([start, end, kind]) => {
    let visual: string;
    let onScreen: string;
    let voice: string;
    switch (kind) {
      case 'hook':
        visual = w.say(p.video.hookVisual); onScreen = String(w.vars.product); voice = c.hook ?? w.hook();
        break;
      case 'product': {
        visual = w.say(p.video.productVisual);
        if (w.type === 'trivia') {
          const q = trivia[asked++];
          onScreen = q.text; voice = [q.text, optionLines(w, q, true)].filter(isText).join(' ');
        } else if (label) {
          onScreen = label; voice = c.fixed[0];
        } else {
          onScreen = points[0] ? w.sentence(points[0]) : String(w.vars.use); voice = c.lead[0] ?? w.say(p.use);
        }
        break;
      }
      case 'detail': {
        visual = w.say(p.video.detailVisual);
        if (w.type === 'trivia') {
          // First detail scene answers the question just asked; a second one (long scripts) asks and answers the next.
          if (detail === 0) {
            const q = trivia[0];
            onScreen = answerLine(w, q, false); voice = `3, 2, 1… ${answerLine(w, q, true)}`;
          } else {
            const q = trivia[Math.min(asked++, trivia.length - 1)];
            onScreen = [q.text, optionLines(w, q, true)].filter(isText).join(' ');
            voice = `${onScreen} … ${answerLine(w, q, true)}`;
          }
          detail++;
        } else {
          const claim = points[detail] ?? points[0];
          detail++;
          onScreen = claim ? w.sentence(claim) : String(w.vars.use);
          voice = claim ? w.claimSentence(claim) : w.say(p.use);
        }
        break;
      }
      case 'context':
        visual = w.say(p.video.contextVisual); onScreen = String(w.vars.use);
        voice = [w.say(p.use), w.audience ? w.say(p.audience) : null].filter(isText).join(' ');
        break;
      case 'wrap':
        visual = w.say(p.video.hookVisual);
        voice = w.type === 'product_review' ? w.say(p.review.verdict[w.register])
          : w.type === 'testimonial' ? w.say(p.testimonial.reviewClose)
            : w.type === 'collab_content' ? w.say(p.collab.whatsComing)
              : w.price ? w.say(p.price) : w.closing();
        onScreen = w.type === 'product_review' ? sceneName.wrap : String(w.vars.product);
        break;
      case 'cta':
      default:
        visual = w.say(p.video.ctaVisual);
        onScreen = cta ?? String(w.vars.product);
        voice = spokenCta ?? w.closing();
        break;
    }
    const text = [w.line(L.visual, visual), w.line(L.onScreen, onScreen), w.line(L.voiceover, voice)].join('\n');
    return { kind: 'scene', heading: `[${clock(start)}–${clock(end)}] ${sceneName[kind]}`, text, timing: { start, end } };
  });
  return { title, body: docBody(title, scenes), ...teaser(w, leadLine(w), cta), cta, sections: scenes };
}

function youtubeDescription(w: Writer): GeneratedContent {
  const { p } = w;
  const c = core(w);
  const title = w.title();
  const cta = w.cta();
  const tags = w.hashtags();
  const chapterNames = w.type === 'trivia'
    ? [p.labels.chapterIntro, p.labels.chapterQuestions, p.labels.answers, p.labels.chapterOutro]
    : [p.labels.chapterIntro, p.labels.chapterFeatures, w.length === 'long' ? p.labels.sceneContext : p.labels.chapterOutro, p.labels.chapterVerdict];
  const chapters = CHAPTERS[w.length].map((s, i) => `${clock(s)} ${w.fill(chapterNames[i])}`).join('\n');
  // A trivia video's description teases its first question; the answers stay in the video.
  const firstQuestion = w.type === 'trivia' ? questionPool(w)[0] : null;
  const lead = firstQuestion ? [firstQuestion.text, optionLines(w, firstQuestion, true)].filter(isText).join(' ')
    : [c.fixed.join('\n'), c.lead.join(' ')].filter(isText).join('\n\n');
  const pieces: Piece[] = [
    { text: c.hook, tier: 1 },
    { text: lead, tier: 0 },
    { text: c.more.join(' '), tier: 2 },
    { text: c.list.length ? c.list.map((t) => w.bullet(t)).join('\n') : null, tier: 3 },
    { text: chapters ? `${w.fill(p.labels.chapters)}\n${chapters}` : null, tier: 2 },
    { text: cta, tier: 0 },
    { text: w.promo(), tier: 1, sep: '\n' },
    { text: w.say(p.youtube.subscribe), tier: 2 },
  ];
  const body = fitPieces(w, pieces, w.budget([tags.join(' ')]));
  return { title, body, caption: assembleCaption(body, tags), hashtags: tags, cta };
}

// ---------------------------------------------------------------------------------------------------------------

/** Writes the piece a request asks for. Pure and deterministic for a given request (seed included). */
export function compose(request: GenerationRequest): GeneratedContent {
  const w = new Writer(request);
  switch (request.format) {
    case 'video_script': return videoScript(w);
    case 'youtube_description': return youtubeDescription(w);
    case 'article': return article(w);
    case 'press_release': return pressRelease(w);
    case 'thread': return request.content_type === 'trivia' ? triviaThread(w) : launchThread(w);
    case 'review': return testimonialReview(w);
    case 'landing_copy': return landingCopy(w);
    case 'email': return email(w);
    case 'quiz': return quiz(w);
    case 'joint_announcement': return jointAnnouncement(w);
    case 'question': return questionPost(w);
    default: return request.content_type === 'trivia' ? questionPost(w) : socialPost(w);
  }
}
