import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('writes a lone item at once and groups the items that arrive while a write runs', async () => {
    const groups: number[][] = [];
    let release!: () => void;
    const firstWrite = new Promise<void>((r) => { release = r; });
    const gc = new GroupCommit<number, string>(async (items) => {
      groups.push(items);
      if (groups.length === 1) await firstWrite;
      return items.map((i) => `done ${i}`);
    }, 10);
    const first = gc.add(1);
    expect(groups).toEqual([[1]]);
    const rest = [2, 3, 4].map((i) => gc.add(i));
    release();
    expect(await first).toBe('done 1');
    expect(await Promise.all(rest)).toEqual(['done 2', 'done 3', 'done 4']);
    expect(groups).toEqual([[1], [2, 3, 4]]);
  });

  it('caps a group and rejects only the group whose write failed', async () => {
    const groups: number[][] = [];
    let release!: () => void;
    const firstWrite = new Promise<void>((r) => { release = r; });
    const gc = new GroupCommit<number, number>(async (items) => {
      groups.push(items);
      if (groups.length === 1) await firstWrite;
      if (items.includes(3)) throw new Error('write failed');
      return items;
    }, 2);
    const results = [1, 2, 3, 4, 5].map((i) => gc.add(i).then((r) => `ok ${r}`, (err: Error) => err.message));
    release();
    expect(await Promise.all(results)).toEqual(['ok 1', 'write failed', 'write failed', 'ok 4', 'ok 5']);
    expect(groups).toEqual([[1], [2, 3], [4, 5]]);
    await gc.flushed();
  });
});
