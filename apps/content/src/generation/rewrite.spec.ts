import { CAPTION_STYLES, type CaptionStyle, type ContentFormat, type ContentType, type Platform } from '@influgentic/contracts';
import { claimsFirstHandUse, disclosuresFor, illustrativeLabel } from './compliance';
import { compose } from './compose';
import { finalizeForRequest } from './finalize';
import { platformViolations } from './platform';
import { finalizeRewrite, parseCaption, rewriteCaption, shortSentences, trimFiller } from './rewrite';
import { REWRITE_PHRASES } from './rewrite-phrases';
import { TemplateEngine } from './template-engine';
import { LANGS, PERSONAS, PRODUCTS, request } from './testing/fixtures';
import { fill } from './text';
import type { GenerationRequest, RewriteRequest } from './types';

/** A stored item's caption, as generation leaves it, and the rewrite request a variant of it makes. */
function original(overrides: Partial<GenerationRequest> = {}) {
  const req = request(overrides);
  const final = finalizeForRequest(compose(req), req);
  const rewrite = (style: CaptionStyle, extra: Partial<RewriteRequest> = {}): RewriteRequest => ({
    agent: req.agent, product: req.product, content_type: req.content_type, format: req.format, platform: req.platform,
    language: req.language, tone: req.tone, compliance_mode: req.compliance_mode, sponsored: req.sponsored, style,
    caption: final.caption, hashtags: final.hashtags, cta: final.cta, seed: 7, ...extra,
  });
  return { req, final, rewrite };
}

const variant = (r: RewriteRequest) => finalizeRewrite(rewriteCaption(r), r).caption;
/** The caption's paragraphs without its disclosure line and hashtag block. */
function paragraphs(caption: string, disclosure: string | null): string[] {
  const text = disclosure && caption.startsWith(`${disclosure}\n`) ? caption.slice(disclosure.length + 1) : caption;
  return text.split(/\n\s*\n/).filter((p) => !/^(?:#\S+\s*)+$/u.test(p.trim()));
}

describe('caption rewrites, every style in every language', () => {
  for (const language of LANGS) {
    const { req, final, rewrite } = original({ language, format: 'instagram_caption', platform: 'instagram' });
    const disclosure = disclosuresFor({ mode: req.compliance_mode, language, sponsored: req.sponsored }).line as string;
    const originalTags = parseCaption(rewrite('punchy')).tags;

    it.each([...CAPTION_STYLES])(`${language}: %s keeps the disclosure, the hashtags, the CTA and the limits`, (style) => {
      const out = variant(rewrite(style));
      expect(out).not.toBe(final.caption);
      expect(out.startsWith(`${disclosure}\n`)).toBe(true);
      expect(out.split(disclosure)).toHaveLength(2);
      for (const tag of originalTags) expect(out).toContain(tag);
      expect(out).toContain(final.cta as string);
      expect(platformViolations({ title: null, body: out, caption: out, hashtags: originalTags, cta: null }, req.platform, req.format)).toEqual([]);
      expect(out).not.toMatch(/\{\w+\}|«|»\|/u);
    });

    it(`${language}: story-led opens with a first-person scene of the persona, honest about never using the product`, () => {
      const [opening] = paragraphs(variant(rewrite('story-led')), disclosure);
      const scenes = [...REWRITE_PHRASES[language].scenes, ...REWRITE_PHRASES[language].scenesDomain]
        .map((t) => fill(t, { product: req.product.name, use: req.product.target_use.replace(/[.!।]+$/u, ''), domain: req.agent.expertise_domains[0] }));
      expect(scenes.some((s) => opening.includes(s.slice(0, 12)))).toBe(true);
      expect(opening).not.toBe(paragraphs(final.caption, disclosure)[0]);
      expect(claimsFirstHandUse(opening)).toBe(false);
    });

    it(`${language}: question-led opens with a question, cta-led with the call to action`, () => {
      const [question] = paragraphs(variant(rewrite('question-led')), disclosure);
      expect(question.trim()).toMatch(/\?$/u);
      expect(question).not.toBe(paragraphs(final.caption, disclosure)[0]);
      const [lead] = paragraphs(variant(rewrite('cta-led')), disclosure);
      expect(lead.trim()).toBe(final.cta);
    });

    it(`${language}: punchy writes shorter lines without the language's filler words`, () => {
      const out = variant(rewrite('punchy'));
      const lines = paragraphs(out, disclosure).flatMap((p) => p.split('\n')).filter((l) => l.trim() && l.trim() !== final.cta);
      const avg = (ls: string[]) => ls.reduce((n, l) => n + l.split(/\s+/).length, 0) / ls.length;
      const originalLines = paragraphs(final.caption, disclosure).flatMap((p) => p.split('\n')).filter((l) => l.trim() && l.trim() !== final.cta);
      expect(avg(lines)).toBeLessThan(avg(originalLines));
      for (const filler of REWRITE_PHRASES[language].fillers) {
        expect(lines.join(' ').toLocaleLowerCase()).not.toMatch(new RegExp(`(?<![\\p{L}\\p{M}])${filler}(?![\\p{L}\\p{M}])`, 'u'));
      }
    });
  }
});

describe('caption rewrites under tight limits and special content', () => {
  const tight: Array<[ContentFormat, Platform, ContentType]> = [
    ['x_post', 'x', 'product_review'], ['tiktok_caption', 'tiktok', 'product_launch'], ['x_post', 'threads', 'trivia'],
  ];
  it.each(tight)('%s on %s (%s): every style fits the platform', (format, platform, content_type) => {
    for (const language of LANGS) {
      const { req, rewrite } = original({ language, format, platform, content_type, length: 'long' });
      for (const style of CAPTION_STYLES) {
        const out = variant(rewrite(style));
        expect(platformViolations({ title: null, body: out, caption: out, hashtags: [], cta: null }, req.platform, req.format)).toEqual([]);
      }
    }
  });

  it('a testimonial keeps its quote and the illustrative label word for word in every style', () => {
    const { req, final, rewrite } = original({ content_type: 'testimonial', format: 'tiktok_caption', platform: 'tiktok' });
    const label = illustrativeLabel('en', req.agent.name);
    const quote = final.caption.split('\n').find((l) => l.endsWith(`— ${req.agent.name}`)) as string;
    expect(quote).toBeTruthy();
    for (const style of CAPTION_STYLES) {
      const out = variant(rewrite(style));
      expect(out).toContain(label);
      expect(out).toContain(quote);
    }
  });

  it('without a CTA in the caption, cta-led leads with a save-for-later line instead', () => {
    const { rewrite, final } = original({ include_cta: false });
    expect(final.cta).toBeNull();
    const [lead] = paragraphs(variant(rewrite('cta-led')), '#ad · AI-generated');
    expect(lead).not.toBe(paragraphs(final.caption, '#ad · AI-generated')[0]);
    expect(lead).toMatch(/scroll|Save this/u);
  });

  it('compliance off adds no disclosure, and the same input gives the same text', () => {
    const { rewrite } = original({ compliance_mode: 'off' });
    const a = variant(rewrite('story-led'));
    expect(a.startsWith('#ad')).toBe(false);
    expect(variant(rewrite('story-led'))).toBe(a);
  });

  it('a caption edited by hand (no CTA, own words) is still rewritten from its own sentences', () => {
    const caption = '#ad · AI-generated\nHonestly, this really is the car I would plan a road trip around, with 800 km range and seats that fold flat for long naps.\n\n#Roadtrip';
    const r: RewriteRequest = {
      agent: PERSONAS.velo, product: PRODUCTS.en, content_type: 'product_review', format: 'instagram_caption', platform: 'instagram',
      language: 'en', tone: null, compliance_mode: 'standard', sponsored: true, style: 'punchy', caption, hashtags: ['#Roadtrip'], cta: null, seed: 1,
    };
    const out = variant(r);
    expect(out).toContain('#Roadtrip');
    expect(out).not.toMatch(/Honestly|really/);
    expect(out.split('\n').filter((l) => /800 km range/.test(l))).toHaveLength(1);
    const q = variant({ ...r, style: 'question-led' });
    expect(q.split('\n')[1]).toBe('What would 800 km range change for your long-distance commuting?');
  });

  it('the template engine answers the port with the rewrite and its usage', async () => {
    const { rewrite } = original();
    const result = await new TemplateEngine().rewrite(rewrite('question-led'));
    expect(result.caption).toBe(rewriteCaption(rewrite('question-led')));
    expect(result.usage.model).toBe('builtin/template-v1');
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it('trims filler and cuts long sentences where they pause', () => {
    expect(trimFiller('This is really just very good.', REWRITE_PHRASES.en.fillers, 'en')).toBe('This is good.');
    expect(trimFiller('Das ist ehrlich gesagt wirklich stark.', REWRITE_PHRASES.de.fillers, 'de')).toBe('Das ist stark.');
    expect(shortSentences('Made for long-distance commuting, with 800 km range and charging in fifteen minutes flat')).toEqual([
      'Made for long-distance commuting', 'with 800 km range and charging in fifteen minutes flat',
    ]);
    expect(shortSentences('Short, and sweet.')).toEqual(['Short, and sweet.']);
  });
});
