import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { PeriodicTask, SERVICE_LOGGER } from '@influgentic/messaging';

/** `YYYY-MM` of an instant, in UTC: raw events are partitioned by calendar month. */
export const monthOf = (at: Date): string => at.toISOString().slice(0, 7);

/** The partition holding one month, and its bounds. */
export function partitionFor(month: string): { name: string; from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { name: `events_p${y}${String(m).padStart(2, '0')}`, from: `${month}-01T00:00:00Z`, to: `${next}-01T00:00:00Z` };
}

/** This month and the next `ahead` ones. */
export function upcomingMonths(now: Date, ahead: number): string[] {
  const out: string[] = [];
  for (let i = 0; i <= ahead; i++) out.push(monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1))));
  return out;
}

const LOCK = 'influgentic.analytics.event-partitions';
const MONTHS_AHEAD = 2;

/**
 * Monthly partitions of `analytics.events`: made ahead (this month and the next two, checked hourly) and on demand for
 * a late event's month, before the ingest transaction that needs them. Replicas take a transaction-scoped advisory
 * lock and re-read the catalog under it, so two never race on the same DDL.
 */
@Injectable()
export class EventPartitions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly known = new Set<string>();
  private readonly task: PeriodicTask;

  constructor(@Inject(DataSource) private readonly ds: DataSource, @Inject(SERVICE_LOGGER) log: Logger) {
    this.task = new PeriodicTask('analytics-partitions', 3_600_000, () => this.ensure(upcomingMonths(new Date(), MONTHS_AHEAD)), log);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure(upcomingMonths(new Date(), MONTHS_AHEAD));
    this.task.start(false);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  /** Makes sure every month named has its partition. Cheap when they are known (no query). */
  async ensure(months: Iterable<string>): Promise<void> {
    const missing = [...new Set(months)].filter((m) => !this.known.has(m));
    if (!missing.length) return;
    await this.ds.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK]);
      const rows: Array<{ name: string }> = await m.query(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
          JOIN pg_namespace n ON n.oid = p.relnamespace WHERE n.nspname = 'analytics' AND p.relname = 'events'`);
      const existing = new Set(rows.map((r) => r.name));
      for (const month of missing) {
        const p = partitionFor(month);
        if (!existing.has(p.name)) {
          await m.query(`CREATE TABLE analytics.${p.name} PARTITION OF analytics.events FOR VALUES FROM ('${p.from}') TO ('${p.to}')`);
        }
      }
    });
    for (const month of missing) this.known.add(month);
  }
}
