import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { headers as natsHeaders } from 'nats';
import { eventSubject, newId, type DomainEvent, type EventType } from '@influgentic/contracts';
import { connectNats } from '@influgentic/messaging';

/** One request as a receiver saw it. */
export interface Received {
  headers: Record<string, string>;
  body: string;
  at: number;
}

export type Behaviour = (req: IncomingMessage, res: ServerResponse, nth: number) => void;

/** A real HTTP receiver on loopback; `behave` decides each answer (the default answers 200). */
export class Receiver {
  readonly received: Received[] = [];
  private readonly server: Server;
  behave: Behaviour;

  constructor(behave: Behaviour = (_req, res) => res.end('ok')) {
    this.behave = behave;
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
        this.received.push({ headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
        this.behave(req, res, this.received.length);
      });
    });
    this.server.keepAliveTimeout = 1000;
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path = '/hooks', host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  /** Delivery ids (webhook-id) in arrival order. */
  ids(): string[] {
    return this.received.map((r) => r.headers['webhook-id']);
  }

  events(): Array<{ id: string; type: string }> {
    return this.received.map((r) => JSON.parse(r.body));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/**
 * Publishes domain events to the run's EVENTS stream the way a service's outbox relay does (Nats-Msg-Id = event id),
 * so the webhooks service consumes them exactly as in production.
 */
export class EventPublisher {
  private constructor(private readonly nc: Awaited<ReturnType<typeof connectNats>>) {}

  static async connect(): Promise<EventPublisher> {
    return new EventPublisher(await connectNats('webhooks-test-publisher'));
  }

  async publish(organizationId: string, type: EventType, data: Record<string, unknown> = {}, livemode = true): Promise<DomainEvent> {
    const event: DomainEvent = { id: newId('event'), type, created_at: new Date().toISOString(), organization_id: organizationId, livemode, data };
    const h = natsHeaders();
    h.set('Nats-Msg-Id', event.id);
    await this.nc.jetstream().publish(eventSubject(type), JSON.stringify(event), { headers: h, msgID: event.id });
    return event;
  }

  async close(): Promise<void> {
    await this.nc.close();
  }
}
