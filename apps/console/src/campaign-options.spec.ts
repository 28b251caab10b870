import { campaignTypesFor, contentTypesFor, formatsForContentType, outputFormatsFor } from './campaign-options';

const velo = { use_cases: ['product_launch', 'review', 'lead_gen'], languages: ['en', 'de'], capabilities: { content_types: ['product_review', 'product_launch'] } };

describe('what the forms offer for an agent', () => {
  it('offers only the campaign types the agent supports', () => {
    expect(campaignTypesFor(velo)).toEqual(['product_launch', 'review', 'lead_gen']);
    expect(campaignTypesFor({ ...velo, use_cases: ['unheard_of'] })).toHaveLength(8);
  });

  it('offers the content types it declares and their formats plus platform formats', () => {
    expect(contentTypesFor(velo)).toEqual(['product_review', 'product_launch']);
    expect(formatsForContentType('trivia').slice(0, 3)).toEqual(['question', 'quiz', 'thread']);
    expect(formatsForContentType('trivia')).toContain('x_post');
    const formats = outputFormatsFor(velo);
    expect(formats).toContain('press_release');
    expect(formats).not.toContain('quiz');
    expect(new Set(formats).size).toBe(formats.length);
  });
});
