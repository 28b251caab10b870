// Offline speech with the real espeak-ng: clips measured from their WAV headers, joined, and timed as caption cues.
import { fitSpeech, parseWav, synthesizeSpeech, wavDurationSeconds, type SpeechResult } from '@influgentic/media';

const GAP = 0.3;

function expectConsistent(result: SpeechResult, segmentCount: number) {
  const wav = parseWav(result.wav);
  expect(wav.audioFormat).toBe(1);
  expect(wav.sampleRate).toBeGreaterThan(8000);
  // The returned duration is the file's, to the sample.
  expect(wavDurationSeconds(wav)).toBeCloseTo(result.durationSeconds, 6);

  const cues = result.segments;
  expect(cues).toHaveLength(segmentCount);
  expect(cues[0].start).toBe(0);
  for (let i = 1; i < cues.length; i++) {
    expect(cues[i].start).toBe(cues[i - 1].end); // contiguous
    expect(cues[i].end).toBeGreaterThan(cues[i].start);
  }
  // Each cue covers its speech plus the gap after it, so the last one ends with the audio: speech + gaps.
  expect(Math.abs(cues.at(-1)!.end - result.durationSeconds)).toBeLessThan(0.05);
  const spoken = cues.map((c, i) => c.end - c.start - (i < cues.length - 1 ? GAP : 0));
  for (const s of spoken) expect(s).toBeGreaterThan(0.2);
  expect(Math.abs(spoken.reduce((a, b) => a + b, 0) + GAP * (cues.length - 1) - result.durationSeconds)).toBeLessThan(0.05);
}

describe('synthesizeSpeech', () => {
  it('speaks a three-segment English script', async () => {
    const segments = ['Meet the lightest running shoe we have ever made.', 'It grips on wet stone.', 'Try it this weekend!'];
    const result = await synthesizeSpeech({ segments, language: 'en', gapSeconds: GAP });
    expect(result.voice).toBe('en-us');
    expectConsistent(result, 3);
    expect(result.segments.map((c) => c.text)).toEqual(segments);
    // The longest sentence takes the longest.
    const lengths = result.segments.map((c) => c.end - c.start);
    expect(lengths[0]).toBeGreaterThan(lengths[2]);
  });

  it('speaks German with the German voice', async () => {
    const segments = ['Das ist unser leichtester Laufschuh.', 'Er hält auch auf nassem Stein.', 'Probiere ihn am Wochenende aus!'];
    const result = await synthesizeSpeech({ segments, language: 'de-DE', gapSeconds: GAP });
    expect(result.voice).toBe('de');
    expectConsistent(result, 3);
  });

  it('speaks faster at a higher rate', async () => {
    const segments = ['A sentence that takes a little while to say out loud.'];
    const slow = await synthesizeSpeech({ segments, language: 'en', wordsPerMinute: 120 });
    const fast = await synthesizeSpeech({ segments, language: 'en', wordsPerMinute: 240 });
    expect(fast.durationSeconds).toBeLessThan(slow.durationSeconds * 0.75);
  });

  it('stops espeak-ng when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(synthesizeSpeech({ segments: ['Never said.'], language: 'en', signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('fitSpeech', () => {
  it('fills an 8 second target within 15%', async () => {
    const segments = [
      'Meet the lightest running shoe we have ever made.',
      'It grips on wet stone and dries in an hour.',
      'Six bright colours, one price.',
    ];
    const result = await fitSpeech({ segments, language: 'en', targetSeconds: 8, gapSeconds: GAP });
    expect(Math.abs(result.durationSeconds - 8) / 8).toBeLessThan(0.15);
    expect([1, 2]).toContain(result.attempts);
    expectConsistent(result, 3);
  });
});
