/** Pure rules of the outbox relay: which aggregate an event belongs to, retry pacing, settings from the environment. */

import { EVENTS_DUPLICATE_WINDOW_MS, EVENTS_MAX_AGE_MS } from './nats';

/**
 * Keys of an event's data that name the aggregate it is about, most specific first: a campaign's own events carry
 * `id`, a content item's carry `content_id` (with the agent and campaign it belongs to), an agent's carry `agent_id`.
 */
export const AGGREGATE_KEYS = ['id', 'content_id', 'campaign_id', 'agent_id'] as const;

/** The aggregate an event's data is about, or null when it names none (such events are not ordered). */
export function aggregateOf(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  for (const key of AGGREGATE_KEYS) {
    const value = (data as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return null;
}

/** The same rule in SQL over an outbox row's payload, for rows written before the column existed. */
export function aggregateOfPayloadSql(payloadColumn = 'payload'): string {
  return `coalesce(${AGGREGATE_KEYS.map((k) => `nullif(${payloadColumn}->'data'->>'${k}', '')`).join(', ')})`;
}

/** Delay before a row that failed `attempts` times is tried again: exponential, capped. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempts, 30) - 1));
}

export interface RelaySettings {
  /** A row is parked after this many failed publishes that were its own fault (NATS outages do not count). */
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a claim keeps other relays off a row; a crashed relay's rows come back after it. */
  leaseMs: number;
  /** Published outbox rows are deleted after this long. */
  outboxRetentionMs: number;
  /** Inbox entries (consumer dedupe) are deleted after this long. */
  inboxRetentionMs: number;
  pruneEveryMs: number;
}

const HOUR = 3_600_000;

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, unit = 1): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback * unit;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return n * unit;
}

/**
 * Relay settings from the environment. Retention is refused when it would break deduplication: the inbox must outlive
 * the stream's max age (a redelivered event must still be recognised) and the outbox the stream's duplicate window.
 */
export function relaySettings(env: NodeJS.ProcessEnv = process.env): RelaySettings {
  const settings: RelaySettings = {
    maxAttempts: Math.floor(positive(env, 'OUTBOX_MAX_ATTEMPTS', 8)),
    retryBaseMs: positive(env, 'OUTBOX_RETRY_BASE_MS', 500),
    retryMaxMs: positive(env, 'OUTBOX_RETRY_MAX_MS', 60_000),
    leaseMs: positive(env, 'OUTBOX_LEASE_MS', 30_000),
    outboxRetentionMs: positive(env, 'OUTBOX_RETENTION_HOURS', 7 * 24, HOUR),
    inboxRetentionMs: positive(env, 'INBOX_RETENTION_HOURS', 14 * 24, HOUR),
    pruneEveryMs: positive(env, 'OUTBOX_PRUNE_EVERY_MS', HOUR),
  };
  if (settings.maxAttempts < 1) throw new Error('OUTBOX_MAX_ATTEMPTS must be at least 1');
  if (settings.inboxRetentionMs <= EVENTS_MAX_AGE_MS) {
    throw new Error(`INBOX_RETENTION_HOURS must exceed the event stream's max age (${EVENTS_MAX_AGE_MS / HOUR} h)`);
  }
  if (settings.outboxRetentionMs <= EVENTS_DUPLICATE_WINDOW_MS) {
    throw new Error(`OUTBOX_RETENTION_HOURS must exceed the event stream's duplicate window (${EVENTS_DUPLICATE_WINDOW_MS / 60_000} min)`);
  }
  return settings;
}

/** A batch split into lanes: each aggregate's rows in their order; rows of no aggregate each on their own. */
export function aggregateLanes<T extends { id: string; aggregate_id: string | null }>(rows: T[]): T[][] {
  const lanes = new Map<string, T[]>();
  for (const row of rows) {
    const key = row.aggregate_id === null ? `row:${row.id}` : `agg:${row.aggregate_id}`;
    const lane = lanes.get(key);
    if (lane) lane.push(row);
    else lanes.set(key, [row]);
  }
  return [...lanes.values()];
}
