import { compose } from './compose';
import { buildPrompt } from './prompt';
import { LANGS, PRODUCTS, request } from './testing/fixtures';
import { registerFor, toneFromGuidance, Writer } from './writer';

/** Week plans pass a trending topic and the brand's guidance into each brief; the offline engine must really use them. */
describe('topic and guidance in the brief', () => {
  it('names the topic in the text and leads the hashtags with it, in every language and platform caption', () => {
    for (const language of LANGS) {
      for (const format of ['instagram_caption', 'x_post', 'linkedin_post', 'tiktok_caption', 'social_post'] as const) {
        const piece = compose(request({ language, format, product: PRODUCTS[language], topic: 'spring reset' }));
        expect([language, format, piece.body.includes('spring reset')]).toEqual([language, format, true]);
        expect([language, format, piece.hashtags[0]]).toEqual([language, format, '#SpringReset']);
      }
    }
  });

  it('leaves a piece without a topic exactly as before', () => {
    const req = request({ format: 'instagram_caption', product: PRODUCTS.en });
    expect(compose({ ...req, topic: null })).toEqual(compose(req));
  });

  it('lets guidance set the register when no tone is asked for; an explicit tone still wins', () => {
    expect(toneFromGuidance('Keep the week education-led and premium.')).toBe('luxury');
    expect(toneFromGuidance('Make it playful')).toBe('energetic');
    expect(toneFromGuidance('No particular direction')).toBeNull();
    expect(registerFor(toneFromGuidance('education-led, technical'))).toBe('expert');
    expect(new Writer(request({ guidance: 'premium and calm', tone: null })).register).toBe('refined');
    expect(new Writer(request({ guidance: 'premium and calm', tone: 'playful' })).register).toBe('bold');
  });

  it('passes both to a remote model', () => {
    const { prompt } = buildPrompt(request({ topic: 'morning routine', guidance: 'Keep the week education-led.' }));
    expect(prompt).toContain('Trending topic to weave in (name it in the text): morning routine.');
    expect(prompt).toContain('Brand guidance for this piece: Keep the week education-led.');
  });
});
