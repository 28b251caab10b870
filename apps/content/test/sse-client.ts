/** A small Server-Sent Events client for the e2e tests: reads a response body and parses it as the contract shows. */

export interface SseEvent {
  /** Parsed JSON of a `data:` line, or the string `[DONE]`. */
  data: any;
  raw: string;
}

export interface SseResult {
  status: number;
  headers: Headers;
  /** The whole body for a non-SSE answer (problem+json). */
  text: string;
  events: SseEvent[];
  comments: string[];
  /** Milliseconds from the request to the first `content_chunk`. */
  firstChunkMs: number | null;
}

export interface SseOptions {
  headers?: Record<string, string>;
  /** Stop reading (and disconnect) once this returns true. */
  stopWhen?: (events: SseEvent[]) => boolean;
  timeoutMs?: number;
}

export async function postSse(url: string, token: string, body: unknown, options: SseOptions = {}): Promise<SseResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...options.headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
    const result: SseResult = { status: res.status, headers: res.headers, text: '', events: [], comments: [], firstChunkMs: null };
    if (!res.body) return result;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        result.text += text;
        buffer += text;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) result.comments.push(line.slice(1).trim());
            else if (line.startsWith('data: ')) {
              const raw = line.slice(6);
              result.events.push({ raw, data: raw === '[DONE]' ? '[DONE]' : JSON.parse(raw) });
              if (result.firstChunkMs === null && result.events[result.events.length - 1].data?.type === 'content_chunk') {
                result.firstChunkMs = performance.now() - started;
              }
            }
          }
        }
        if (options.stopWhen?.(result.events)) {
          controller.abort();
          break;
        }
      }
    } catch (err) {
      if (!controller.signal.aborted) throw err;
    }
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/** The text of every `content_chunk`, concatenated. */
export function streamedText(result: SseResult): string {
  return result.events.filter((e) => e.data?.type === 'content_chunk').map((e) => e.data.text).join('');
}
