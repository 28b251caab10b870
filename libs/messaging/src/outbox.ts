import { Client } from 'pg';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { headers as natsHeaders, type NatsConnection } from 'nats';
import type { Logger } from 'pino';
import { eventSubject, newId, type DomainEvent, type EventType, type RequestContext } from '@influgentic/contracts';
import { databaseUrl } from '@influgentic/persistence';
import { injectTraceHeaders } from '@influgentic/observability';

/** DDL for the outbox, inbox and dead-letter tables every service keeps in its own schema. */
export function messagingTablesSql(schema: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS "${schema}".outbox (
      id text PRIMARY KEY, type text NOT NULL, payload jsonb NOT NULL, headers jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz, attempts int NOT NULL DEFAULT 0, last_error text)`,
    `CREATE INDEX IF NOT EXISTS outbox_pending ON "${schema}".outbox (created_at) WHERE published_at IS NULL`,
    `CREATE TABLE IF NOT EXISTS "${schema}".inbox (
      consumer text NOT NULL, event_id text NOT NULL, processed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (consumer, event_id))`,
    `CREATE TABLE IF NOT EXISTS "${schema}".dead_letters (
      id bigserial PRIMARY KEY, consumer text NOT NULL, event_id text, subject text NOT NULL, payload text NOT NULL,
      error text, deliveries int NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  ];
}

/**
 * The first migration of a service: its outbox, inbox and dead-letter tables. `name` must end with the 13-digit
 * timestamp TypeORM orders migrations by.
 */
export function messagingTablesMigration(schema: string, name: string): new () => MigrationInterface {
  return class MessagingTables implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      for (const sql of messagingTablesSql(schema)) await q.query(sql);
    }
    async down(q: QueryRunner): Promise<void> {
      for (const table of ['dead_letters', 'inbox', 'outbox']) await q.query(`DROP TABLE IF EXISTS "${schema}".${table}`);
    }
  };
}

const notifyChannel = (schema: string) => `influgentic_outbox_${schema}`;

export interface NewEvent<T> {
  type: EventType;
  organizationId: string;
  livemode: boolean;
  data: T;
}

/** Writes domain events into the service's outbox inside the caller's transaction. */
export class OutboxWriter {
  constructor(private readonly schema: string) {}

  async enqueue<T extends object>(manager: EntityManager, event: NewEvent<T>, ctx?: RequestContext): Promise<DomainEvent<T>> {
    const envelope: DomainEvent<T> = {
      id: newId('event'), type: event.type, created_at: new Date().toISOString(),
      organization_id: event.organizationId, livemode: event.livemode, data: event.data,
    };
    const headers: Record<string, string> = {};
    injectTraceHeaders((k, v) => { headers[k] = v; });
    if (ctx?.requestId) headers['x-request-id'] = ctx.requestId;
    await manager.query(
      `INSERT INTO "${this.schema}".outbox (id, type, payload, headers) VALUES ($1, $2, $3, $4)`,
      [envelope.id, envelope.type, JSON.stringify(envelope), JSON.stringify(headers)],
    );
    // Delivered at commit, so the relay wakes only for events that exist.
    await manager.query(`SELECT pg_notify($1, '')`, [notifyChannel(this.schema)]);
    return envelope;
  }
}

interface OutboxRow { id: string; type: string; payload: string; headers: Record<string, string> }

/**
 * Publishes committed outbox rows to JetStream. Woken by LISTEN/NOTIFY and by a slow poll (so it catches up after
 * NATS or the listener was down); rows are claimed with FOR UPDATE SKIP LOCKED so replicas never publish the same
 * batch together, and each message carries Nats-Msg-Id = event id so a retry after a crash is deduplicated.
 */
export class OutboxRelay {
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private draining = false;
  private again = false;
  private stopped = false;
  private failures = 0;
  published = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly nc: NatsConnection,
    private readonly schema: string,
    private readonly log: Logger,
    private readonly batchSize = 100,
    private readonly pollMs = 1000,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen().catch((err) => this.log.warn({ err: String(err) }, 'outbox listener unavailable; polling only'));
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.kick();
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: databaseUrl(), application_name: `influgentic-${this.schema}-relay` });
    client.on('notification', () => this.kick());
    client.on('error', () => {
      this.listener = undefined;
      client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query(`LISTEN ${notifyChannel(this.schema)}`);
    this.listener = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
    while (this.draining) await new Promise((r) => setTimeout(r, 10));
  }

  /** Asks for a drain; coalesces wake-ups while one is running. */
  kick(): void {
    if (this.stopped) return;
    if (!this.listener && !this.draining) this.listen().catch(() => undefined);
    if (this.draining) { this.again = true; return; }
    this.draining = true;
    void this.drainAll().finally(() => {
      this.draining = false;
      if (this.again && !this.stopped) { this.again = false; this.kick(); }
    });
  }

  /** Publishes until the outbox is empty or NATS refuses; resolves with the number published. */
  async drainAll(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const n = await this.drainBatch();
        total += n;
        if (n < this.batchSize) break;
      }
      this.failures = 0;
    } catch (err) {
      this.failures++;
      if (this.failures === 1 || this.failures % 30 === 0) this.log.warn({ err: String(err) }, 'outbox publish failed; will retry');
    }
    return total;
  }

  private async drainBatch(): Promise<number> {
    const js = this.nc.jetstream();
    return this.ds.transaction(async (m) => {
      const rows: OutboxRow[] = await m.query(
        `SELECT id, type, payload::text AS payload, headers FROM "${this.schema}".outbox
          WHERE published_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      const done: string[] = [];
      let failure: unknown;
      for (const row of rows) {
        try {
          const h = natsHeaders();
          for (const [k, v] of Object.entries(row.headers ?? {})) h.set(k, v);
          await js.publish(eventSubject(row.type), Buffer.from(row.payload), { msgID: row.id, headers: h, timeout: 2000 });
          done.push(row.id);
        } catch (err) {
          failure = err;
          break;
        }
      }
      if (done.length) {
        await m.query(`UPDATE "${this.schema}".outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1)`, [done]);
        this.published += done.length;
      }
      if (failure) {
        const failed = rows[done.length];
        await m.query(`UPDATE "${this.schema}".outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [failed.id, String(failure).slice(0, 500)]);
        throw failure;
      }
      return rows.length;
    });
  }
}
