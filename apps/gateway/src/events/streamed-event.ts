import { PUBLIC_EVENT_TYPES } from '@influgentic/contracts';

/** One event from the EVENTS stream, read once and shared by every connection it goes to. */
export interface StreamedEvent {
  /** JetStream stream sequence: the event's position, sent as its SSE `id:`. */
  seq: number;
  type: string;
  organizationId: string;
  livemode: boolean;
  /** The agent the event is about (`data.agent_id`), when it names one. */
  agentId: string | null;
  /** The SSE frame, built once per event. */
  frame: string;
}

/** What one connection wants from its organization's events in its mode. */
export interface EventFilter {
  /** Wanted types; null for all. */
  types: Set<string> | null;
  /** X-Influgentic-Agent: events naming another agent are left out; events that name no agent still come. */
  agentId?: string;
}

const PUBLIC_TYPES = new Set<string>(PUBLIC_EVENT_TYPES);

export function accepts(filter: EventFilter, event: Pick<StreamedEvent, 'type' | 'agentId'>): boolean {
  // Events between services (internal types) are never an organization's to see.
  if (!PUBLIC_TYPES.has(event.type)) return false;
  if (filter.types && !filter.types.has(event.type)) return false;
  if (filter.agentId && event.agentId !== null && event.agentId !== filter.agentId) return false;
  return true;
}

/** The organization + mode a connection listens to; the hub fans out by it. */
export const audienceKey = (organizationId: string, livemode: boolean) => `${livemode ? 'live' : 'test'}:${organizationId}`;

/**
 * Reads one message of the EVENTS stream: the envelope is parsed once for routing, and its JSON is sent on as it was
 * published. Null for a message that is not an event envelope (it is skipped).
 */
export function toStreamedEvent(seq: number, json: string, frame: (seq: number, type: string, json: string) => string): StreamedEvent | null {
  let envelope: { type?: unknown; organization_id?: unknown; livemode?: unknown; data?: { agent_id?: unknown } | null };
  try {
    envelope = JSON.parse(json);
  } catch {
    return null;
  }
  // The type becomes an `event:` line: nothing but a plain dotted name may get there.
  if (!envelope || typeof envelope.type !== 'string' || !/^[A-Za-z0-9_.-]{1,100}$/.test(envelope.type) || typeof envelope.organization_id !== 'string' || typeof envelope.livemode !== 'boolean') return null;
  const agentId = envelope.data && typeof envelope.data === 'object' && typeof envelope.data.agent_id === 'string' ? envelope.data.agent_id : null;
  return { seq, type: envelope.type, organizationId: envelope.organization_id, livemode: envelope.livemode, agentId, frame: frame(seq, envelope.type, json) };
}
