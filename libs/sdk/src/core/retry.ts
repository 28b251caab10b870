/** How the client retries requests that failed in a way worth retrying. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 2). */
  maxRetries: number;
  /** First backoff delay; doubles with every retry (default 500 ms). */
  initialDelayMs: number;
  /** Ceiling of the computed backoff (default 8 s). */
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error is returned instead (default 60 s). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/**
 * `Retry-After` in milliseconds: delta-seconds (`"3"`, fractions allowed) or an HTTP date, never negative.
 * Undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date always names its weekday and zone; anything else (`-1`, which Date.parse reads as a year) is junk.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** What happened to one attempt. */
export type AttemptOutcome =
  | { kind: 'response'; status: number; retryAfterMs?: number }
  | { kind: 'network' }
  | { kind: 'timeout' };

export interface AttemptContext {
  method: string;
  /** Whether the request carries an `Idempotency-Key`, which makes repeating a POST safe. */
  idempotent: boolean;
  /** Retries already made (0 after the first attempt). */
  retriesSoFar: number;
}

/**
 * Whether (and after how long) to try again; `undefined` means stop and report the outcome.
 *
 * Retried: 429 and 503 (honouring `Retry-After`), 409 with `Retry-After` (the same Idempotency-Key is still being
 * processed), and failures without a response (connection errors, timeouts). A POST is repeated only with an
 * Idempotency-Key: the gateway then answers a repeat with the first outcome, so nothing is created twice.
 */
export function retryDelay(outcome: AttemptOutcome, ctx: AttemptContext, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random: () => number = Math.random): number | undefined {
  if (ctx.retriesSoFar >= policy.maxRetries) return undefined;
  const safeToRepeat = ctx.method !== 'POST' || ctx.idempotent;
  if (outcome.kind !== 'response') return safeToRepeat ? backoff(ctx.retriesSoFar, policy, random) : undefined;
  const { status, retryAfterMs } = outcome;
  const retryable = status === 429 || (status === 503 && safeToRepeat) || (status === 409 && retryAfterMs !== undefined);
  if (!retryable) return undefined;
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxRetryAfterMs ? retryAfterMs : undefined;
  return backoff(ctx.retriesSoFar, policy, random);
}

/** Exponential backoff with jitter: between 75 % and 100 % of `initial · 2^n`, capped. */
export function backoff(retriesSoFar: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** retriesSoFar);
  return Math.round(ceiling * (0.75 + 0.25 * random()));
}
