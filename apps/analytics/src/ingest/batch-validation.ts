import {
  ANALYTICS_EVENT_TYPES, eventTimeProblem, IngestEventsBody, LANGUAGES, MAX_EVENTS_PER_BATCH, MAX_METADATA_KEYS, MAX_PATH_ID_LENGTH,
  PLATFORMS, unstorableText, validateOrThrow, type IngestEventBody,
} from '@influgentic/contracts';

/*
 * class-validator costs 100+ ms per 1,000-event batch, almost all of it on batches that are fine. So a batch is first
 * put through a plain check that only says "certainly valid"; anything it is unsure of (a bad field, a null, an
 * unknown key) goes through IngestEventsBody as before, which alone decides the refusal and its errors[]. The fast
 * check may send a good batch the slow way, never let a bad one through (batch-validation.spec.ts compares both).
 */

const EVENT_ID = /^[\x21-\x7e]{1,255}$/;
const TYPES: ReadonlySet<string> = new Set(ANALYTICS_EVENT_TYPES);
const PLATFORM_SET: ReadonlySet<string> = new Set(PLATFORMS);
const LANGUAGE_SET: ReadonlySet<string> = new Set(LANGUAGES);
const MAX_COUNT = 10_000_000;
const MAX_VALUE_USD = 1_000_000_000;
const METADATA_KEY_MAX = 64;
const METADATA_STRING_MAX = 500;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIdText = (v: unknown): boolean => typeof v === 'string' && v.length <= MAX_PATH_ID_LENGTH && unstorableText(v) === null;

function isCleanMetadata(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  let keys = 0;
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) return false;
    if (++keys > MAX_METADATA_KEYS || k.length < 1 || k.length > METADATA_KEY_MAX || unstorableText(k)) return false;
    const x = v[k];
    if (typeof x === 'string') {
      if (x.length > METADATA_STRING_MAX || unstorableText(x)) return false;
    } else if (typeof x === 'number') {
      if (!Number.isFinite(x)) return false;
    } else if (typeof x !== 'boolean') return false;
  }
  return true;
}

/** True only when class-validator would find nothing wrong with this event (null optional fields are left to it). */
export function isCleanEvent(e: unknown, now: number): boolean {
  if (!isPlainObject(e)) return false;
  if (typeof e.type !== 'string' || !TYPES.has(e.type) || !isIdText(e.campaign_id)) return false;
  for (const key in e) {
    if (!Object.prototype.hasOwnProperty.call(e, key)) return false;
    const v = e[key];
    switch (key) {
      case 'type': case 'campaign_id': break;
      case 'id': if (typeof v !== 'string' || !EVENT_ID.test(v)) return false; break;
      case 'content_id': case 'agent_id': if (!isIdText(v)) return false; break;
      case 'platform': if (typeof v !== 'string' || !PLATFORM_SET.has(v)) return false; break;
      case 'language': if (typeof v !== 'string' || !LANGUAGE_SET.has(v)) return false; break;
      case 'count': if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > MAX_COUNT) return false; break;
      case 'value_usd':
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_VALUE_USD || Number(v.toFixed(2)) !== v) return false;
        break;
      case 'occurred_at': if (typeof v !== 'string' || eventTimeProblem(v, now) !== null) return false; break;
      case 'metadata': if (!isCleanMetadata(v)) return false; break;
      default: return false;
    }
  }
  return true;
}

/** True only when the whole body is `{ events: [...] }` with 1–1,000 clean events. */
export function isCleanBatch(body: unknown, now = Date.now()): body is { events: IngestEventBody[] } {
  if (!isPlainObject(body)) return false;
  for (const key in body) if (key !== 'events') return false;
  const events = body.events;
  if (!Array.isArray(events) || events.length < 1 || events.length > MAX_EVENTS_PER_BATCH) return false;
  for (let i = 0; i < events.length; i++) if (!isCleanEvent(events[i], now)) return false;
  return true;
}

/** The batch's events, or the 422 class-validator gives for it (fields like `events[3].campaign_id`). */
export function validateIngestBatch(body: unknown, now = Date.now()): IngestEventBody[] {
  if (isCleanBatch(body, now)) return body.events;
  return validateOrThrow(IngestEventsBody, body ?? {}).events;
}
