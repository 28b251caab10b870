import { PLATFORMS, type Platform } from '@influgentic/contracts';
import { claimsFirstHandUse, findRiskyClaims, inventsCustomer } from './compliance';
import { finalizeForRequest } from './finalize';
import { platformViolations } from './platform';
import { generatedContentSchema } from './schema';
import { TemplateEngine, TEMPLATE_MODEL } from './template-engine';
import { allPairs, LANGS, PERSONAS, PRODUCTS, request, words } from './testing/fixtures';
import { GenerationError, type GenerationRequest } from './types';
import { Rng } from './random';

const engine = new TemplateEngine();

async function collect(req: GenerationRequest, signal?: AbortSignal) {
  const s = engine.stream(req, { signal });
  const chunks: string[] = [];
  for await (const c of s) chunks.push(c);
  return { chunks, usage: await s.usage, result: await s.result };
}

/** Words the templates of each language use and the others do not. */
const MARKERS: Record<string, RegExp> = {
  en: /(?<![\p{L}])(?:the|and|for|with|your|is|this|to|of|about|more)(?![\p{L}])/iu,
  de: /(?<![\p{L}])(?:und|für|ist|mit|auf|nicht|dein|deine|dich|dir|Sie|Ihre|über|zu|das|die|der)(?![\p{L}])/u,
  fr: /(?<![\p{L}])(?:pour|est|avec|vous|votre|ton|ta|tes|les|une|des|sur|pas|qui)(?![\p{L}])/u,
  es: /(?<![\p{L}])(?:para|con|tu|su|los|las|una|está|qué|por|sobre|más)(?![\p{L}])/u,
};
const ENGLISH_TEMPLATE_WORDS = /(?<![\p{L}])(?:the|and|your|with|what|this)(?![\p{L}])/iu;

describe('TemplateEngine', () => {
  it('is deterministic per seed and varies across seeds', () => {
    for (const [content_type, format] of allPairs()) {
      const a = engine.compose(request({ content_type, format, seed: 7 }));
      const b = engine.compose(request({ content_type, format, seed: 7 }));
      expect(b).toEqual(a);
      const variants = new Set([1, 2, 3, 4, 5, 6].map((seed) => JSON.stringify(engine.compose(request({ content_type, format, seed })))));
      expect(variants.size).toBeGreaterThan(1);
    }
  });

  it('gives different output for string seeds too, and the same for the same string', () => {
    const a = engine.compose(request({ seed: 'cnt_01' }));
    expect(engine.compose(request({ seed: 'cnt_01' }))).toEqual(a);
    expect(engine.compose(request({ seed: 'cnt_02' }))).not.toEqual(engine.compose(request({ seed: 'cnt_03' })));
  });

  describe.each(LANGS)('in %s', (language) => {
    it.each(allPairs())('writes %s as %s with hashtags, a CTA and no template residue', (content_type, format) => {
      const bodies: string[] = [];
      for (const length of ['short', 'medium', 'long'] as const) {
        const r = engine.compose(request({ content_type, format, language, length }));
        expect(generatedContentSchema.safeParse(r).success).toBe(true);
        const all = [r.title ?? '', r.body, r.caption, r.cta ?? '', ...(r.sections ?? []).map((s) => `${s.heading ?? ''} ${s.text}`)].join('\n');
        expect(r.body.trim().length).toBeGreaterThan(40);
        expect(r.caption.trim().length).toBeGreaterThan(20);
        expect(r.hashtags.length).toBeGreaterThan(0);
        expect(r.hashtags.every((t) => /^#[\p{L}\p{M}\p{N}_]+$/u.test(t))).toBe(true);
        expect(r.cta).toBeTruthy();
        expect(all).not.toMatch(/\{\w+\}|«[^»]*\|[^»]*»|undefined|null|NaN|\[object/);
        expect(all).not.toMatch(/ {2,}|\n{3,}(?!\.)/);
        if (language === 'hi') {
          expect(r.body).toMatch(/\p{Script=Devanagari}{3,}/u);
          expect(r.caption).toMatch(/\p{Script=Devanagari}/u);
        }
        if (language !== 'en') expect(r.body).not.toMatch(ENGLISH_TEMPLATE_WORDS);
        bodies.push(r.body);
      }
      // Short posts may be three lines; across the three lengths the language's own small words must show up.
      if (language !== 'hi') expect(bodies.join('\n')).toMatch(MARKERS[language]);
    });
  });

  it('copes with sparse and odd briefs in every format and language', () => {
    const sparse = { name: 'Aurora', key_claims: [], target_use: 'everyday use' };
    const odd = { name: 'Brace {product} «a|b» 🚀', key_claims: ['claim with {use} inside', 'ünïcödé ✨ claim'], target_use: 'testing {agent}' };
    for (const language of LANGS) {
      for (const [content_type, format] of allPairs()) {
        for (const product of [sparse, odd]) {
          const r = engine.compose(request({ content_type, format, language, product, length: 'long' }));
          expect(r.body.length).toBeGreaterThan(20);
          expect(r.body).not.toMatch(/undefined|null|NaN/);
          if (product === odd) expect(r.body).toContain('{');
        }
      }
    }
  });

  it('writes German with du for casual personas and Sie for formal ones', () => {
    const casual = engine.compose(request({ language: 'de', content_type: 'lead_magnet', format: 'email', length: 'long' }));
    const formal = engine.compose(request({ language: 'de', content_type: 'lead_magnet', format: 'email', length: 'long', agent: PERSONAS.lumiere }));
    expect(casual.body).toMatch(/(?<![\p{L}])(?:du|dich|dir|dein\w*)(?![\p{L}])/u);
    expect(formal.body).not.toMatch(/(?<![\p{L}])(?:du|dich|dir|dein\w*)(?![\p{L}])/u);
    expect(formal.body).toMatch(/(?<![\p{L}])(?:Sie|Ihnen|Ihr\w*)(?![\p{L}])/u);
  });

  it('puts French no-break spaces before double punctuation', () => {
    const r = engine.compose(request({ language: 'fr', content_type: 'trivia', format: 'quiz' }));
    expect(r.body).toMatch(/\u202f\?|\u00a0:/);
    expect(r.body).not.toMatch(/ [?!:;]/);
  });

  it('makes short < medium < long for every type and format', () => {
    for (const language of ['en', 'de', 'hi'] as const) {
      for (const [content_type, format] of allPairs()) {
        for (const seed of [1, 2, 3]) {
          const [s, m, l] = (['short', 'medium', 'long'] as const).map((length) => words(engine.compose(request({ content_type, format, language, length, seed })).body));
          if (format === 'x_post') {
            // 280 characters leave little room; long may not add anything over medium.
            expect(s).toBeLessThanOrEqual(m);
            expect(m).toBeLessThanOrEqual(l);
          } else {
            expect([content_type, format, language, seed, s < m && m < l]).toEqual([content_type, format, language, seed, true]);
          }
        }
      }
    }
  });

  it('makes visibly different sizes (long well above short)', () => {
    for (const [content_type, format] of allPairs().filter(([, f]) => f !== 'x_post')) {
      const s = words(engine.compose(request({ content_type, format, length: 'short' })).body);
      const l = words(engine.compose(request({ content_type, format, length: 'long' })).body);
      expect([content_type, format, l >= 1.35 * s]).toEqual([content_type, format, true]);
    }
  });

  it('never exceeds platform limits, before or after disclosure (property-style over many seeds)', () => {
    const rng = new Rng(2024);
    const pairs = allPairs();
    const platforms: Array<Platform | null> = [null, ...PLATFORMS];
    const longClaims = ['an exceptionally long claim that keeps going to stress every limit we have on every platform there is', 'ultra-wide 😀 emoji claim', '超长续航'];
    for (let i = 0; i < 600; i++) {
      const [content_type, format] = rng.pick(pairs);
      const language = rng.pick(LANGS);
      const platform = rng.pick(platforms);
      const product = { ...PRODUCTS[language], key_claims: rng.chance(0.4) ? [...PRODUCTS[language].key_claims, ...longClaims] : PRODUCTS[language].key_claims };
      const req = request({
        content_type, format, language, platform, product, length: rng.pick(['short', 'medium', 'long'] as const), seed: i,
        agent: rng.pick(Object.values(PERSONAS)), compliance_mode: rng.pick(['standard', 'strict', 'off'] as const), sponsored: rng.chance(0.7),
      });
      const final = finalizeForRequest(engine.compose(req), req);
      expect([i, content_type, format, platform, platformViolations(final, platform, format)]).toEqual([i, content_type, format, platform, []]);
    }
  });

  it('respects X by construction: a normal brief is not cut by the final fit', () => {
    for (const language of LANGS) {
      for (const [content_type] of allPairs()) {
        for (const seed of [1, 2, 3, 4]) {
          const req = request({ content_type, format: 'x_post', language, length: 'long', seed });
          const composed = engine.compose(req);
          const final = finalizeForRequest(composed, req);
          expect(final.caption).not.toContain('…');
          expect(final.caption.startsWith(final.disclosures.join(' · '))).toBe(true);
        }
      }
    }
  });

  it('never claims first-hand use, never invents customers, never makes health or money claims on its own', () => {
    for (const language of LANGS) {
      for (const [content_type, format] of allPairs()) {
        for (const length of ['short', 'long'] as const) {
          const r = engine.compose(request({ content_type, format, language, length }));
          const all = [r.title ?? '', r.body, r.caption].join('\n');
          expect([language, content_type, format, claimsFirstHandUse(all)]).toEqual([language, content_type, format, false]);
          expect(inventsCustomer(all)).toBe(false);
          expect(findRiskyClaims(all)).toEqual([]);
        }
      }
    }
  });

  it('labels testimonials as the persona’s illustrative voice in every format and language', () => {
    const markers: Record<string, RegExp> = {
      en: /not a customer testimonial/, de: /kein Kundenzitat/, fr: /pas un témoignage client/, es: /no es un testimonio de cliente/, hi: /किसी ग्राहक की राय नहीं/,
    };
    for (const language of LANGS) {
      for (const [, format] of allPairs().filter(([t]) => t === 'testimonial')) {
        const r = engine.compose(request({ content_type: 'testimonial', format, language, length: 'short' }));
        expect(r.body).toMatch(markers[language]);
      }
    }
  });

  it('writes reviews with pros, cons and a verdict, and launch threads as numbered posts', () => {
    const review = engine.compose(request({ content_type: 'product_review', format: 'article', length: 'long' }));
    expect(review.sections?.map((s) => s.kind)).toEqual(expect.arrayContaining(['pros', 'cons', 'verdict']));
    expect(review.body).toMatch(/\nPros\n[\s\S]*\nCons\n[\s\S]*\nVerdict\n/);
    const thread = engine.compose(request({ content_type: 'product_launch', format: 'thread', platform: 'x' }));
    const posts = thread.sections ?? [];
    expect(posts.length).toBe(5);
    posts.forEach((p, i) => expect(p.text.startsWith(`${i + 1}/5 `)).toBe(true));
  });

  it('writes press releases with dateline, headline, boilerplate and end mark', () => {
    const r = engine.compose(request({ content_type: 'product_launch', format: 'press_release', length: 'long' }));
    expect(r.title).toBe(r.body.split('\n')[0]);
    expect(r.title).toMatch(/^Voltra (introduces|unveils) EV Series X Pro/);
    expect(r.body).toContain('March 12, 2025 – ');
    expect(r.body).toMatch(/About VELO\nVELO is a virtual creator powered by AI/);
    expect(r.body.trim().endsWith('###')).toBe(true);
  });

  it('writes trivia questions and quizzes with their answers', () => {
    const quiz = engine.compose(request({ content_type: 'trivia', format: 'quiz', length: 'medium' }));
    const questions = quiz.sections?.filter((s) => s.kind === 'question') ?? [];
    expect(questions).toHaveLength(5);
    const key = quiz.sections?.find((s) => s.kind === 'answer_key')?.text ?? '';
    expect(key.split('\n')).toHaveLength(5);
    // Multiple-choice answers point at an option that really is the product's.
    for (const line of key.split('\n')) {
      const m = /^\d+\. ([ABC])\) (.+?) – /.exec(line);
      if (m) expect(['long-distance commuting', ...PRODUCTS.en.key_claims, ...(PRODUCTS.en.key_features ?? [])]).toContain(m[2]);
    }
    const question = engine.compose(request({ content_type: 'trivia', format: 'question' }));
    expect(question.body).toMatch(/Answer: /);
  });

  it('writes lead-magnet emails with a subject and video scripts with timed scenes', () => {
    const email = engine.compose(request({ content_type: 'lead_magnet', format: 'email' }));
    expect(email.title).toBeTruthy();
    expect(email.sections?.[0]).toMatchObject({ kind: 'subject', text: email.title });
    expect(email.body).toMatch(/^(Hi there|Hello),/);
    const video = engine.compose(request({ content_type: 'product_review', format: 'video_script', length: 'long' }));
    const scenes = video.sections ?? [];
    expect(scenes[0].timing).toEqual({ start: 0, end: 4 });
    expect(scenes[scenes.length - 1].timing?.end).toBe(60);
    for (let i = 1; i < scenes.length; i++) expect(scenes[i].timing?.start).toBe(scenes[i - 1].timing?.end);
    expect(video.body).toMatch(/\[0:00–0:04\] Hook\nVisual: .+\nOn-screen text: .+\nVoiceover: .+/);
  });

  it('follows the persona: register, emoji level and signature phrase', () => {
    const velo = engine.compose(request({ content_type: 'product_launch', format: 'instagram_caption', length: 'long' }));
    expect(velo.body).toContain('Drive the future');
    expect(velo.body).toMatch(/🚗/);
    const nova = engine.compose(request({ agent: PERSONAS.nova, content_type: 'product_launch', format: 'linkedin_post' }));
    expect(nova.body).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('omits the CTA when asked', () => {
    const r = engine.compose(request({ include_cta: false }));
    expect(r.cta).toBeNull();
    expect(r.body).not.toMatch(/link in bio/);
  });

  it('refuses languages it cannot write natively', () => {
    expect(() => engine.compose(request({ language: 'ja' }))).toThrow(GenerationError);
  });

  it('streams the body word by word and reports usage', async () => {
    const req = request({ content_type: 'product_review', format: 'article', length: 'long' });
    const { chunks, usage, result } = await collect(req);
    expect(chunks.join('')).toBe(result.body);
    expect(chunks.length).toBe(words(result.body));
    expect(result).toEqual(engine.compose(req));
    expect(usage.model).toBe(TEMPLATE_MODEL);
    expect(usage.outputTokens).toBeGreaterThanOrEqual(chunks.length);
    expect(usage.inputTokens).toBeGreaterThan(0);
  });

  it('stops streaming when the signal aborts', async () => {
    const controller = new AbortController();
    const s = engine.stream(request({ format: 'article', length: 'long' }), { signal: controller.signal });
    const seen: string[] = [];
    await expect((async () => {
      for await (const c of s) {
        seen.push(c);
        if (seen.length === 3) controller.abort();
      }
    })()).rejects.toMatchObject({ code: 'aborted' });
    expect(seen).toHaveLength(3);
    await expect(s.usage).rejects.toMatchObject({ code: 'aborted' });
  });

  it('answers generateObject with its own structure when the schema fits', async () => {
    const { object, usage } = await engine.generateObject(request(), generatedContentSchema);
    expect(object.body.length).toBeGreaterThan(0);
    expect(usage.model).toBe(TEMPLATE_MODEL);
  });
});
