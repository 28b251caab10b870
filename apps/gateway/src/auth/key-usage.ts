/**
 * Remembers when each key was last used, in memory, and writes the lot in one statement every `flushMs` (and on
 * shutdown), so a busy key costs one UPDATE per interval instead of one per request. The stored time is at most one
 * interval old, which keeps `last_used_at` current to the minute with the default 30 s.
 */
export class KeyUsageRecorder {
  private pending = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (ids: string[], usedAt: Date[]) => Promise<void>,
    private readonly flushMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  touch(keyId: string): void {
    this.pending.set(keyId, this.now());
  }

  get size(): number {
    return this.pending.size;
  }

  start(onError: (err: unknown) => void = () => undefined): void {
    this.timer ??= setInterval(() => { this.flush().catch(onError); }, this.flushMs);
    this.timer.unref();
  }

  /** Writes what was recorded so far. On failure the times are kept (newest wins) for the next attempt. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (!this.pending.size) return;
      const batch = this.pending;
      this.pending = new Map();
      try {
        await this.write([...batch.keys()], [...batch.values()].map((t) => new Date(t)));
      } catch (err) {
        for (const [id, at] of batch) if ((this.pending.get(id) ?? 0) < at) this.pending.set(id, at);
        throw err;
      }
    });
    const done = this.flushing;
    // A failed flush must not poison the chain for the next one.
    this.flushing = done.catch(() => undefined);
    return done;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
