import { accepts, audienceKey, type EventFilter, type StreamedEvent } from './streamed-event';

/** Where a subscriber's frames go: a BoundedWriter in production, anything with the same shape in unit tests. */
export interface FrameSink {
  write(frame: string): boolean;
  readonly backedUp: boolean;
  drained(): Promise<void>;
}

/**
 * One open event stream and its position in the EVENTS stream.
 *
 * `position` is the last stream sequence this connection has covered: sent, or passed over because it was for
 * someone else or filtered out. A reconnect first replays from its Last-Event-ID while the shared live subscription
 * runs on; live events are ignored until the replay has covered everything the live subscription had already fanned
 * out (`catchUp`), and from then on only events after `position` are taken. Together that is every event once: no
 * gap at the seam (the replay reaches the live side's position before switching) and no duplicate (anything at or
 * before `position` is dropped).
 */
export class EventSubscriber {
  readonly audience: string;
  private live = false;
  private ended = false;

  constructor(
    private readonly sink: FrameSink,
    readonly organizationId: string,
    readonly livemode: boolean,
    readonly filter: EventFilter,
    private last: number,
  ) {
    this.audience = audienceKey(organizationId, livemode);
  }

  get position(): number {
    return this.last;
  }

  get isLive(): boolean {
    return this.live;
  }

  get closed(): boolean {
    return this.ended;
  }

  /** An event from the shared live subscription (already this connection's organization and mode). */
  offerLive(event: StreamedEvent): void {
    if (!this.live || this.ended || event.seq <= this.last) return;
    this.take(event);
  }

  /** An event read by this connection's replay: any organization's, in stream order. */
  offerReplay(event: StreamedEvent): void {
    if (this.ended || event.seq <= this.last) return;
    if (event.organizationId !== this.organizationId || event.livemode !== this.livemode) {
      this.last = event.seq;
      return;
    }
    this.take(event);
  }

  /** Passes over positions that hold nothing to send (an unreadable message, events gone from the stream). */
  skipTo(seq: number): void {
    if (seq > this.last) this.last = seq;
  }

  /**
   * Switches to the live subscription once this connection has covered `livePosition`, the last event the live
   * side has fanned out; must be called in the same tick that read `livePosition`. True once live.
   */
  catchUp(livePosition: number): boolean {
    if (!this.live && this.last >= livePosition) this.live = true;
    return this.live;
  }

  /** A frame outside the event sequence (heartbeat, gap notice). */
  send(frame: string): void {
    if (!this.ended) this.sink.write(frame);
  }

  get backedUp(): boolean {
    return this.sink.backedUp;
  }

  drained(): Promise<void> {
    return this.sink.drained();
  }

  /** Marks the subscriber finished; it takes nothing more. */
  end(): void {
    this.ended = true;
  }

  private take(event: StreamedEvent): void {
    this.last = event.seq;
    if (accepts(this.filter, event)) this.sink.write(event.frame);
  }
}
