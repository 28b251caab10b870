import { WEBHOOK_MAX_ATTEMPTS } from '@influgentic/contracts';

/** Waits after the 1st, 2nd, … failed try (API.md, Webhooks): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — 8 tries in all. */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

export interface RetryPolicy {
  /** Wait after the n-th failed try (the last step repeats if maxAttempts asks for more). */
  scheduleMs: readonly number[];
  /** Tries, the first included. */
  maxAttempts: number;
  /** Each wait is drawn from [wait × (1 − jitter), wait × (1 + jitter)], so a burst of failures does not retry in step. */
  jitter: number;
  /** The longest a receiver's `Retry-After` may push a try back. */
  retryAfterCapMs: number;
}

/**
 * The schedule from configuration: `WEBHOOKS_RETRY_SCHEDULE_MS` (comma-separated waits) replaces it, or
 * `WEBHOOKS_RETRY_SCALE` multiplies the default (tests compress days into seconds). An unusable value keeps the default.
 */
export function retryPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): RetryPolicy {
  let scheduleMs = DEFAULT_RETRY_SCHEDULE_MS;
  const listed = env.WEBHOOKS_RETRY_SCHEDULE_MS?.split(',').map((s) => Number(s.trim()));
  const scale = Number(env.WEBHOOKS_RETRY_SCALE);
  if (listed?.length && listed.every((n) => Number.isFinite(n) && n >= 0)) scheduleMs = listed;
  else if (Number.isFinite(scale) && scale > 0) scheduleMs = DEFAULT_RETRY_SCHEDULE_MS.map((ms) => Math.round(ms * scale));
  const maxAttempts = Number(env.WEBHOOKS_MAX_ATTEMPTS);
  const jitter = Number(env.WEBHOOKS_RETRY_JITTER);
  return {
    scheduleMs,
    maxAttempts: Number.isInteger(maxAttempts) && maxAttempts > 0 ? maxAttempts : WEBHOOK_MAX_ATTEMPTS,
    jitter: Number.isFinite(jitter) && jitter >= 0 && jitter < 1 ? jitter : 0.2,
    retryAfterCapMs: Math.max(...scheduleMs, 0),
  };
}

/** The wait a `Retry-After` value asks for (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function parseRetryAfterMs(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date names its weekday and month; a bare number with a sign is not one (Date.parse reads '-5' as a year).
  if (!/[A-Za-z]{3}/.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/**
 * The wait before the next try after `attemptsMade` failed tries, or null when the delivery has used its tries.
 * `Retry-After` (on 429 and 503) is honoured as a floor: the next try comes no earlier than it asks, up to the cap.
 */
export function nextRetryDelayMs(
  policy: RetryPolicy, attemptsMade: number, maxAttempts: number, retryAfterMs: number | null = null, random: () => number = Math.random,
): number | null {
  if (attemptsMade >= maxAttempts) return null;
  const { scheduleMs } = policy;
  const base = scheduleMs.length ? scheduleMs[Math.min(attemptsMade, scheduleMs.length) - 1] ?? scheduleMs[0] : 0;
  const jittered = Math.round(base * (1 - policy.jitter + 2 * policy.jitter * random()));
  if (retryAfterMs === null) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, policy.retryAfterCapMs));
}

/** What a try's answer means for the delivery. */
export type AttemptVerdict = 'succeeded' | 'gone' | 'retry';

/** 2xx succeeds; 410 Gone means the receiver is gone for good (the endpoint is disabled); anything else is retried. */
export function attemptVerdict(statusCode: number | null): AttemptVerdict {
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return 'succeeded';
  if (statusCode === 410) return 'gone';
  return 'retry';
}

/** Only these answers carry a `Retry-After` worth honouring. */
export const honoursRetryAfter = (statusCode: number | null) => statusCode === 429 || statusCode === 503;
