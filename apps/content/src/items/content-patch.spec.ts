import { editText, normalizeHashtags, withHashtags, type EditableText } from './content-patch';

const item = (over: Partial<EditableText> = {}): EditableText => ({
  title: null, body: 'Fast shoes for long runs.', caption: '#ad\nFast shoes for long runs. Shop now\n\n#running #shoes',
  hashtags: ['#running', '#shoes'], cta: 'Shop now', disclosures: ['#ad'], platform: 'x', format: 'x_post', sections: null, ...over,
});

describe('content PATCH rules', () => {
  it('normalizes hashtags: adds #, drops repeats of any case', () => {
    expect(normalizeHashtags(['Run', '#run', '#Shoes'])).toEqual(['#Run', '#Shoes']);
  });

  it('swaps the trailing hashtag block of the caption', () => {
    expect(withHashtags('Hi\n\n#a #b', ['#a', '#b'], ['#c'])).toBe('Hi\n\n#c');
    expect(withHashtags('Hi\n\n#a #b', ['#a', '#b'], [])).toBe('Hi');
  });

  it('changes nothing when the values are the ones stored', () => {
    const cur = item();
    expect(editText(cur, { caption: cur.caption, hashtags: cur.hashtags, cta: cur.cta, body: cur.body })).toEqual({ changes: {}, errors: [] });
  });

  it('carries new hashtags and a new CTA into the caption', () => {
    const { changes, errors } = editText(item(), { hashtags: ['marathon'], cta: 'Try them today' });
    expect(errors).toEqual([]);
    expect(changes.hashtags).toEqual(['#marathon']);
    expect(changes.cta).toBe('Try them today');
    expect(changes.caption).toBe('#ad\nFast shoes for long runs. Try them today\n\n#marathon');
  });

  it('refuses an X caption over 280 weighted characters, naming the field', () => {
    const { errors } = editText(item(), { caption: `#ad ${'a'.repeat(300)}` });
    expect(errors).toEqual([expect.objectContaining({ field: 'caption', code: 'platform_limit' })]);
  });

  it('counts CJK characters double on X', () => {
    expect(editText(item(), { caption: `#ad ${'字'.repeat(138)}` }).errors).toEqual([]);
    expect(editText(item(), { caption: `#ad ${'字'.repeat(139)}` }).errors).toEqual([expect.objectContaining({ field: 'caption' })]);
  });

  it('refuses a body over the limit of a post format', () => {
    expect(editText(item(), { body: 'b'.repeat(281) }).errors).toEqual([expect.objectContaining({ field: 'body', code: 'platform_limit' })]);
  });

  it('refuses more hashtags than the platform allows', () => {
    const threads = item({ platform: 'threads', format: 'social_post' });
    expect(editText(threads, { hashtags: ['a', 'b'] }).errors.map((e) => e.field)).toContain('caption');
  });

  it('keeps the disclosure labels a caption carried', () => {
    expect(editText(item(), { caption: 'No label here' }).errors).toEqual([expect.objectContaining({ field: 'caption', code: 'disclosure_required' })]);
  });

  it('refuses an empty caption', () => {
    expect(editText(item({ disclosures: [] }), { caption: '   ' }).errors).toEqual([expect.objectContaining({ field: 'caption', code: 'required' })]);
  });
});
