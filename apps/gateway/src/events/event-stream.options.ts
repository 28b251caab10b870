/** Tuning of `GET /v1/events/stream`, from the environment. */
export interface EventStreamOptions {
  /** A comment line this often keeps idle connections (and proxies between) open. */
  heartbeatMs: number;
  /**
   * Bytes one connection may hold back while its reader does not keep up (on top of the socket's own buffer). A
   * reader that falls further behind is disconnected; it resumes with Last-Event-ID.
   */
  maxBufferBytes: number;
  /** Events read per pull while replaying after Last-Event-ID. */
  replayBatch: number;
  /** A replay pull that brings nothing for this long means the events it waited for are gone from the stream. */
  replayIdleMs: number;
  /** How long a replay waits for a slow reader to take what was written before it gives the connection up. */
  drainTimeoutMs: number;
  /** SSE `retry:` hint: how long a client waits before reconnecting. */
  retryMs: number;
  /** Open streams one organization may hold on one gateway; past it a new one is a 429 with Retry-After. */
  maxPerOrganization: number;
}

export function eventStreamOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): EventStreamOptions {
  const num = (name: string, fallback: number) => {
    const n = Number(env[name]);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    heartbeatMs: num('EVENT_STREAM_HEARTBEAT_MS', 15_000),
    maxBufferBytes: num('EVENT_STREAM_MAX_BUFFER_BYTES', 1024 * 1024),
    replayBatch: num('EVENT_STREAM_REPLAY_BATCH', 256),
    replayIdleMs: num('EVENT_STREAM_REPLAY_IDLE_MS', 2_000),
    drainTimeoutMs: num('EVENT_STREAM_DRAIN_TIMEOUT_MS', 30_000),
    retryMs: num('EVENT_STREAM_RETRY_MS', 2_000),
    maxPerOrganization: num('EVENT_STREAM_MAX_PER_ORGANIZATION', 20),
  };
}
