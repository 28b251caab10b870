import {
  applyCompliance, captionDisclosureLine, claimsFirstHandUse, complianceInstructions, disclosuresFor, findRiskyClaims,
  illustrativeLabel, inventsCustomer, type ComplianceContext,
} from './compliance';

const ctx = (over: Partial<ComplianceContext> = {}): ComplianceContext => ({
  mode: 'standard', language: 'en', sponsored: true, format: 'instagram_caption', agentName: 'VELO', ...over,
});

const post = (body: string, hashtags: string[] = ['#EV']) => ({ body, caption: `${body}\n\n${hashtags.join(' ')}`, hashtags });

describe('disclosures', () => {
  it.each([
    ['en', ['#ad', 'AI-generated']],
    ['de', ['#Werbung', 'KI-generiert']],
    ['fr', ['#publicité', 'Généré par IA']],
    ['es', ['#publicidad', 'Generado con IA']],
    ['hi', ['#विज्ञापन', '#ad', 'एआई-जनित']],
    ['ja', ['#ad', 'AI-generated']],
  ])('uses the local ad disclosure and AI label in %s', (language, expected) => {
    expect(disclosuresFor({ mode: 'standard', language, sponsored: true }).disclosures).toEqual(expected);
  });

  it('places the disclosure first in caption and body of sponsored posts', () => {
    const r = applyCompliance(post('Meet EV Series X Pro.'), ctx());
    expect(r.caption.split('\n')[0]).toBe('#ad · AI-generated');
    expect(r.body.split('\n')[0]).toBe('#ad · AI-generated');
    expect(r.disclosures).toEqual(['#ad', 'AI-generated']);
    expect(r.requiresReview).toBe(false);
  });

  it('labels AI content that is not sponsored, without an ad tag', () => {
    const r = applyCompliance(post('Meet EV Series X Pro.'), ctx({ sponsored: false }));
    expect(r.disclosures).toEqual(['AI-generated']);
    expect(r.caption.startsWith('AI-generated\n')).toBe(true);
  });

  it('uses words in long documents and on email, hashtags in social captions', () => {
    const doc = applyCompliance({ body: 'Article text.', caption: 'Teaser.' }, ctx({ format: 'article', language: 'de' }));
    expect(doc.body.startsWith('Werbung · KI-generiert\n')).toBe(true);
    expect(doc.caption.startsWith('#Werbung · KI-generiert\n')).toBe(true);
    const email = applyCompliance({ body: 'Hello,', caption: 'Teaser.' }, ctx({ format: 'email', platform: 'email' }));
    expect(email.caption.startsWith('Advertisement · AI-generated\n')).toBe(true);
    expect(captionDisclosureLine({ mode: 'standard', language: 'en', sponsored: true, platform: 'threads', format: 'post' })).toBe('Advertisement · AI-generated');
  });

  it('does not repeat a disclosure the text already carries and is idempotent', () => {
    const first = applyCompliance(post('Meet EV Series X Pro. #ad', ['#EV', '#ad', '#Sponsored']), ctx());
    expect(first.caption.match(/#ad/g)).toHaveLength(1);
    expect(first.hashtags).toEqual(['#EV']);
    const second = applyCompliance({ body: first.body, caption: first.caption, hashtags: first.hashtags }, ctx());
    expect(second.caption).toBe(first.caption);
    expect(second.body).toBe(first.body);
  });

  it('adds nothing and removes nothing when compliance is off', () => {
    const input = post('I tried it and it cures acne. One of our customers said it changed her life.');
    const r = applyCompliance(input, ctx({ mode: 'off' }));
    expect(r).toMatchObject({ body: input.body, caption: input.caption, disclosures: [], flags: [], requiresReview: false, review: null });
  });
});

describe('virtual persona rules', () => {
  it('rewrites first-hand testing claims into honest research language', () => {
    const r = applyCompliance(post('I tried the EV Series X Pro on a long drive. The range is 800 km.'), ctx());
    expect(r.body).toContain('I looked into the EV Series X Pro on a long drive.');
    expect(r.flags).toEqual([expect.objectContaining({ code: 'first_hand_claim', action: 'rewritten', severity: 'warning' })]);
    expect(r.requiresReview).toBe(false);
  });

  it('removes first-hand use it cannot rewrite, in every language', () => {
    const cases: Array<[string, string]> = [
      ['en', 'I’ve been wearing them every day. Great grip.'],
      ['de', 'Ich habe die Schuhe drei Wochen getragen. Toller Grip.'],
      ['fr', 'J’ai porté ces chaussures tout l’été. Super adhérence.'],
      ['es', 'He usado estas zapatillas a diario. Gran agarre.'],
      ['hi', 'मैंने इन जूतों को रोज़ पहना। शानदार ग्रिप।'],
    ];
    for (const [language, text] of cases) {
      const r = applyCompliance(post(text), ctx({ language }));
      expect(r.flags.map((f) => [f.code, f.action])).toEqual([['first_hand_claim', 'removed']]);
      expect(claimsFirstHandUse(r.body)).toBe(false);
      expect(r.body).toMatch(/Grip|grip|adhérence|agarre|ग्रिप/);
    }
  });

  it('holds first-hand claims for review in strict mode', () => {
    const r = applyCompliance(post('My skin has never looked better.'), ctx({ mode: 'strict' }));
    expect(r.requiresReview).toBe(true);
    expect(r.review).toEqual({ status: 'pending_review', reasons: [expect.stringMatching(/^first_hand_claim: /)] });
  });

  it('never invents customers: quotes, names, ratings and "verified buyer" lines go and the item is held', () => {
    for (const text of [
      'One of our customers said it changed everything. Available now.',
      '“Best car ever” — Sarah K. Available now.',
      '★★★★★ Available now.',
      'Verified buyer: love it. Available now.',
      'Eine zufriedene Kundin sagt: perfekt. Available now.',
      'Une cliente témoigne : parfait. Available now.',
      'Una cliente dice que es perfecto. Available now.',
      'ग्राहक ने कहा कि यह शानदार है। Available now.',
    ]) {
      const r = applyCompliance(post(text), ctx());
      expect([text, r.flags.map((f) => f.code)]).toEqual([text, ['invented_customer']]);
      expect(r.requiresReview).toBe(true);
      expect(r.body).toContain('Available now.');
      expect(inventsCustomer(r.body)).toBe(false);
    }
  });

  it('labels testimonials as the persona’s illustrative voice when a model forgot to', () => {
    const r = applyCompliance(post('“For long commutes, the range is what counts.” — VELO'), ctx({ contentType: 'testimonial' }));
    expect(r.body).toContain(illustrativeLabel('en', 'VELO'));
    expect(r.caption).toContain('not a customer testimonial');
    expect(r.flags.map((f) => f.code)).toEqual(['missing_illustrative_label']);
    const already = applyCompliance(post(`Quote. ${illustrativeLabel('de', 'VELO')}`), ctx({ contentType: 'testimonial', language: 'de' }));
    expect(already.flags).toEqual([]);
  });
});

describe('strict mode claims', () => {
  it.each([
    'This serum cures acne in a week.',
    'Clinically proven to boost your immune system.',
    'Guaranteed weight loss: lose 10 kg in a month.',
    'Treats insomnia naturally.',
    'Heilt Ekzeme in wenigen Tagen.',
    'Cliniquement prouvé, sans effets secondaires.',
    'Cura el acné para siempre.',
    'यह डायबिटीज़ का इलाज है।',
  ])('blocks the health claim in "%s" and holds the item', (text) => {
    const r = applyCompliance(post(`${text} Ships in ivory.`), ctx({ mode: 'strict' }));
    expect(r.flags.some((f) => f.code === 'health_claim' && f.action === 'removed')).toBe(true);
    expect(r.requiresReview).toBe(true);
    expect(r.review?.status).toBe('pending_review');
    expect(r.body).toContain('Ships in ivory.');
    expect(findRiskyClaims(r.body)).toEqual([]);
  });

  it.each([
    'Guaranteed returns of 12% a year.',
    'Completely risk-free investing.',
    'Get rich quick with our app.',
    'Double your money in 30 days.',
    'Garantierte Rendite ohne Risiko.',
    'Un rendement garanti, sans risque.',
    'Rentabilidad garantizada y sin riesgo.',
    'गारंटीड रिटर्न, बिना जोखिम।',
  ])('blocks the financial claim in "%s"', (text) => {
    const r = applyCompliance(post(`${text} Learn more.`), ctx({ mode: 'strict' }));
    expect(r.flags.some((f) => f.code === 'financial_claim')).toBe(true);
    expect(r.requiresReview).toBe(true);
    expect(r.body).toContain('Learn more.');
  });

  it('flags risky claims in the brand brief even when the output avoided them', () => {
    const r = applyCompliance(post('A closer look at the new serum.'), ctx({ mode: 'strict', productClaims: ['cures acne', 'vegan formula'] }));
    expect(r.flags).toEqual([expect.objectContaining({ code: 'health_claim', source: 'product', action: 'flagged' })]);
    expect(r.review?.reasons).toEqual(['health_claim: cures acne']);
  });

  it('leaves health and money claims alone in standard mode', () => {
    const r = applyCompliance(post('Clinically proven comfort. Risk-free returns within 30 days.'), ctx());
    expect(r.flags).toEqual([]);
    expect(r.body).toContain('Clinically proven comfort.');
  });

  it('does not mistake ordinary words for claims', () => {
    for (const text of ['A secure, healthy routine.', 'Une finition soignée.', 'Se trata de un diseño seguro.', 'Procura un buen ajuste.', 'Health check: done.']) {
      expect([text, findRiskyClaims(text)]).toEqual([text, []]);
    }
  });

  it('keeps line structure when it removes a sentence', () => {
    const body = 'Pros\n• Cures acne.\n• Vegan formula.\n\nVerdict\nWorth a look.';
    const r = applyCompliance({ body, caption: 'Teaser.' }, ctx({ mode: 'strict', format: 'article', sponsored: false }));
    expect(r.body).toBe('AI-generated\nPros\n• Vegan formula.\n\nVerdict\nWorth a look.');
  });
});

describe('instructions for remote models', () => {
  it('asks for compliant text up front and says more in strict mode', () => {
    expect(complianceInstructions(ctx({ mode: 'off' }))).toEqual([]);
    const standard = complianceInstructions(ctx()).join('\n');
    expect(standard).toMatch(/Never claim to have used/);
    const strict = complianceInstructions(ctx({ mode: 'strict', contentType: 'testimonial' })).join('\n');
    expect(strict).toMatch(/health claims/);
    expect(strict).toMatch(/illustrative voice/);
  });
});
