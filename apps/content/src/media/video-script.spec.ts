import type { ContentSection } from '../generation';
import { fitScenes, headline, lengthForDuration, scenesFromScript, scenesFromText } from './video-script';

const scene = (heading: string, text: string): ContentSection => ({ kind: 'scene', heading, text });

describe('scenesFromScript', () => {
  it('takes the voiceover and on-screen lines of each scene', () => {
    const scenes = scenesFromScript([
      scene('[0:00–0:03] Hook', 'Visual: close-up of the shoe\nOn-screen text: Pegasus 41\nVoiceover: Ten miles in, my legs still felt fresh.'),
      scene('[0:03–0:08] Product', 'Visual: runner on track\nVoiceover: ReactX foam gives back more energy.'),
    ]);
    expect(scenes).toEqual([
      { headline: 'Pegasus 41', voiceover: 'Ten miles in, my legs still felt fresh.' },
      { headline: 'Product', voiceover: 'ReactX foam gives back more energy.' },
    ]);
  });

  it('reads the labels of other languages and of French typography', () => {
    const scenes = scenesFromScript([
      scene('[0:00–0:03] Hook', 'Bild: Nahaufnahme\nTexteinblendung: Neu\nSprecher: Das ist neu.'),
      scene('[0:00–0:03] Accroche', 'Image\u00a0: gros plan\nVoix off\u00a0: C’est nouveau.'),
    ]);
    expect(scenes.map((s) => s.voiceover)).toEqual(['Das ist neu.', 'C’est nouveau.']);
    expect(scenes[0].headline).toBe('Neu');
  });

  it('drops sections that are not scenes and scenes with nothing to say', () => {
    expect(scenesFromScript([{ kind: 'post', heading: null, text: 'x' }, scene('[0:00–0:02] Empty', 'Visual: a shot')])).toEqual([]);
    expect(scenesFromScript(undefined)).toEqual([]);
  });
});

describe('scenesFromText', () => {
  it('makes one scene per paragraph, the first headed by the scene description', () => {
    const scenes = scenesFromText('First part here.\n\nSecond part there.', 'A sunrise run along the river');
    expect(scenes).toHaveLength(2);
    expect(scenes[0].headline).toBe('A sunrise run along the river');
    expect(scenes[1]).toEqual({ headline: 'Second part there.', voiceover: 'Second part there.' });
  });

  it('splits one paragraph into sentence pairs and merges down to the scene limit', () => {
    const text = Array.from({ length: 20 }, (_, i) => `Sentence ${i}.`).join(' ');
    const scenes = scenesFromText(text, 'x', 4);
    expect(scenes.length).toBeLessThanOrEqual(4);
    expect(scenes.map((s) => s.voiceover).join(' ')).toBe(text);
  });
});

describe('fitting a script to a duration', () => {
  it('keeps whole scenes while they fit and cuts the next at a word', () => {
    const long = { headline: 'h', voiceover: Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ') };
    const fitted = fitScenes([{ headline: 'a', voiceover: 'one two three four five' }, long], 5);
    expect(fitted[0].voiceover).toBe('one two three four five');
    expect(fitted[1].voiceover.split(' ').length).toBe(10);
    expect(fitted[1].voiceover.endsWith('…')).toBe(true);
  });

  it('always keeps at least one scene', () => {
    const fitted = fitScenes([{ headline: 'h', voiceover: Array.from({ length: 100 }, () => 'word').join(' ') }], 5);
    expect(fitted).toHaveLength(1);
  });

  it('maps durations to writer lengths and shortens headlines', () => {
    expect([lengthForDuration(8), lengthForDuration(30), lengthForDuration(60)]).toEqual(['short', 'medium', 'long']);
    expect(headline('one two three four five six seven eight nine ten')).toBe('one two three four five six seven eight…');
    expect(headline('Short one. Then more.')).toBe('Short one.');
  });
});
