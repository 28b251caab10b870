import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { Client } from 'pg';
import QueryStream from 'pg-query-stream';
import type { ExportFormat } from '@influgentic/contracts';
import { databaseUrl } from '@influgentic/persistence';

export const EXPORT_COLUMNS = ['id', 'type', 'occurred_at', 'campaign_id', 'agent_id', 'content_id', 'platform', 'language', 'count', 'value_usd'] as const;

export interface ExportSelection {
  organizationId: string;
  livemode: boolean;
  /** [from, to) */
  from: Date;
  to: Date;
  campaignId: string | null;
  /** A key narrowed to one agent (X-Influgentic-Agent) exports that agent's events only. */
  agentId: string | null;
}

type Row = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

/** `[` + one JSON object per row, comma-separated + `]`, written as rows arrive. */
function jsonArray(): Transform {
  let first = true;
  return new Transform({
    writableObjectMode: true,
    transform(row: Row, _enc, done) {
      done(null, `${first ? '[\n' : ',\n'}${JSON.stringify(row)}`);
      first = false;
    },
    flush(done) {
      done(null, first ? '[]\n' : '\n]\n');
    },
  });
}

/**
 * Streams the selected raw events to `path` in `format`, a batch of rows at a time (a server-side cursor), so memory
 * stays flat whatever the export's size. Written to a temporary name and renamed once complete: a crash never
 * leaves a half file under the final name. `onProgress` sees each row's time; throwing from it stops the export.
 */
export async function writeExport(sel: ExportSelection, format: ExportFormat, path: string, onProgress: (rows: number, at: Date) => Promise<void>): Promise<{ rows: number; bytes: number }> {
  // A connection of its own: a long export must not hold a pool connection nor run under the pool's query timeout.
  const client = new Client({ connectionString: databaseUrl(), application_name: 'influgentic-analytics-export' });
  await client.connect();
  const tmp = `${path}.tmp`;
  let rows = 0;
  try {
    const params: unknown[] = [sel.organizationId, sel.livemode, sel.from.toISOString(), sel.to.toISOString()];
    const campaign = sel.campaignId ? ` AND campaign_id = $${params.push(sel.campaignId)}` : '';
    const agent = sel.agentId ? ` AND agent_id = $${params.push(sel.agentId)}` : '';
    const query = new QueryStream(
      `SELECT id, type, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at, campaign_id, agent_id,
              content_id, platform, language, count, (value_cents / 100.0)::float8 AS value_usd
         FROM analytics.events
        WHERE organization_id = $1 AND livemode = $2 AND occurred_at >= $3 AND occurred_at < $4${campaign}${agent}
        ORDER BY occurred_at, id`, params, { batchSize: 1000 });
    const source = client.query(query);
    const counter = new Transform({
      objectMode: true,
      transform(row: Row, _enc, done) {
        rows++;
        if (rows % 10_000 !== 0) return done(null, row);
        onProgress(rows, new Date(String(row.occurred_at))).then(() => done(null, row), done);
      },
    });
    const encode = format === 'csv' ? stringify({ header: true, columns: [...EXPORT_COLUMNS] }) : jsonArray();
    await pipeline(source, counter, encode, createWriteStream(tmp));
    await rename(tmp, path);
    return { rows, bytes: (await stat(path)).size };
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}
