import { finalizeForRequest, platformViolations, structureFromText, TemplateEngine, type GenerationRequest } from '../generation';
import { allPairs, LANGS, request } from '../generation/testing/fixtures';
import { LiveBody, settledLength } from './live-body';

const engine = new TemplateEngine();

async function streamThrough(req: GenerationRequest, opts: { live: boolean; minIntervalMs?: number } = { live: true }) {
  const chunks: string[] = [];
  const body = new LiveBody(req, (c) => chunks.push(...c), opts);
  body.begin();
  const s = engine.stream(req);
  let beforeEnd = 0;
  for await (const piece of s) body.push(piece);
  beforeEnd = chunks.join('').length;
  const final = body.finish(await s.result);
  return { chunks, final, beforeEnd, diverged: body.diverged };
}

/** A remote model's text arriving a few characters at a time. */
function feedText(req: GenerationRequest, text: string, step = 3) {
  const chunks: string[] = [];
  const timeline: string[] = [];
  const body = new LiveBody(req, (c) => { chunks.push(...c); timeline.push(chunks.join('')); });
  body.begin();
  for (let i = 0; i < text.length; i += step) body.push(text.slice(i, i + step));
  const final = body.finish(structureFromText(text, req));
  return { chunks, final, timeline, diverged: body.diverged };
}

describe('settledLength', () => {
  it('ends at complete sentences and lines, never after a bare list number', () => {
    expect(settledLength('One. Two')).toBe('One. '.length);
    expect(settledLength('One')).toBe(0);
    expect(settledLength('Line one\nLine')).toBe('Line one\n'.length);
    expect(settledLength('1. I drove it')).toBe(0);
    expect(settledLength('1. I drove it. Next')).toBe('1. I drove it. '.length);
    expect(settledLength('नमस्ते। आगे')).toBe('नमस्ते। '.length);
    expect(settledLength('Price 54.900 EUR')).toBe(0);
    // Resuming from an earlier boundary finds the same answer as a scan from the start.
    const text = 'One. 2. Two here. Three';
    expect(settledLength(text, 'One. '.length)).toBe(settledLength(text));
  });
});

describe('LiveBody with the offline engine', () => {
  it('sends exactly the stored body for every type × format pair in every language', async () => {
    for (const language of LANGS) {
      for (const [content_type, format] of allPairs()) {
        for (const length of ['short', 'long'] as const) {
          const req = request({ language, content_type, format, length, seed: `${language}${format}` });
          const { chunks, final, diverged } = await streamThrough(req);
          const expected = finalizeForRequest(engine.compose(req), req);
          expect({ pair: `${language} ${content_type} ${format} ${length}`, same: chunks.join('') === final.body, diverged })
            .toEqual({ pair: `${language} ${content_type} ${format} ${length}`, same: true, diverged: false });
          expect(final.body).toBe(expected.body);
          expect(final.caption).toBe(expected.caption);
          expect(platformViolations(final, req.platform, req.format)).toEqual([]);
        }
      }
    }
  });

  it('sends the disclosure line before the first generated word', async () => {
    const req = request({ content_type: 'product_review', format: 'article', language: 'de' });
    const { chunks } = await streamThrough(req);
    expect(chunks.join('').startsWith('Werbung · KI-generiert\n')).toBe(true);
    expect(chunks[0]).toBe('Werbung ');
  });

  it('streams most of a long piece before the generator finishes', async () => {
    const req = request({ content_type: 'product_review', format: 'article', length: 'long' });
    const { final, beforeEnd } = await streamThrough(req);
    expect(beforeEnd).toBeGreaterThan(final.body.length * 0.8);
  });

  it('gives the same body when nothing is sent live (the JSON answer)', async () => {
    const req = request({ content_type: 'trivia', format: 'quiz', language: 'fr' });
    const live = await streamThrough(req);
    const quiet = await streamThrough(req, { live: false });
    expect(quiet.final.body).toBe(live.final.body);
  });
});

describe('LiveBody with model text', () => {
  it('holds back a health claim in strict mode and never sends it', () => {
    const req = request({ compliance_mode: 'strict', format: 'instagram_caption' });
    const text = 'The EV Series X Pro is built for long drives. It cures fatigue on long trips. Range is 800 km per charge.\n\nSee the specs today.\n\n#EV #Range';
    const { chunks, final, timeline, diverged } = feedText(req, text);
    expect(diverged).toBe(false);
    expect(chunks.join('')).toBe(final.body);
    expect(timeline.some((t) => /cures/.test(t))).toBe(false);
    expect(final.requiresReview).toBe(true);
    expect(final.body).toMatch(/800 km/);
  });

  it('rewrites a first-hand claim before it goes out', () => {
    const req = request({ format: 'post' });
    const text = 'I have tested the EV Series X Pro on the motorway. It charges in 15 minutes.\n#EV';
    const { chunks, final } = feedText(req, text, 2);
    expect(chunks.join('')).toBe(final.body);
    expect(final.body).toMatch(/I’ve looked into the EV Series X Pro/);
    expect(chunks.join('')).not.toMatch(/tested/);
  });

  it('drops the title line and the hashtag line from the body, as the stored item does', () => {
    const req = request({ format: 'article', content_type: 'product_review' });
    const text = '# Why range matters\nRange is the first question. The answer here is 800 km.\n\nCharging takes 15 minutes.\n\n#EV #Range';
    const { chunks, final } = feedText(req, text, 5);
    expect(chunks.join('')).toBe(final.body);
    expect(final.title).toBe('Why range matters');
    expect(final.body).not.toMatch(/#EV/);
  });

  it('cuts an over-long post on the platform limit and still sends exactly the stored body', () => {
    const req = request({ format: 'x_post', platform: 'x' });
    const text = Array.from({ length: 30 }, (_, i) => `Sentence number ${i + 1} says something about range.`).join(' ');
    const { chunks, final, diverged } = feedText(req, text, 4);
    expect(diverged).toBe(false);
    expect(chunks.join('')).toBe(final.body);
    expect(platformViolations(final, 'x', 'x_post')).toEqual([]);
  });

  it('keeps the testimonial label in the stream when the model writes it itself', () => {
    const req = request({ content_type: 'testimonial', format: 'quote' });
    const text = 'Illustrative quote in VELO’s voice (AI persona), not a customer testimonial.\nIf I were commuting 100 km a day, 800 km of range would settle it.';
    const { chunks, final, diverged } = feedText(req, text, 4);
    expect(diverged).toBe(false);
    expect(chunks.join('')).toBe(final.body);
    expect(final.body.match(/not a customer testimonial/g)).toHaveLength(1);
  });
});
