import pino from 'pino';
import { PeriodicTask } from './periodic-task';

const log = pino({ level: 'silent' });

describe('PeriodicTask', () => {
  it('never runs two passes at once', async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    let passes = 0;
    const task = new PeriodicTask('t', 5, async () => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise((r) => setTimeout(r, 30));
      concurrent--;
      passes++;
    }, log);
    task.start();
    // Waits for passes rather than for a fixed time, so a busy machine slows the test down instead of failing it.
    while (passes < 3) await new Promise((r) => setTimeout(r, 10));
    await task.stop();
    expect(maxConcurrent).toBe(1);
    expect(passes).toBeGreaterThanOrEqual(3);
  });

  it('keeps going after a failed pass', async () => {
    let calls = 0;
    const task = new PeriodicTask('t', 5, async () => {
      calls++;
      if (calls === 1) throw new Error('boom');
      return calls;
    }, log);
    expect(await task.tick()).toBeUndefined();
    expect(await task.tick()).toBe(2);
  });

  it('stop waits for the running pass', async () => {
    let finished = false;
    const task = new PeriodicTask('t', 1000, async () => {
      await new Promise((r) => setTimeout(r, 50));
      finished = true;
    }, log);
    task.start();
    await task.stop();
    expect(finished).toBe(true);
  });
});
