import { EMPTY_BUILDER_FORM, toCreateAgentParams, trainingSettled } from './agent-builder-form';

describe('toCreateAgentParams', () => {
  it('sends only what was filled in, with lists split, trimmed and de-duplicated', () => {
    const params = toCreateAgentParams({
      ...EMPTY_BUILDER_FORM, name: '  Nova ', category: 'beauty', personaPrompt: ' A skincare chemist. ',
      expertise: 'skincare, retinoids\nskincare,  ', languages: ['en', 'fr'], otherLanguages: 'FR, sv', toneModes: ['calm'],
      otherTones: 'calm, nerdy', useCases: ['review'], timezone: 'Europe/Paris',
    });
    expect(params).toEqual({
      name: 'Nova', category: 'beauty', persona_prompt: 'A skincare chemist.', expertise_domains: ['skincare', 'retinoids'],
      languages: ['en', 'fr', 'sv'], use_cases: ['review'], tone_modes: ['calm', 'nerdy'], visibility: 'private', timezone: 'Europe/Paris',
    });
  });

  it('keeps the required fields even when blank, so the API names each one', () => {
    const params = toCreateAgentParams({ ...EMPTY_BUILDER_FORM, languages: [], visibility: '' });
    expect(params).toEqual({ name: '', category: '', persona_prompt: '' });
  });

  it('treats every status but training as the end of training', () => {
    expect(trainingSettled('training')).toBe(false);
    expect(trainingSettled('ready')).toBe(true);
    expect(trainingSettled('failed')).toBe(true);
  });
});
