import { Writable } from 'node:stream';
import { BoundedWriter } from './bounded-writer';

/** A real Writable whose reader takes nothing until `release()`: write() says "full" past its highWaterMark. */
class StalledReader extends Writable {
  readonly received: string[] = [];
  private pending: Array<() => void> = [];
  constructor() {
    super({ highWaterMark: 16, decodeStrings: false });
  }
  override _write(chunk: string, _enc: BufferEncoding, done: () => void): void {
    this.received.push(String(chunk));
    this.pending.push(done);
  }
  release(): void {
    const p = this.pending;
    this.pending = [];
    for (const done of p) done();
  }
}

describe('BoundedWriter', () => {
  it('ends after everything queued, never before it', async () => {
    const out = new StalledReader();
    const w = new BoundedWriter(out, 100, () => { throw new Error('no overflow expected'); });
    w.write('x'.repeat(20));
    w.write('queued');
    w.end('last');
    expect(out.writableEnded).toBe(false);
    for (let i = 0; i < 5 && !out.writableEnded; i++) {
      out.release();
      await new Promise((r) => setImmediate(r));
    }
    out.release();
    expect(out.received).toEqual(['x'.repeat(20), 'queued', 'last']);
    expect(out.writableEnded).toBe(true);
  });

  it('writes straight through while the socket keeps up', () => {
    const out = new StalledReader();
    const w = new BoundedWriter(out, 100, () => { throw new Error('no overflow expected'); });
    expect(w.write('abc')).toBe(true);
    expect(w.backedUp).toBe(false);
    expect(out.received).toEqual(['abc']);
  });

  it('holds frames once the socket is full and sends them in order when it drains', async () => {
    const out = new StalledReader();
    const w = new BoundedWriter(out, 100, () => { throw new Error('no overflow expected'); });
    w.write('x'.repeat(20));
    expect(w.backedUp).toBe(true);
    w.write('second');
    w.write('third');
    expect(w.pendingBytes).toBe(11);
    const drained = w.drained();
    for (let i = 0; i < 5 && out.received.length < 3; i++) {
      out.release();
      await new Promise((r) => setImmediate(r));
    }
    await drained;
    expect(out.received).toEqual(['x'.repeat(20), 'second', 'third']);
    expect(w.pendingBytes).toBe(0);
  });

  it('gives the connection up instead of holding more than its bound for a reader that does not read', () => {
    const out = new StalledReader();
    let overflowed = 0;
    const w = new BoundedWriter(out, 50, () => { overflowed++; });
    w.write('x'.repeat(20));
    expect(w.write('y'.repeat(30))).toBe(true);
    expect(w.write('z'.repeat(30))).toBe(false);
    expect(overflowed).toBe(1);
    expect(w.pendingBytes).toBe(0);
    expect(w.write('more')).toBe(false);
    expect(overflowed).toBe(1);
  });

  it('wakes a waiting producer when the connection closes', async () => {
    const out = new StalledReader();
    const w = new BoundedWriter(out, 100, () => undefined);
    w.write('x'.repeat(20));
    const waiting = w.drained();
    out.destroy();
    await expect(waiting).resolves.toBeUndefined();
  });
});
