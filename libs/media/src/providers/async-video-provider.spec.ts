import { predictionProgress } from './async-video-provider';

describe('predictionProgress', () => {
  it('uses the provider progress, as a fraction or a percentage', () => {
    expect(predictionProgress({ progress: 0.4 }, 0, 1000)).toBe(0.4);
    expect(predictionProgress({ progress: 55 }, 0, 1000)).toBe(0.55);
    expect(predictionProgress({ progress: { percentage: 0.7 } }, 0, 1000)).toBe(0.7);
  });

  it('else takes the last percentage in the logs', () => {
    const logs = 'loading\n 10%|█         | 5/50\n 42%|████▏     | 21/50 [00:10<00:14]\n';
    expect(predictionProgress({ logs }, 0, 1000)).toBe(0.42);
  });

  it('else estimates from elapsed over expected time, never claiming to be done', () => {
    expect(predictionProgress({ logs: 'no numbers here' }, 30_000, 60_000)).toBe(0.5);
    expect(predictionProgress({}, 600_000, 60_000)).toBe(0.95);
  });
});
