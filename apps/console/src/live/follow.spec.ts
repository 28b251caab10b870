import { follow } from './follow';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('follow', () => {
  it('reads at once, polls until settled, then stops and unsubscribes', async () => {
    const states = ['training', 'training', 'ready'];
    const seen: string[] = [];
    let subscribed = 0;
    follow({
      load: async () => states.shift() ?? 'unexpected',
      settled: (s) => s === 'ready',
      onValue: (s) => seen.push(s),
      onError: () => seen.push('error'),
      subscribe: () => { subscribed++; return () => { subscribed--; }; },
      pollMs: 5,
    });
    expect(subscribed).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(seen).toEqual(['training', 'training', 'ready']);
    expect(subscribed).toBe(0);
  });

  it('reads again as soon as the live stream wakes it, long before the poll', async () => {
    let wake: () => void = () => undefined;
    let status = 'processing';
    const seen: string[] = [];
    const stop = follow({
      load: async () => status,
      settled: (s) => s === 'done',
      onValue: (s) => seen.push(s),
      onError: () => undefined,
      subscribe: (w) => { wake = w; return () => undefined; },
      pollMs: 60_000,
    });
    await tick();
    status = 'done';
    wake();
    await tick();
    expect(seen).toEqual(['processing', 'done']);
    stop();
  });

  it('reads once more when woken during a read, and reports errors without giving up', async () => {
    let wake: () => void = () => undefined;
    const answers: Array<() => Promise<string>> = [
      () => Promise.reject(new Error('503')),
      () => new Promise((r) => setTimeout(() => r('processing'), 10)),
      () => Promise.resolve('done'),
    ];
    const seen: string[] = [];
    follow({
      load: () => (answers.shift() ?? (() => Promise.resolve('extra')))(),
      settled: (s) => s === 'done',
      onValue: (s) => seen.push(s),
      onError: (e) => seen.push(`error:${(e as Error).message}`),
      subscribe: (w) => { wake = w; return () => undefined; },
      pollMs: 5,
    });
    await new Promise((r) => setTimeout(r, 8));
    wake(); // lands while the slow second read is in flight
    await new Promise((r) => setTimeout(r, 40));
    expect(seen).toEqual(['error:503', 'processing', 'done']);
  });

  it('calls nothing after stop', async () => {
    const seen: string[] = [];
    const stop = follow({
      load: () => new Promise<string>((r) => setTimeout(() => r('x'), 5)),
      settled: () => false, onValue: (v) => seen.push(v), onError: () => seen.push('error'),
      subscribe: () => () => undefined, pollMs: 1,
    });
    stop();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
  });
});
