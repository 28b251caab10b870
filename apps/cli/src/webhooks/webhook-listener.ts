import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, WebhookVerificationError, type InfluEvent } from '@influgentic/sdk';

export interface ReceivedWebhook {
  receivedAt: Date;
  /** The verified event, or what could be read of an unverified body. */
  event: Partial<InfluEvent> | undefined;
  verified: boolean;
  /** Why verification failed (a WebhookVerificationError code). */
  failure?: string;
  /** The status the forward target answered, or the error reaching it. */
  forwarded?: { status?: number; error?: string };
}

export interface WebhookListenerOptions {
  port: number;
  /** Re-posts each delivery, headers and raw body unchanged, and answers the platform with its status. */
  forwardTo?: string;
  onDelivery: (delivery: ReceivedWebhook) => void;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

async function rawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forwardHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function readableEvent(body: Buffer): Partial<InfluEvent> | undefined {
  try {
    return JSON.parse(body.toString('utf8')) as Partial<InfluEvent>;
  } catch {
    return undefined;
  }
}

/**
 * A local receiver for `webhooks listen`: verifies each POST with the endpoint's secret (set once it is known),
 * answers 200 when verified (or the forward target's status), 400 when not, and reports every delivery.
 */
export class WebhookListener {
  private readonly server: Server;
  private secret = '';

  constructor(private readonly options: WebhookListenerOptions) {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
  }

  /** Listens on 127.0.0.1 and returns the receiver's URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks`;
  }

  useSecret(secret: string): void {
    this.secret = secret;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const receivedAt = new Date();
    if (req.method !== 'POST') return { status: 405, body: { error: 'POST only' } };
    const body = await rawBody(req);
    let delivery: ReceivedWebhook;
    try {
      const event = await verifyWebhook(body, req.headers, this.secret);
      delivery = { receivedAt, event, verified: true };
    } catch (error) {
      const failure = error instanceof WebhookVerificationError ? error.code : 'invalid_body';
      delivery = { receivedAt, event: readableEvent(body), verified: false, failure };
    }
    if (delivery.verified && this.options.forwardTo) {
      delivery.forwarded = await this.forward(req.headers, body);
    }
    this.options.onDelivery(delivery);
    if (!delivery.verified) return { status: 400, body: { error: delivery.failure } };
    const forwardedStatus = delivery.forwarded?.status;
    if (delivery.forwarded) return { status: forwardedStatus ?? 502, body: { forwarded: forwardedStatus ?? null } };
    return { status: 200, body: { received: true } };
  }

  private async forward(headers: IncomingHttpHeaders, body: Buffer): Promise<{ status?: number; error?: string }> {
    try {
      const res = await fetch(this.options.forwardTo as string, { method: 'POST', headers: forwardHeaders(headers), body, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      return { status: res.status };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
}
