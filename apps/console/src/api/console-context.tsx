import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Influgentic } from '@influgentic/sdk';
import { EventHub, type LiveEvent } from './event-hub';
import { keyMode, type KeyMode } from './session';

export type StreamState = 'connecting' | 'live' | 'offline';

interface ConsoleState {
  client: Influgentic;
  apiKey: string;
  mode: KeyMode;
  hub: EventHub;
  streamState: StreamState;
  signOut: () => void;
}

const ConsoleContext = createContext<ConsoleState | undefined>(undefined);

export function useConsole(): ConsoleState {
  const state = useContext(ConsoleContext);
  if (!state) throw new Error('useConsole outside ConsoleProvider');
  return state;
}

/** Runs `handler` for live events of the given types while the calling component is mounted. */
export function useLiveEvents(types: readonly string[], handler: (event: LiveEvent) => void): void {
  const { hub } = useConsole();
  const latest = useRef(handler);
  latest.current = handler;
  const key = types.join(',');
  useEffect(() => hub.subscribe(key.split(','), (e) => latest.current(e)), [hub, key]);
}

/** One SDK client for the pasted key, and one event stream feeding every page. */
export function ConsoleProvider({ apiKey, signOut, children }: { apiKey: string; signOut: () => void; children: ReactNode }) {
  const client = useMemo(() => new Influgentic({ apiKey, baseUrl: window.location.origin, maxRetries: 1 }), [apiKey]);
  const hub = useMemo(() => new EventHub(), []);
  const [streamState, setStreamState] = useState<StreamState>('connecting');

  useEffect(() => {
    const controller = new AbortController();
    const stream = client.events.stream({}, { signal: controller.signal });
    void (async () => {
      try {
        setStreamState('live');
        for await (const event of stream) {
          setStreamState('live');
          hub.publish({ id: event.id, type: event.type, created_at: event.created_at, data: event.data });
        }
      } catch {
        if (!controller.signal.aborted) setStreamState('offline');
      }
    })();
    return () => controller.abort();
  }, [client, hub]);

  const mode = keyMode(apiKey) ?? 'sandbox';
  const value = useMemo(() => ({ client, apiKey, mode, hub, streamState, signOut }), [client, apiKey, mode, hub, streamState, signOut]);
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>;
}
