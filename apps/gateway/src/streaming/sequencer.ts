/**
 * Puts numbered messages (1, 2, 3, …) back in order. Core NATS keeps one publisher's order, so in practice this only
 * notices holes: a message dropped on the way (a slow consumer) leaves `waiting` non-empty until the stream is
 * declared broken. Duplicates and messages already delivered are ignored.
 */
export class Sequencer<T extends { seq: number }> {
  private next = 1;
  private readonly pending = new Map<number, T>();

  /** The messages that can be delivered now, in order. */
  accept(message: T): T[] {
    if (!Number.isInteger(message.seq) || message.seq < this.next || this.pending.has(message.seq)) return [];
    this.pending.set(message.seq, message);
    const ready: T[] = [];
    for (let m = this.pending.get(this.next); m; m = this.pending.get(this.next)) {
      this.pending.delete(this.next);
      this.next++;
      ready.push(m);
    }
    return ready;
  }

  /** Messages held back behind a missing one. */
  get waiting(): number {
    return this.pending.size;
  }

  /** The sequence number that is missing (or expected next). */
  get expected(): number {
    return this.next;
  }
}
