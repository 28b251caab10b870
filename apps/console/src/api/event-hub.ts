// Fans the one live event stream out to whichever pages are on screen.

export interface LiveEvent {
  id: string;
  type: string;
  created_at: string;
  data: Record<string, unknown>;
}

export type LiveEventHandler = (event: LiveEvent) => void;

export class EventHub {
  private readonly handlers = new Set<LiveEventHandler>();

  /** Calls `handler` for each event whose type matches one of `types` (a trailing `*` matches a prefix); returns the unsubscribe. */
  subscribe(types: readonly string[], handler: LiveEventHandler): () => void {
    const filtered: LiveEventHandler = (event) => {
      if (types.some((t) => (t.endsWith('*') ? event.type.startsWith(t.slice(0, -1)) : event.type === t))) handler(event);
    };
    this.handlers.add(filtered);
    return () => void this.handlers.delete(filtered);
  }

  publish(event: LiveEvent): void {
    for (const handler of [...this.handlers]) {
      try {
        handler(event);
      } catch {
        // One page's failing refresh must not starve the others.
      }
    }
  }

  get size(): number {
    return this.handlers.size;
  }
}
