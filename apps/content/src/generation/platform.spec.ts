import { PLATFORM_LIMITS } from '@influgentic/contracts';
import { assembleCaption, countHashtags, fitToPlatform, limitsFor, platformViolations } from './platform';
import { measure, truncateOnWord, xWeightedLength } from './text';
import type { GeneratedContent } from './types';

const tags = (n: number) => Array.from({ length: n }, (_, i) => `#tag${i + 1}`);

function piece(text: string, hashtags: string[] = [], extra: Partial<GeneratedContent> = {}): GeneratedContent {
  return { title: null, body: text, caption: assembleCaption(text, hashtags), hashtags, cta: null, ...extra };
}

const long = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('platform limits table', () => {
  it('matches the platforms’ documented limits', () => {
    expect(PLATFORM_LIMITS.x.caption_max_chars).toBe(280);
    expect(PLATFORM_LIMITS.instagram).toMatchObject({ caption_max_chars: 2200, max_hashtags: 30 });
    expect(PLATFORM_LIMITS.tiktok).toMatchObject({ caption_max_chars: 2200, max_hashtags: 30 });
    expect(PLATFORM_LIMITS.linkedin.caption_max_chars).toBe(3000);
    expect(PLATFORM_LIMITS.youtube).toMatchObject({ caption_max_chars: 5000, title_max_chars: 100 });
    expect(PLATFORM_LIMITS.threads).toMatchObject({ caption_max_chars: 500, max_hashtags: 1 });
  });

  it('takes the stricter of the requested platform and the platform a format names', () => {
    expect(limitsFor('instagram', 'x_post')).toMatchObject({ captionMax: 280, counting: 'x_weighted', maxHashtags: 30 });
    expect(limitsFor(null, 'linkedin_post').captionMax).toBe(3000);
    expect(limitsFor(null, 'article').captionMax).toBeNull();
    expect(limitsFor('threads', 'post').maxHashtags).toBe(1);
  });
});

describe('X weighted length', () => {
  it('counts Latin and Devanagari as 1, CJK and emoji as 2, links as 23', () => {
    expect(xWeightedLength('hello')).toBe(5);
    expect(xWeightedLength('नमस्ते')).toBe([...'नमस्ते'].length);
    expect(xWeightedLength('日本')).toBe(4);
    expect(xWeightedLength('👍🏽')).toBe(2);
    expect(xWeightedLength('👨‍👩‍👧')).toBe(2);
    expect(xWeightedLength('see https://example.com/a/very/long/path/that/goes/on')).toBe(4 + 23);
  });
});

describe('truncateOnWord', () => {
  it('cuts on a word boundary with an ellipsis and never exceeds the limit', () => {
    const t = truncateOnWord('The quick brown fox jumps over the lazy dog', 20);
    expect(t).toBe('The quick brown fox…');
    expect([...t].length).toBeLessThanOrEqual(20);
  });

  it('prefers ending on a full sentence when one is close', () => {
    expect(truncateOnWord('First sentence here. Second sentence is much longer than that.', 34)).toBe('First sentence here.');
  });

  it('never splits an emoji or a Devanagari cluster', () => {
    const t = truncateOnWord('नमस्ते दुनिया 👍🏽👍🏽👍🏽', 12, 'x_weighted');
    expect(xWeightedLength(t)).toBeLessThanOrEqual(12);
    expect(t).not.toMatch(/\uFFFD/);
  });
});

describe('fitToPlatform', () => {
  it('fits X at 280 including hashtags and the disclosure line, keeping the disclosure whole', () => {
    const line = '#ad · AI-generated';
    const text = long(80);
    const input = piece(`${line}\n${text}`, ['#EV', '#Tech', '#Launch']);
    const out = fitToPlatform(input, 'x', 'x_post', { disclosureLine: line });
    expect(xWeightedLength(out.caption)).toBeLessThanOrEqual(280);
    expect(out.caption.startsWith(`${line}\n`)).toBe(true);
    expect(out.caption).toMatch(/…/);
    expect(xWeightedLength(out.body)).toBeLessThanOrEqual(280);
    expect(platformViolations(out, 'x', 'x_post')).toEqual([]);
  });

  it('drops hashtags before cutting words', () => {
    const text = long(40); // ~270 characters
    const out = fitToPlatform(piece(text, ['#one', '#two', '#three']), 'x', 'x_post');
    expect(out.caption.startsWith(text)).toBe(true);
    expect(measure(out.caption, 'x_weighted')).toBeLessThanOrEqual(280);
  });

  it('caps hashtags at 30 on Instagram, counting the ones in the text and the disclosure', () => {
    const out = fitToPlatform(piece('Caption with #inline tag.', tags(40)), 'instagram', 'instagram_caption', {});
    expect(countHashtags(out.caption)).toBe(30);
    expect(out.hashtags).toHaveLength(29);
    const withAd = fitToPlatform(piece('#ad · AI-generated\nCaption.', tags(40)), 'instagram', 'instagram_caption', { disclosureLine: '#ad · AI-generated' });
    expect(countHashtags(withAd.caption)).toBe(30);
  });

  it('never lets more than 30 hashtags through, whatever the platform', () => {
    for (const platform of [null, 'facebook', 'linkedin', 'blog'] as const) {
      const out = fitToPlatform(piece('Text.', tags(50)), platform, 'social_post');
      expect(countHashtags(out.caption)).toBeLessThanOrEqual(30);
    }
  });

  it('keeps Threads to 500 characters and one tag, YouTube to 15 tags and a 100-character title', () => {
    const threads = fitToPlatform(piece(long(200), tags(5)), 'threads', 'social_post');
    expect([...threads.caption].length).toBeLessThanOrEqual(500);
    expect(countHashtags(threads.caption)).toBeLessThanOrEqual(1);
    const yt = fitToPlatform(piece('Description.', tags(20), { title: long(40) }), 'youtube', 'youtube_description');
    expect(countHashtags(yt.caption)).toBe(15);
    expect([...(yt.title ?? '')].length).toBeLessThanOrEqual(100);
  });

  it('cuts each thread post to the per-post limit and leaves room for the disclosure in the first', () => {
    const line = '#ad · AI-generated';
    const posts = [1, 2, 3].map((i) => ({ kind: 'post', heading: null, text: `${i}/3 ${long(70)}` }));
    const input: GeneratedContent = { title: null, body: `${line}\n${posts.map((p) => p.text).join('\n\n')}`, caption: 'Teaser', hashtags: [], cta: null, sections: posts };
    const out = fitToPlatform(input, 'x', 'thread', { disclosureLine: line });
    for (const s of out.sections ?? []) expect(xWeightedLength(s.text)).toBeLessThanOrEqual(280);
    expect(xWeightedLength(`${line}\n${out.sections?.[0].text}`)).toBeLessThanOrEqual(280);
    expect(out.body.startsWith(`${line}\n1/3 `)).toBe(true);
  });

  it('leaves documents’ bodies alone and fits only their share caption', () => {
    const article = piece(long(3000), ['#a'], { caption: assembleCaption(long(100), ['#a']) });
    const out = fitToPlatform(article, 'x', 'article');
    expect(out.body).toBe(article.body);
    expect(xWeightedLength(out.caption)).toBeLessThanOrEqual(280);
  });

  it('does not touch a piece that already fits', () => {
    const p = piece('Short and sweet.', ['#ok']);
    expect(fitToPlatform(p, 'x', 'x_post')).toEqual(p);
  });
});
