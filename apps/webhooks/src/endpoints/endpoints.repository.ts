import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { cappedTotal } from '@influgentic/persistence';
import type { WebhookEndpointStatus } from '@influgentic/contracts';

/** A row of `webhooks.endpoints` as this feature reads it (the delivery side keeps its health columns itself). */
export interface EndpointRow {
  id: string;
  organization_id: string;
  livemode: boolean;
  url: string;
  description: string | null;
  /** Event types, or `'*'` for every type. */
  events: string[];
  status: WebhookEndpointStatus;
  disabled_reason: string | null;
  disabled_at: Date | null;
  secret_ciphertext: string;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Date | null;
  rate_limit_per_minute: number | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export type NewEndpointRow = Omit<EndpointRow, 'status' | 'disabled_reason' | 'disabled_at' | 'previous_secret_ciphertext' | 'previous_secret_expires_at' | 'created_at' | 'updated_at' | 'deleted_at'>;

/** What an update may change. */
export type EndpointChanges = Partial<Pick<EndpointRow,
  'url' | 'description' | 'events' | 'status' | 'disabled_reason' | 'disabled_at' | 'secret_ciphertext' | 'previous_secret_ciphertext' |
  'previous_secret_expires_at' | 'rate_limit_per_minute' | 'deleted_at'>>;

export interface EndpointFilter { status?: WebhookEndpointStatus }

const COLUMNS = `id, organization_id, livemode, url, description, events, status, disabled_reason, disabled_at, secret_ciphertext,
  previous_secret_ciphertext, previous_secret_expires_at, rate_limit_per_minute, created_at, updated_at, deleted_at`;

const CHANGEABLE = new Set<keyof EndpointChanges>([
  'url', 'description', 'events', 'status', 'disabled_reason', 'disabled_at', 'secret_ciphertext', 'previous_secret_ciphertext',
  'previous_secret_expires_at', 'rate_limit_per_minute', 'deleted_at',
]);

/** Everything that touches `webhooks.endpoints`. Every read is scoped by organization and mode. */
@Injectable()
export class EndpointsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  /** A visible (not deleted) endpoint of the organization and mode, or null — another organization's is not found. */
  async findVisible(organizationId: string, livemode: boolean, id: string, m: EntityManager = this.ds.manager): Promise<EndpointRow | null> {
    const rows: EndpointRow[] = await m.query(
      `SELECT ${COLUMNS} FROM webhooks.endpoints WHERE id = $1 AND organization_id = $2 AND livemode = $3 AND deleted_at IS NULL`,
      [id, organizationId, livemode]);
    return rows[0] ?? null;
  }

  /** The same, locked for the rest of the transaction (edits of one endpoint go one after another). */
  async lockVisible(m: EntityManager, organizationId: string, livemode: boolean, id: string): Promise<EndpointRow | null> {
    const rows: EndpointRow[] = await m.query(
      `SELECT ${COLUMNS} FROM webhooks.endpoints WHERE id = $1 AND organization_id = $2 AND livemode = $3 AND deleted_at IS NULL FOR UPDATE`,
      [id, organizationId, livemode]);
    return rows[0] ?? null;
  }

  /** Whether the organization deleted this endpoint earlier (a repeated DELETE answers like the first). */
  async wasDeleted(organizationId: string, livemode: boolean, id: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `SELECT 1 FROM webhooks.endpoints WHERE id = $1 AND organization_id = $2 AND livemode = $3 AND deleted_at IS NOT NULL`,
      [id, organizationId, livemode]);
    return rows.length > 0;
  }

  /** Enabled, not deleted endpoints of the organization and mode subscribed to `eventType` (or to `*`). */
  async findSubscribed(organizationId: string, livemode: boolean, eventType: string): Promise<EndpointRow[]> {
    return this.ds.query(
      `SELECT ${COLUMNS} FROM webhooks.endpoints
        WHERE organization_id = $1 AND livemode = $2 AND status = 'enabled' AND deleted_at IS NULL AND events && ARRAY[$3, '*']::text[]
        ORDER BY id`,
      [organizationId, livemode, eventType]);
  }

  /**
   * Serializes creations per organization and mode for the rest of the transaction, then counts its endpoints: two
   * concurrent creates cannot both pass the limit.
   */
  async lockAndCount(m: EntityManager, organizationId: string, livemode: boolean): Promise<number> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`webhooks.endpoints:${organizationId}:${livemode}`]);
    const [{ n }]: Array<{ n: number }> = await m.query(
      `SELECT count(*)::int AS n FROM webhooks.endpoints WHERE organization_id = $1 AND livemode = $2 AND deleted_at IS NULL`,
      [organizationId, livemode]);
    return n;
  }

  async insert(m: EntityManager, row: NewEndpointRow): Promise<EndpointRow> {
    const [stored]: EndpointRow[] = await m.query(
      `INSERT INTO webhooks.endpoints (id, organization_id, livemode, url, description, events, secret_ciphertext, rate_limit_per_minute)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [row.id, row.organization_id, row.livemode, row.url, row.description, row.events, row.secret_ciphertext, row.rate_limit_per_minute]);
    return stored;
  }

  async update(m: EntityManager, id: string, changes: EndpointChanges): Promise<EndpointRow> {
    const entries = Object.entries(changes).filter(([k, v]) => v !== undefined && CHANGEABLE.has(k as keyof EndpointChanges));
    const sets = entries.map(([k], i) => `${k} = $${i + 2}`);
    const [rows]: [EndpointRow[], number] = await m.query(
      `UPDATE webhooks.endpoints SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, ...entries.map(([, v]) => v)]);
    return rows[0];
  }

  /** One page, newest first (ids are ULIDs, so id order is creation order), after the id a cursor carries. */
  async page(organizationId: string, livemode: boolean, filter: EndpointFilter, limit: number, afterId?: string): Promise<EndpointRow[]> {
    const [where, params] = this.filtered(organizationId, livemode, filter);
    if (afterId !== undefined) {
      params.push(afterId);
      where.push(`id < $${params.length}`);
    }
    params.push(limit + 1);
    return this.ds.query(`SELECT ${COLUMNS} FROM webhooks.endpoints WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${params.length}`, params);
  }

  async count(organizationId: string, livemode: boolean, filter: EndpointFilter, cap = 200): Promise<number> {
    const [where, params] = this.filtered(organizationId, livemode, filter);
    return cappedTotal((q, p) => this.ds.query(q, p), `SELECT 1 FROM webhooks.endpoints WHERE ${where.join(' AND ')}`, params, cap);
  }

  private filtered(organizationId: string, livemode: boolean, filter: EndpointFilter): [string[], unknown[]] {
    const where = ['organization_id = $1', 'livemode = $2', 'deleted_at IS NULL'];
    const params: unknown[] = [organizationId, livemode];
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    return [where, params];
  }
}
