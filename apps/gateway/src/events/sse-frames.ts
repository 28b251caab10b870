import { DomainError, EVENT_STREAM_POSITION } from '@influgentic/contracts';

/**
 * One event as the stream sends it: `id:` (the JetStream stream sequence, which lets a reconnect start its replay
 * exactly there), `event:` (the type) and `data:` (the envelope as it was published; JSON has no raw newlines).
 */
export function eventFrame(seq: number, type: string, envelopeJson: string): string {
  return `id: ${seq}\nevent: ${type}\ndata: ${envelopeJson}\n\n`;
}

export function commentFrame(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/** The opening of every stream: how long to wait before reconnecting, and a first byte for proxies. */
export function openingFrame(retryMs: number): string {
  return `retry: ${retryMs}\n: stream open\n\n`;
}

export interface StreamGap {
  /** The position the client asked to resume after. */
  requested_after: string;
  /** The first position the stream could still send. */
  resumed_from: string | null;
  reason: 'retention' | 'unknown_position';
}

/**
 * Said when events the client asked for are no longer kept (older than the stream's retention) or its position is
 * not one this stream ever sent. No `id:`, so the client's position stays where the events it receives put it.
 */
export function gapFrame(gap: StreamGap): string {
  return `event: stream.gap\ndata: ${JSON.stringify(gap)}\n\n`;
}

/**
 * Where a reconnecting client left off: the `Last-Event-ID` header (what EventSource sends), else `?last_event_id=`.
 * An empty header means "no position" (the SSE spec lets a server reset it that way).
 */
export function resumePosition(header: string | string[] | undefined, query: string | undefined): number | null {
  const given = Array.isArray(header) ? header[0] : header;
  if (given !== undefined && given.trim() !== '') {
    const value = given.trim();
    if (!EVENT_STREAM_POSITION.test(value)) {
      throw DomainError.validation([{ field: 'Last-Event-ID', code: 'format', message: 'must be an id the stream sent (digits)' }]);
    }
    return Number(value);
  }
  return query ? Number(query) : null;
}
