import type { ServerResponse } from 'node:http';
import type { NatsConnection } from 'nats';
import type { Logger } from 'pino';
import { Counter, Gauge, type Registry } from 'prom-client';
import { DomainError, parseEventTypeList, type EventStreamQuery, type RequestContext } from '@influgentic/contracts';
import type { LocalCall } from '../routes/route';
import { SSE_HEADERS } from '../streaming/sse-response';
import { BoundedWriter } from '../streaming/bounded-writer';
import { EventHub } from './event-hub';
import { EventReplay } from './event-replay';
import type { EventStreamOptions } from './event-stream.options';
import { EventSubscriber } from './event-subscriber';
import { commentFrame, gapFrame, openingFrame, resumePosition, type StreamGap } from './sse-frames';

interface OpenStream {
  organizationId: string;
  res: ServerResponse;
  sub: EventSubscriber;
  finished: boolean;
}

/**
 * `GET /v1/events/stream`: the caller organization's events in the caller's mode, as Server-Sent Events. Resumes
 * after `Last-Event-ID` (or `?last_event_id=`) from the EVENTS stream, then follows the shared live subscription.
 * Everything that can refuse the request (validation, the live subscription) runs before the first byte, so a
 * refusal is still a problem document.
 */
export class EventStreamService {
  private readonly hub: EventHub;
  private readonly replay: EventReplay;
  private readonly open = new Set<OpenStream>();
  /** Open streams per organization on this gateway (each may hold up to maxBufferBytes). */
  private readonly perOrganization = new Map<string, number>();
  private readonly metrics?: { connections: Gauge; dropped: Counter };

  constructor(nc: NatsConnection, private readonly log: Logger, private readonly options: EventStreamOptions, registry?: Registry) {
    this.hub = new EventHub(nc, log, options.heartbeatMs);
    this.replay = new EventReplay(nc, options);
    if (registry) {
      this.metrics = {
        connections: new Gauge({ name: 'influgentic_event_stream_connections', help: 'Open GET /v1/events/stream connections', registers: [registry] }),
        dropped: new Counter({ name: 'influgentic_event_stream_slow_readers_dropped_total', help: 'Event streams closed because the reader fell too far behind', registers: [registry] }),
      };
    }
  }

  /** Open event streams on this gateway. */
  get connections(): number {
    return this.open.size;
  }

  async stream(call: LocalCall): Promise<void> {
    const ctx = call.ctx as RequestContext;
    const query = call.query as EventStreamQuery;
    if ((this.perOrganization.get(ctx.organizationId) ?? 0) >= this.options.maxPerOrganization) {
      call.reply.header('Retry-After', '5');
      throw new DomainError('rate_limited', `At most ${this.options.maxPerOrganization} event streams of one organization may be open on a gateway; close one or retry later`);
    }
    const resume = resumePosition(call.request.headers['last-event-id'], query.last_event_id);
    const filter = { types: parseEventTypeList(query.types), agentId: ctx.agentId };
    await this.hub.ready();

    // Where this connection starts: after the client's position, or at the live edge. A position the stream never
    // reached (the stream was recreated since) cannot be resumed: the client is told and follows from the live edge.
    let start = resume ?? this.hub.position;
    let gap: StreamGap | null = null;
    if (resume !== null && resume > this.hub.position && resume > await this.replay.lastSequence()) {
      gap = { requested_after: String(resume), resumed_from: null, reason: 'unknown_position' };
      start = this.hub.position;
    }
    // The client left while we looked: the reply is taken over and dropped, so Fastify does not wait for it.
    if (call.request.raw.destroyed || call.reply.raw.destroyed) {
      call.reply.hijack();
      call.reply.raw.destroy();
      return;
    }

    const res = this.hijack(call);
    if (call.request.method === 'HEAD') {
      res.end();
      return;
    }
    const writer = new BoundedWriter(res, this.options.maxBufferBytes, () => {
      this.metrics?.dropped.inc();
      this.log.info({ organization_id: ctx.organizationId, position: sub.position }, 'event stream reader fell behind; disconnecting it');
      res.destroy();
    });
    const sub = new EventSubscriber(writer, ctx.organizationId, ctx.livemode, filter, start);
    const entry: OpenStream = { organizationId: ctx.organizationId, res, sub, finished: false };
    this.open.add(entry);
    this.perOrganization.set(ctx.organizationId, (this.perOrganization.get(ctx.organizationId) ?? 0) + 1);
    this.metrics?.connections.inc();
    res.on('close', () => this.finish(entry));
    this.hub.add(sub);
    writer.write(openingFrame(this.options.retryMs));
    if (gap) sub.send(gapFrame(gap));
    try {
      await this.replay.run(sub, this.hub);
    } catch (err) {
      if (sub.closed) return;
      // The client resumes from the last id it received.
      this.log.warn({ err: String(err), organization_id: ctx.organizationId }, 'event stream replay failed; closing the connection');
      writer.write(commentFrame('replay interrupted; reconnect with Last-Event-ID'));
      res.end();
    }
  }

  /** Gateway shutdown: every stream ends cleanly; clients reconnect (to another replica) with Last-Event-ID. */
  async close(): Promise<void> {
    await this.hub.close();
    for (const { res } of [...this.open]) {
      if (!res.destroyed && res.writable) res.end(commentFrame('gateway shutting down; reconnect with Last-Event-ID'));
      res.destroy();
    }
  }

  private finish(entry: OpenStream): void {
    if (entry.finished) return;
    entry.finished = true;
    this.open.delete(entry);
    const left = (this.perOrganization.get(entry.organizationId) ?? 1) - 1;
    if (left > 0) this.perOrganization.set(entry.organizationId, left);
    else this.perOrganization.delete(entry.organizationId);
    entry.sub.end();
    this.hub.remove(entry.sub);
    this.metrics?.connections.dec();
  }

  /** Takes the response over from Fastify, keeping the headers the pipeline set (request id, rate limits). */
  private hijack(call: LocalCall): ServerResponse {
    call.reply.hijack();
    const res = call.reply.raw;
    const inherited: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(call.reply.getHeaders())) {
      if (value === undefined || /^content-(type|length)$/i.test(name)) continue;
      inherited[name] = Array.isArray(value) ? value.map(String) : String(value);
    }
    res.writeHead(200, { ...inherited, 'x-response-time': `${Math.max(0, Math.round(call.reply.elapsedTime))}ms`, ...SSE_HEADERS });
    res.socket?.setNoDelay(true);
    return res;
  }
}
