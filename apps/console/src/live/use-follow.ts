import { useEffect, useRef } from 'react';
import type { EventHub, LiveEvent } from '../api/event-hub';
import { follow } from './follow';

export interface UseFollowOptions<T> {
  /** What to follow; nothing is followed while undefined. */
  id: string | undefined;
  load: (id: string) => Promise<T>;
  settled: (value: T) => boolean;
  onValue: (value: T) => void;
  onError: (error: unknown) => void;
  /** Event types that may change it, and whether an event concerns this id. */
  events: readonly string[];
  concerns: (event: LiveEvent, id: string) => boolean;
  pollMs: number;
}

/** Follows `id` with the console's event hub and a fallback poll while the component is mounted. */
export function useFollow<T>(hub: EventHub, options: UseFollowOptions<T>): void {
  const latest = useRef(options);
  latest.current = options;
  const { id, pollMs } = options;
  const eventKey = options.events.join(',');
  useEffect(() => {
    if (!id) return;
    return follow<T>({
      load: () => latest.current.load(id),
      settled: (v) => latest.current.settled(v),
      onValue: (v) => latest.current.onValue(v),
      onError: (e) => latest.current.onError(e),
      subscribe: (wake) => hub.subscribe(eventKey.split(','), (event) => { if (latest.current.concerns(event, id)) wake(); }),
      pollMs,
    });
  }, [hub, id, pollMs, eventKey]);
}
