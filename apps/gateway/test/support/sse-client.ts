import http from 'node:http';

export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  comments: string[];
  retry?: number;
}

/**
 * A Server-Sent Events reader over plain node:http: frames as they arrive, the status and headers, a non-2xx body
 * read whole, and a way to wait for what a test expects.
 */
export class SseClient {
  readonly frames: SseFrame[] = [];
  status = 0;
  headers: http.IncomingHttpHeaders = {};
  body = '';
  ended = false;
  private buffer = '';
  private req?: http.ClientRequest;
  private res?: http.IncomingMessage;
  private listeners: Array<() => void> = [];

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    await client.connect(url, headers);
    return client;
  }

  /** Events (frames with `data:`) in arrival order, parsed. */
  get events(): Array<{ id?: string; event?: string; data: any }> {
    return this.frames.filter((f) => f.data !== undefined).map((f) => ({ id: f.id, event: f.event, data: JSON.parse(f.data!) }));
  }

  get comments(): string[] {
    return this.frames.flatMap((f) => f.comments);
  }

  /** Resolves once `predicate` holds (checked on every frame and at the end of the stream). */
  async until<T>(predicate: (c: SseClient) => T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate(this);
      if (value) return value;
      if (this.ended) throw new Error(`stream ended before the condition held; ${this.frames.length} frames received`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`condition not met within ${timeoutMs} ms; ${this.frames.length} frames received`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.listeners.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  /** Resolves when the server ends the stream. */
  async closedByServer(timeoutMs = 20_000): Promise<void> {
    await this.until((c) => c.ended, timeoutMs).catch((err) => { if (!this.ended) throw err; });
  }

  close(): void {
    this.req?.destroy();
    this.res?.destroy();
  }

  private connect(url: string, headers: Record<string, string>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
        this.res = res;
        this.status = res.statusCode ?? 0;
        this.headers = res.headers;
        res.setEncoding('utf8');
        const streaming = String(res.headers['content-type'] ?? '').startsWith('text/event-stream');
        res.on('data', (chunk: string) => {
          if (streaming) this.parse(chunk); else this.body += chunk;
          this.notify();
        });
        const end = () => { this.ended = true; this.notify(); };
        res.on('end', end);
        res.on('close', end);
        res.on('error', end);
        if (streaming) resolve(); else res.on('end', () => resolve());
      });
      this.req.on('error', (err) => {
        this.ended = true;
        this.notify();
        if (!this.status) reject(err);
      });
    });
  }

  private parse(chunk: string): void {
    this.buffer += chunk;
    let cut: number;
    while ((cut = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut + 2);
      const frame: SseFrame = { comments: [] };
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) frame.comments.push(line.slice(1).trim());
        else if (line.startsWith('id: ')) frame.id = line.slice(4);
        else if (line.startsWith('event: ')) frame.event = line.slice(7);
        else if (line.startsWith('data: ')) frame.data = frame.data === undefined ? line.slice(6) : `${frame.data}\n${line.slice(6)}`;
        else if (line.startsWith('retry: ')) frame.retry = Number(line.slice(7));
      }
      this.frames.push(frame);
    }
  }

  private notify(): void {
    const l = this.listeners;
    this.listeners = [];
    for (const fn of l) fn();
  }
}
