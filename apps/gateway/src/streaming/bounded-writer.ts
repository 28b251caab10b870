import type { Writable } from 'node:stream';

/**
 * Writes to a socket without ever holding more than `maxBytes` for a reader that does not keep up. Once `write()`
 * says the socket is full, further frames wait here (not in the socket) until it drains; past the bound the
 * connection is given up through `onOverflow`, instead of buffering without end.
 */
export class BoundedWriter {
  private readonly queue: Array<{ frame: string; size: number }> = [];
  private queuedBytes = 0;
  private blocked = false;
  private failed = false;
  private ending: string | null = null;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly out: Writable,
    private readonly maxBytes: number,
    private readonly onOverflow: () => void,
  ) {
    out.on('drain', () => this.flush());
    // A socket that closes wakes whoever waits for it to drain.
    out.on('close', () => this.wake());
  }

  /** Bytes waiting here for the socket to drain. */
  get pendingBytes(): number {
    return this.queuedBytes;
  }

  /** True while frames wait for the reader; a producer that can pause (a replay) waits for `drained()`. */
  get backedUp(): boolean {
    return this.blocked;
  }

  /** Queues or writes `frame`; false once the connection is given up. */
  write(frame: string): boolean {
    if (this.failed || this.out.destroyed || !this.out.writable) return false;
    if (this.blocked) {
      const size = Buffer.byteLength(frame);
      if (this.queuedBytes + size > this.maxBytes) {
        this.failed = true;
        this.queue.length = 0;
        this.queuedBytes = 0;
        this.wake();
        this.onOverflow();
        return false;
      }
      this.queue.push({ frame, size });
      this.queuedBytes += size;
      return true;
    }
    if (!this.out.write(frame)) this.blocked = true;
    return true;
  }

  /** Writes `last` after everything queued and ends the response (once the reader has taken the rest). */
  end(last = ''): void {
    if (this.failed || this.out.destroyed) return;
    if (!this.blocked) {
      this.out.end(last);
      return;
    }
    this.ending = last;
  }

  /** Resolves once nothing waits here any more (or the connection ended). */
  drained(): Promise<void> {
    if (!this.blocked || this.failed || this.out.destroyed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private flush(): void {
    this.blocked = false;
    while (this.queue.length && !this.blocked) {
      const { frame, size } = this.queue.shift()!;
      this.queuedBytes -= size;
      if (!this.out.write(frame)) this.blocked = true;
    }
    if (this.blocked) return;
    if (this.ending !== null) {
      this.out.end(this.ending);
      this.ending = null;
    }
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
