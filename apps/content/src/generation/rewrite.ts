/**
 * Caption variants, offline: takes a finished caption apart (disclosure, hook, body, CTA, hashtags) and writes it
 * again in one of the four styles, in the caption's language. The facts stay the caption's own; what changes is the
 * opening, the order and the rhythm. `finalizeRewrite` then puts the disclosures back and fits the platform.
 */
import type { CaptionStyle } from '@influgentic/contracts';
import { applyCompliance, disclosuresFor, illustrativeLabel, type ComplianceContext } from './compliance';
import { PHRASE_PACKS, type Tpl } from './phrases';
import { assembleCaption, fitToPlatform, limitsFor } from './platform';
import { hash32, Rng } from './random';
import { REWRITE_PHRASES, type RewritePhrases } from './rewrite-phrases';
import { bare, capitalize, fill, measure, splitSentences, terminate, uniqueTags } from './text';
import { GenerationError, type RewriteRequest } from './types';
import { tidy } from './writer';

/** A sentence of the caption and what separated it from the one before (a paragraph, a line, a space). */
export interface Unit { text: string; sep: '\n\n' | '\n' | ' ' }

/** A caption taken apart. */
export interface CaptionParts {
  /** The opening sentence (the hook), or null for an empty caption. */
  hook: string | null;
  /** The sentences after the hook, bullets unmarked, in order, each with the break that came before it. */
  sentences: Unit[];
  /** The item's CTA when the caption still carries it. */
  cta: string | null;
  /** Trailing hashtag block merged with the item's hashtags (disclosure tags left out). */
  tags: string[];
  /** Lines no style may cut or reword: a testimonial's quote and its illustrative label. */
  fixed: string[];
}

const TAG_BLOCK = /^\s*(?:#[\p{L}\p{M}\p{N}_]+\s*)+$/u;
const BULLET = /^(?:[•✓✅→\-*–]|\d+[.)])\s+/u;

function withoutLine(text: string, line: string | null): string {
  if (!line) return text;
  return text.startsWith(`${line}\n`) ? text.slice(line.length + 1) : text === line ? '' : text;
}

/** Splits a stored caption into the parts a rewrite moves around. */
export function parseCaption(req: RewriteRequest): CaptionParts {
  let text = req.caption.replace(/\r\n/g, '\n').trim();
  const d = disclosuresFor({ mode: req.compliance_mode === 'off' ? 'standard' : req.compliance_mode, language: req.language, sponsored: req.sponsored });
  const dNoAd = disclosuresFor({ mode: 'standard', language: req.language, sponsored: false });
  for (const line of [d.line, d.textLine, dNoAd.line, dNoAd.textLine]) text = withoutLine(text, line).trim();
  const label = illustrativeLabel(req.language, req.agent.name);
  const attribution = ` — ${req.agent.name.trim()}`;

  const paragraphs = text.split(/\n\s*\n/);
  const tags: string[] = [];
  while (paragraphs.length > 1 && TAG_BLOCK.test(paragraphs[paragraphs.length - 1])) {
    tags.unshift(...(paragraphs.pop() as string).trim().split(/\s+/));
  }
  let rest = paragraphs.join('\n\n');

  let cta: string | null = null;
  const itemCta = req.cta?.trim();
  if (itemCta && rest.includes(itemCta)) {
    cta = itemCta;
    rest = rest.replace(itemCta, '');
  }

  const units: Unit[] = [];
  const fixed: string[] = [];
  for (const paragraph of rest.split(/\n\s*\n/)) {
    let sep: Unit['sep'] = '\n\n';
    for (const line of paragraph.split('\n')) {
      const clean = line.trim().replace(BULLET, '');
      if (!clean || TAG_BLOCK.test(clean)) continue;
      if (clean === label || clean.endsWith(attribution)) {
        fixed.push(clean);
        continue;
      }
      for (const piece of splitSentences(clean)) {
        const text = piece.trim();
        if (!text) continue;
        // An emoji or a stray mark after the full stop belongs to the sentence before it.
        if (!/[\p{L}\p{N}]/u.test(text) && units.length) units[units.length - 1].text += ` ${text}`;
        else units.push({ text, sep });
        sep = ' ';
      }
      sep = '\n';
    }
  }
  const known = new Set(d.disclosures.map((t) => t.toLocaleLowerCase()));
  const allTags = uniqueTags([...tags, ...req.hashtags]).filter((t) => !known.has(t.toLocaleLowerCase()));
  return { hook: units[0]?.text ?? null, sentences: units.slice(1), cta, tags: allTags, fixed };
}

/** Everything one rewrite needs: the language's phrases, the seeded choices, the caption's facts. */
class Rewriter {
  readonly phrases: RewritePhrases;
  readonly rng: Rng;
  readonly formal: boolean;
  readonly vars: Record<string, string | null>;

  constructor(readonly req: RewriteRequest, readonly parts: CaptionParts) {
    const phrases = REWRITE_PHRASES[req.language];
    if (!phrases || !PHRASE_PACKS[req.language]) {
      throw new GenerationError('unsupported_language', `The offline engine rewrites ${Object.keys(REWRITE_PHRASES).join(', ')}; configure a model for ${req.language}`);
    }
    this.phrases = phrases;
    this.rng = new Rng(hash32([req.agent.id, req.caption, req.style, req.language, String(req.seed)].join('\u241f')));
    this.formal = req.agent.style_profile?.formality === 'formal' || req.format === 'linkedin_post' || req.platform === 'linkedin';
    const domains = req.agent.expertise_domains.filter((x) => x.trim());
    const domainReads = domains.length && (req.language === 'en' || (req.language === 'hi' && /\p{Script=Devanagari}/u.test(domains[0])));
    this.vars = {
      product: req.product.name.trim(), use: bare(req.product.target_use), agent: req.agent.name.trim(),
      claim: this.claimInHook(), domain: domainReads ? domains[0] : null,
    };
  }

  say(templates: Tpl[]): string {
    return tidy(fill(this.rng.pick(templates), this.vars, this.formal), this.req.language);
  }

  /** The brand claim the hook states, if any: question-led asks about exactly that. */
  private claimInHook(): string | null {
    const hook = this.parts.hook?.toLocaleLowerCase() ?? '';
    const claims = [...this.req.product.key_claims, ...(this.req.product.key_features ?? [])].map(bare).filter(Boolean);
    return claims.find((c) => hook.includes(c.toLocaleLowerCase())) ?? null;
  }

  /** A full sentence; an emoji at its end stays after the full stop rather than before it. */
  sentence(text: string): string {
    const [, core, tail] = /^(.*?)((?:\s*[^\p{L}\p{N}\p{M}\s.!?।…:)»”"'’%]+)*)$/su.exec(text.trim()) ?? [, text.trim(), ''];
    return tidy(`${terminate(capitalize(core), this.req.language)}${tail}`, this.req.language);
  }
}

/** One block of the rewritten text; `keep` blocks are never dropped to make room. */
interface Block { text: string; keep: boolean; sep: string }

function storyLed(r: Rewriter): Block[] {
  const { phrases } = r;
  const scene = r.say(r.vars.domain && phrases.scenesDomain.length && r.rng.chance(0.5) ? phrases.scenesDomain : phrases.scenes);
  // The scene takes the hook's place; a caption that is only a hook keeps it as the scene's payoff.
  return [{ text: scene, keep: true, sep: '' }, ...fixedBlocks(r), ...bodyBlocks(r), ...ctaBlock(r.parts.cta)];
}

function questionLed(r: Rewriter): Block[] {
  const q = r.phrases.questions;
  const hook = r.parts.hook ?? '';
  const mentionsProduct = hook.toLocaleLowerCase().includes(String(r.vars.product).toLocaleLowerCase());
  const question = r.vars.claim ? r.say(q.claim) : mentionsProduct ? r.say(q.product) : r.say(q.use);
  return [{ text: question, keep: true, sep: '' }, ...fixedBlocks(r), ...bodyBlocks(r), ...ctaBlock(r.parts.cta)];
}

function ctaLed(r: Rewriter): Block[] {
  // Without a CTA in the caption (include_cta was off, or it was edited out) a save-for-later opener leads instead.
  const lead = r.parts.cta ?? r.say(PHRASE_PACKS[r.req.language].styledHooks['cta-led']);
  const rest: Unit[] = [...(r.parts.hook ? [{ text: r.parts.hook, sep: '\n\n' as const }] : []), ...r.parts.sentences];
  return [{ text: lead, keep: true, sep: '' }, ...fixedBlocks(r), ...rest.map((u, i): Block => ({ text: u.text, keep: i === 0, sep: i === 0 ? '\n\n' : u.sep }))];
}

/** Longest a punchy sentence may run before it is cut at a comma, dash or semicolon (in words). */
const PUNCHY_WORDS = 9;
const PUNCHY_SENTENCES = 4;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes the language's filler words and the spacing they leave behind. */
export function trimFiller(text: string, fillers: string[], lang: string): string {
  let out = text;
  for (const f of fillers) {
    const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escapeRe(f)}(?![\\p{L}\\p{M}\\p{N}])[ \\t]*,?`, 'giu');
    out = out.replace(re, '');
  }
  out = out.replace(/[ \t]{2,}/g, ' ').replace(/[ \t]+([,.!?।;:])/g, '$1').replace(/^[\s,;:]+/, '').trim();
  return tidy(out, lang);
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Cuts a long sentence where it already pauses, so each part reads as a sentence of its own. */
export function shortSentences(text: string): string[] {
  if (words(text) <= PUNCHY_WORDS) return [text];
  const parts = text.split(/\s*[,;:–—]\s+|\s+[–—]\s*/u).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2 || parts.some((p) => words(p) < 2)) return [text];
  return parts;
}

function punchy(r: Rewriter): Block[] {
  const lang = r.req.language;
  const all = [r.parts.hook, ...r.parts.sentences.map((u) => u.text)].filter((t): t is string => !!t)
    .map((t) => trimFiller(t, r.phrases.fillers, lang))
    .flatMap((t) => shortSentences(t))
    .map((t) => r.sentence(t.replace(/[,;:–—]+$/u, '')))
    .filter((t) => t.replace(/[.!?।…\s]/gu, '').length > 0);
  const kept = all.slice(0, PUNCHY_SENTENCES);
  const cta = r.parts.cta ? trimFiller(r.parts.cta, r.phrases.fillers, lang) : null;
  const [first, ...others] = kept.map((t, i): Block => ({ text: t, keep: i === 0, sep: i === 0 ? '' : '\n' }));
  const fixed = fixedBlocks(r);
  if (fixed.length && others[0]) others[0].sep = '\n\n';
  return [...(first ? [first] : []), ...fixed, ...others, ...ctaBlock(cta)];
}

/** A testimonial's quote and label, whole, right after the opening. */
function fixedBlocks(r: Rewriter): Block[] {
  return r.parts.fixed.map((t, i) => ({ text: t, keep: true, sep: i === 0 ? '\n\n' : '\n' }));
}

/** The caption's sentences after the new opening, in their paragraphs; a caption that is only a hook keeps the hook. */
function bodyBlocks(r: Rewriter): Block[] {
  const body: Unit[] = r.parts.sentences.length ? r.parts.sentences : r.parts.hook ? [{ text: r.parts.hook, sep: '\n\n' }] : [];
  return body.map((u, i) => ({ text: u.text, keep: i === 0, sep: i === 0 ? '\n\n' : u.sep }));
}

function ctaBlock(cta: string | null): Block[] {
  return cta ? [{ text: cta, keep: true, sep: '\n\n' }] : [];
}

const STYLES: Record<CaptionStyle, (r: Rewriter) => Block[]> = {
  'story-led': storyLed, 'question-led': questionLed, 'cta-led': ctaLed, punchy,
};

function render(blocks: Block[]): string {
  let out = '';
  for (const b of blocks) out += (out ? b.sep || '\n\n' : '') + b.text;
  return out;
}

/**
 * The rewritten caption (hashtags at the end, no disclosure yet), already within the platform's room once the
 * disclosure and the hashtags are counted: sentences that are not load-bearing go from the end first.
 */
export function rewriteCaption(req: RewriteRequest): string {
  const parts = parseCaption(req);
  if (!parts.hook && !parts.cta && !parts.fixed.length) throw new GenerationError('bad_response', 'The caption has no text to rewrite');
  const r = new Rewriter(req, parts);
  const blocks = STYLES[req.style](r);
  const limits = limitsFor(req.platform, req.format);
  if (limits.captionMax !== null) {
    const disclosure = disclosuresFor({ mode: req.compliance_mode, language: req.language, sponsored: req.sponsored }).line;
    const label = req.content_type === 'testimonial' ? illustrativeLabel(req.language, req.agent.name) : null;
    const reserved = [disclosure, label, parts.tags.length ? parts.tags.join(' ') : null]
      .filter((s): s is string => !!s).reduce((n, s) => n + measure(s, limits.counting) + 2, 0);
    const budget = limits.captionMax - reserved;
    while (measure(render(blocks), limits.counting) > budget) {
      const i = blocks.map((b) => b.keep).lastIndexOf(false);
      if (i < 0) break;
      // Removing a paragraph opener hands its paragraph break to the next block.
      if (blocks[i].sep === '\n\n' && blocks[i + 1] && blocks[i + 1].sep === ' ') blocks[i + 1].sep = '\n\n';
      blocks.splice(i, 1);
    }
  }
  return assembleCaption(render(blocks), parts.tags);
}

/** Compliance (disclosure first, claims checked) and the platform fit, as for any generated caption. */
export function finalizeRewrite(caption: string, req: RewriteRequest): { caption: string; disclosures: string[] } {
  const ctx: ComplianceContext = {
    mode: req.compliance_mode, language: req.language, sponsored: req.sponsored, contentType: req.content_type, format: req.format,
    platform: req.platform, agentName: req.agent.name,
  };
  // Only the caption's own hashtags: the fit would otherwise bring back tags the original fit had dropped.
  const checked = applyCompliance({ body: caption, caption, hashtags: [] }, ctx);
  const fitted = fitToPlatform(
    { title: null, body: checked.caption, caption: checked.caption, hashtags: [], cta: req.cta },
    req.platform, req.format, { disclosureLine: checked.disclosureLine },
  );
  return { caption: fitted.caption, disclosures: checked.disclosures };
}
