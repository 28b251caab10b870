import { speechRateFor } from './synthesize';
import { isVoiceName, voiceForLanguage } from './voices';

describe('voiceForLanguage', () => {
  it.each([
    ['en', 'en-us'],
    ['en-US', 'en-us'],
    ['en-GB', 'en-gb'],
    ['de-DE', 'de'],
    ['es', 'es'],
    ['fr-CA', 'fr'],
    ['hi', 'hi'],
    ['pt', 'pt'],
    ['pt_BR', 'pt-br'],
    ['it', 'it'],
    ['xx', 'en-us'],
    ['', 'en-us'],
  ])('%s → %s', (language, voice) => {
    expect(voiceForLanguage(language)).toBe(voice);
  });

  it('accepts voice names and variants only', () => {
    expect(isVoiceName('en-us+f3')).toBe(true);
    expect(isVoiceName('--stdout')).toBe(false);
    expect(isVoiceName('de de')).toBe(false);
  });
});

describe('speechRateFor', () => {
  it('spreads the words over the target', () => {
    expect(speechRateFor(30, 12)).toBe(150);
    expect(speechRateFor('one two three four five six seven eight nine ten', 4)).toBe(150);
  });

  it('stays within what espeak-ng speaks well', () => {
    expect(speechRateFor(2, 60)).toBe(80);
    expect(speechRateFor(500, 10)).toBe(260);
    expect(() => speechRateFor(10, 0)).toThrow(RangeError);
  });
});
