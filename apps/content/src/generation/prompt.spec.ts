import { buildPrompt, structureFromText } from './prompt';
import { request, PERSONAS } from './testing/fixtures';

describe('buildPrompt', () => {
  it('carries persona, product, format, language, limits and compliance rules', () => {
    const { system, prompt } = buildPrompt(request({ language: 'de', format: 'x_post', platform: 'x', compliance_mode: 'strict' }));
    expect(system).toContain('You are VELO');
    expect(system).toContain(PERSONAS.velo.persona_prompt as string);
    expect(system).toMatch(/Never claim to have used/);
    expect(system).toMatch(/no health claims/);
    expect(prompt).toContain('Product: EV Series X Pro by Voltra.');
    expect(prompt).toContain('800 km Reichweite');
    expect(prompt).toContain('Language: German (de)');
    expect(prompt).toMatch(/must fit in \d+ characters/);
    expect(prompt).toMatch(/Finish with one line of \d+ relevant hashtags/);
  });

  it('asks for a title line only where the format has one', () => {
    expect(buildPrompt(request({ format: 'article' })).prompt).toContain('Put the title on the first line');
    expect(buildPrompt(request({ format: 'email', content_type: 'lead_magnet' })).prompt).toContain('subject line');
    expect(buildPrompt(request({ format: 'instagram_caption' })).prompt).toContain('Do not add a title.');
  });
});

describe('structureFromText', () => {
  it('splits title, body, CTA and hashtags', () => {
    const r = structureFromText('# The EV that goes the distance\n\nIntro paragraph.\n\nMore text.\n\nRead the full specs → link in bio\n\n#EV #Range', request({ format: 'article' }));
    expect(r).toMatchObject({ title: 'The EV that goes the distance', cta: 'Read the full specs → link in bio', hashtags: ['#EV', '#Range'] });
    expect(r.body.startsWith('Intro paragraph.')).toBe(true);
    expect(r.body).not.toContain('#EV');
    expect(r.caption).toMatch(/^Intro paragraph\.\n\nRead the full specs → link in bio\n\n#EV #Range$/);
  });

  it('reads thread posts and video scenes as sections', () => {
    const thread = structureFromText('1/2 First post.\n\n2/2 Second post.', request({ content_type: 'product_launch', format: 'thread' }));
    expect(thread.sections?.map((s) => s.text)).toEqual(['1/2 First post.', '2/2 Second post.']);
    const video = structureFromText('# Title\n[0:00–0:03] Hook\nVisual: car\nVoiceover: Go.\n[0:03–0:10] Product\nVisual: wheel', request({ format: 'video_script' }));
    expect(video.sections).toEqual([
      { kind: 'scene', heading: '[0:00–0:03] Hook', text: 'Visual: car\nVoiceover: Go.', timing: { start: 0, end: 3 } },
      { kind: 'scene', heading: '[0:03–0:10] Product', text: 'Visual: wheel', timing: { start: 3, end: 10 } },
    ]);
  });

  it('keeps a post whole when the model ignored the layout', () => {
    const r = structureFromText('Just one line, no tags.', request({ include_cta: true }));
    expect(r).toMatchObject({ title: null, body: 'Just one line, no tags.', hashtags: [], cta: null });
  });
});
