import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake provider received. */
export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export type Handler = (call: RecordedCall, res: ServerResponse) => void | Promise<void>;

/**
 * A real HTTP server on 127.0.0.1 and a random port that plays a model provider. Each request takes the next
 * scripted handler (the last one repeats), so tests can say "429, then a stream".
 */
export class FakeLlmServer {
  readonly calls: RecordedCall[] = [];
  private handlers: Handler[] = [];
  private server: Server | null = null;

  script(...handlers: Handler[]): this {
    this.handlers = handlers;
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: Record<string, unknown> = {};
        try {
          body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        } catch {
          body = { raw };
        }
        const call: RecordedCall = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
        this.calls.push(call);
        const handler = this.handlers[Math.min(this.calls.length - 1, this.handlers.length - 1)];
        if (!handler) {
          res.writeHead(500).end('no handler scripted');
          return;
        }
        Promise.resolve(handler(call, res)).catch(() => res.destroy());
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    // Hanging responses (timeout tests) would otherwise keep the server open.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server = null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Writes Server-Sent Events with a small pause between them, like a real provider. */
export async function sse(res: ServerResponse, events: Array<{ event?: string; data: unknown }>, gapMs = 2): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  for (const e of events) {
    if (res.destroyed) return;
    const data = typeof e.data === 'string' ? e.data : JSON.stringify(e.data);
    res.write(`${e.event ? `event: ${e.event}\n` : ''}data: ${data}\n\n`);
    await sleep(gapMs);
  }
  res.end();
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Never answers (the client's timeout has to fire). */
export const hang: Handler = () => undefined;

// --- Provider wire formats -----------------------------------------------------------------------------------

/** OpenAI Chat Completions stream (also what vLLM, Ollama and llama.cpp serve). */
export function chatCompletionStream(pieces: string[], usage = { prompt_tokens: 42, completion_tokens: 17 }): Handler {
  const base = { id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'test-model' };
  return (_call, res) => sse(res, [
    { data: { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] } },
    ...pieces.map((content) => ({ data: { ...base, choices: [{ index: 0, delta: { content }, finish_reason: null }] } })),
    { data: { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] } },
    { data: { ...base, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } },
    { data: '[DONE]' },
  ]);
}

/** OpenAI Responses API stream (what `openai(model)` calls by default in AI SDK 6). */
export function responsesStream(pieces: string[], usage = { input_tokens: 40, output_tokens: 15 }): Handler {
  const text = pieces.join('');
  return (_call, res) => sse(res, [
    { event: 'response.created', data: { type: 'response.created', sequence_number: 0, response: { id: 'resp_test', object: 'response', created_at: 1_700_000_000, model: 'gpt-4o-mini', status: 'in_progress', output: [] } } },
    { event: 'response.output_item.added', data: { type: 'response.output_item.added', sequence_number: 1, output_index: 0, item: { type: 'message', id: 'msg_test', status: 'in_progress', role: 'assistant', content: [] } } },
    ...pieces.map((delta, i) => ({ event: 'response.output_text.delta', data: { type: 'response.output_text.delta', sequence_number: 2 + i, item_id: 'msg_test', output_index: 0, content_index: 0, delta } })),
    { event: 'response.output_item.done', data: { type: 'response.output_item.done', sequence_number: 90, output_index: 0, item: { type: 'message', id: 'msg_test', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] } } },
    { event: 'response.completed', data: { type: 'response.completed', sequence_number: 91, response: { id: 'resp_test', object: 'response', created_at: 1_700_000_000, model: 'gpt-4o-mini', status: 'completed', usage: { ...usage, total_tokens: usage.input_tokens + usage.output_tokens, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } } } } },
  ]);
}

/** Anthropic Messages API stream. */
export function anthropicStream(pieces: string[], usage = { input_tokens: 38, output_tokens: 14 }): Handler {
  return (_call, res) => sse(res, [
    { event: 'message_start', data: { type: 'message_start', message: { id: 'msg_test', type: 'message', role: 'assistant', model: 'claude-test', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: usage.input_tokens, output_tokens: 1 } } } },
    { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } } },
    ...pieces.map((text) => ({ event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } } })),
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: usage.output_tokens } } },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ]);
}

/** Google Generative Language API stream (`:streamGenerateContent?alt=sse`). */
export function googleStream(pieces: string[], usage = { promptTokenCount: 36, candidatesTokenCount: 13 }): Handler {
  return (_call, res) => sse(res, pieces.map((text, i) => ({
    data: {
      candidates: [{ content: { parts: [{ text }], role: 'model' }, index: 0, ...(i === pieces.length - 1 ? { finishReason: 'STOP' } : {}) }],
      ...(i === pieces.length - 1 ? { usageMetadata: { ...usage, totalTokenCount: usage.promptTokenCount + usage.candidatesTokenCount } } : {}),
    },
  })));
}

/** Starts a Chat Completions stream, sends some text, then goes silent without closing. */
export function stalledChatStream(pieces: string[]): Handler {
  const base = { id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'test-model' };
  return (_call, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const content of pieces) res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`);
  };
}

/** A stream whose second event is not JSON. */
export function malformedChatStream(): Handler {
  const base = { id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'test-model' };
  return (_call, res) => sse(res, [
    { data: { ...base, choices: [{ index: 0, delta: { content: 'Hello' }, finish_reason: null }] } },
    { data: '{"choices": [ this is not json' },
    { data: '[DONE]' },
  ]);
}
