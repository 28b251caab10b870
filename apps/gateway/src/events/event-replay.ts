import { EVENTS_STREAM } from '@influgentic/contracts';
import type { NatsConnection } from 'nats';
import type { EventSubscriber } from './event-subscriber';
import type { EventStreamOptions } from './event-stream.options';
import { eventFrame, gapFrame } from './sse-frames';
import { toStreamedEvent } from './streamed-event';

/** The live side a replay must catch up with. */
export interface LivePosition {
  readonly position: number;
}

/**
 * Sends a reconnecting client what it missed: a short-lived ordered consumer starts right after its Last-Event-ID
 * (a stream sequence, so no scan to find the spot) and reads until the subscriber has covered what the live side
 * already fanned out, then the subscriber switches to live in the same tick. A replay waits for a slow reader rather
 * than buffering: it is the one producer that can pause.
 */
export class EventReplay {
  constructor(
    private readonly nc: NatsConnection,
    private readonly options: Pick<EventStreamOptions, 'replayBatch' | 'replayIdleMs' | 'drainTimeoutMs'>,
  ) {}

  /** The stream's last sequence, to tell a position from the future (a recreated stream) from one not yet fanned out. */
  async lastSequence(): Promise<number> {
    const jsm = await this.nc.jetstreamManager({ checkAPI: false });
    return (await jsm.streams.info(EVENTS_STREAM)).state.last_seq;
  }

  /** Replays until `sub` is live; throws when NATS fails or the reader stays stuck (the caller closes the connection). */
  async run(sub: EventSubscriber, live: LivePosition): Promise<void> {
    if (sub.catchUp(live.position)) return;
    const requested = sub.position;
    const consumer = await this.nc.jetstream().consumers.get(EVENTS_STREAM, { opt_start_seq: requested + 1, inactive_threshold: 60_000 });
    let first = true;
    try {
      while (!sub.closed && !sub.isLive) {
        const batch = await consumer.fetch({ max_messages: this.options.replayBatch, expires: this.options.replayIdleMs });
        let got = 0;
        for await (const m of batch) {
          got++;
          if (first) {
            first = false;
            // The stream no longer holds what came right after the client's position: older than its retention.
            if (m.seq > requested + 1) sub.send(gapFrame({ requested_after: String(requested), resumed_from: String(m.seq), reason: 'retention' }));
          }
          const event = toStreamedEvent(m.seq, m.string(), eventFrame);
          if (event) sub.offerReplay(event); else sub.skipTo(m.seq);
          if (sub.catchUp(live.position) || sub.closed) break;
          if (sub.backedUp) await this.waitForReader(sub);
        }
        batch.stop();
        if (!got && !sub.isLive && !sub.closed) {
          // The live side fanned out events the stream no longer returns: they expired meanwhile.
          sub.send(gapFrame({ requested_after: String(sub.position), resumed_from: null, reason: 'retention' }));
          sub.skipTo(live.position);
          sub.catchUp(live.position);
        }
      }
    } finally {
      void consumer.delete().catch(() => undefined);
    }
  }

  private async waitForReader(sub: EventSubscriber): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the reader did not take the replay in time')), this.options.drainTimeoutMs);
    });
    try {
      await Promise.race([sub.drained(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
