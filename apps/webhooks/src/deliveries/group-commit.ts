/**
 * Group commit: items added while a write is running wait and go together in the next one, so a burst of attempt
 * results costs one transaction per group instead of one each, and a lone item is written at once (no timer, no
 * added latency). Each caller gets its own item's result, or the group's error.
 */
export class GroupCommit<T, R> {
  private queue: Array<{ item: T; resolve: (r: R) => void; reject: (err: unknown) => void }> = [];
  private writing?: Promise<void>;

  constructor(private readonly write: (items: T[]) => Promise<R[]>, private readonly maxGroup: number) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.writing ??= this.drain().finally(() => { this.writing = undefined; });
    });
  }

  /** Resolves when everything added so far is written. */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const group = this.queue.splice(0, this.maxGroup);
      try {
        const results = await this.write(group.map((g) => g.item));
        group.forEach((g, i) => g.resolve(results[i]));
      } catch (err) {
        for (const g of group) g.reject(err);
      }
    }
  }
}
