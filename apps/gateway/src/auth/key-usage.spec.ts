import { KeyUsageRecorder } from './key-usage';

describe('KeyUsageRecorder', () => {
  it('writes one batch with the latest use of each key, and nothing when idle', async () => {
    let t = 1_000;
    const writes: Array<{ ids: string[]; at: number[] }> = [];
    const rec = new KeyUsageRecorder(async (ids, at) => { writes.push({ ids, at: at.map((d) => d.getTime()) }); }, 30_000, () => t);
    rec.touch('key_a'); t = 2_000; rec.touch('key_b'); t = 3_000; rec.touch('key_a');
    await rec.flush();
    expect(writes).toEqual([{ ids: ['key_a', 'key_b'], at: [3_000, 2_000] }]);
    await rec.flush();
    expect(writes).toHaveLength(1);
  });

  it('keeps the times of a failed flush for the next one, without overwriting newer uses', async () => {
    let t = 1_000;
    let fail = true;
    const writes: Array<[string[], number[]]> = [];
    const rec = new KeyUsageRecorder(async (ids, at) => {
      if (fail) throw new Error('database down');
      writes.push([ids, at.map((d) => d.getTime())]);
    }, 30_000, () => t);
    rec.touch('key_a'); rec.touch('key_b');
    await expect(rec.flush()).rejects.toThrow('database down');
    t = 5_000; rec.touch('key_b');
    fail = false;
    await rec.flush();
    expect(writes).toEqual([[['key_a', 'key_b'], [1_000, 5_000]]]);
  });

  it('flushes on stop', async () => {
    const ids: string[][] = [];
    const rec = new KeyUsageRecorder(async (i) => { ids.push(i); });
    rec.start();
    rec.touch('key_z');
    await rec.stop();
    expect(ids).toEqual([['key_z']]);
  });
});
