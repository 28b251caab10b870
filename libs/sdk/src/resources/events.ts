import type { ApiCore } from '../core/api-core';
import type { RequestOptions } from '../core/request-options';
import { EventStream, type EventStreamParams } from '../streaming/event-stream';
import { openEventStreamBody } from './stream-body';

/** The organization's live domain events. */
export class EventsResource {
  constructor(private readonly core: ApiCore) {}

  /**
   * `for await (const event of client.events.stream({ lastEventId }))`: replays what came after `lastEventId`, then
   * follows live events, reconnecting with `Last-Event-ID` when the connection drops.
   */
  stream<T = Record<string, unknown>>(params: EventStreamParams = {}, options: RequestOptions = {}): EventStream<T> {
    const types = params.types?.length ? params.types.join(',') : undefined;
    return new EventStream<T>((lastEventId, signal) => openEventStreamBody(this.core, this.core.api.GET('/v1/events/stream', {
      params: { query: types ? { types } : {} }, parseAs: 'stream',
      headers: { accept: 'text/event-stream', ...(lastEventId !== undefined ? { 'last-event-id': lastEventId } : {}) },
      ...this.core.init({ ...options, signal }, 'stream'),
    })), params, options.signal);
  }
}
