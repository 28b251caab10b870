import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { Subjects, type ContentStreamMessage } from '@influgentic/contracts';

const codec = JSONCodec<unknown>();

/** Liveness: the gateway gives up on a session that has been silent for a few of these. */
export const STREAM_PING_MS = () => Number(process.env.CONTENT_STREAM_PING_MS ?? 5000);

/**
 * The content service's end of one live generation: numbered messages on `Subjects.streamChunks(id)` (core NATS,
 * the gateway subscribed before asking for the session), pings while the model thinks, and a cancel listener on
 * `Subjects.streamControl(id)` for a client that went away.
 */
export class StreamSession {
  private seq = 0;
  private closed = false;
  private control?: Subscription;
  private pinger?: NodeJS.Timeout;

  private constructor(private readonly nc: NatsConnection, readonly id: string) {}

  /** Listens for a cancel before returning, so a disconnect right after the session opens is never missed. */
  static async open(nc: NatsConnection, id: string, onCancel: (reason: string) => void): Promise<StreamSession> {
    const session = new StreamSession(nc, id);
    session.control = nc.subscribe(Subjects.streamControl(id), {
      callback: (_err, msg) => {
        let reason = 'the client disconnected';
        try {
          const m = codec.decode(msg.data) as { reason?: unknown };
          if (typeof m?.reason === 'string') reason = m.reason.slice(0, 200);
        } catch { /* a bare message is a cancel too */ }
        onCancel(reason);
      },
    });
    // The server must know the subscription before the gateway learns the session id over another connection.
    await nc.flush();
    session.pinger = setInterval(() => session.publish({ type: 'ping' }), STREAM_PING_MS());
    session.pinger.unref();
    return session;
  }

  chunk(texts: string[]): void {
    if (texts.length) this.publish({ type: 'chunk', seq: ++this.seq, texts });
  }

  complete(contentId: string, tokens: number, latencyMs: number): void {
    this.publish({ type: 'complete', seq: ++this.seq, content_id: contentId, tokens, latency_ms: latencyMs });
    this.close();
  }

  error(code: string, message: string): void {
    this.publish({ type: 'error', seq: ++this.seq, code, message });
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.pinger) clearInterval(this.pinger);
    this.control?.unsubscribe();
  }

  private publish(message: ContentStreamMessage): void {
    if (this.closed || this.nc.isClosed()) return;
    this.nc.publish(Subjects.streamChunks(this.id), codec.encode(message));
  }
}
