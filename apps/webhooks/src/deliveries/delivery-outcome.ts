import type { WebhookDeliveryStatus } from '@influgentic/contracts';
import { openUntilAfterFailure, shouldAutoDisable, type EndpointHealth } from './circuit-breaker';
import type { DeliverySettings } from './delivery-settings';
import type { SendResult } from './http-sender';
import { attemptVerdict, honoursRetryAfter, nextRetryDelayMs, parseRetryAfterMs } from './retry-policy';

/** What one attempt's result does to its delivery and, on failure, to its endpoint. */
export interface AttemptOutcome {
  delivery: { status: WebhookDeliveryStatus; nextAttemptAt: Date | null; lastError: string | null };
  /** Success ends the endpoint's failure streak; failure extends it. */
  endpoint: 'healthy' | 'failing';
  /** Set when the endpoint must be disabled now, with the reason it will show. */
  disableReason: string | null;
}

/** The error text kept on the delivery: the error code and its message. */
export function lastErrorOf(result: Pick<SendResult, 'errorCode' | 'errorMessage'>): string | null {
  if (!result.errorCode) return null;
  return `${result.errorCode}: ${result.errorMessage ?? ''}`.slice(0, 500);
}

/**
 * Decides a delivery's next state from an attempt: 2xx succeeds; 410 fails it and disables the endpoint; anything
 * else (other statuses, timeouts, resets, DNS failures, refused addresses) waits for the next try of the schedule —
 * no earlier than a 429/503's `Retry-After` asks, within the cap — or fails once its tries are used up.
 */
export function decideOutcome(
  result: SendResult, attemptsMade: number, maxAttempts: number, settings: Pick<DeliverySettings, 'retry'>, now: Date, random: () => number = Math.random,
): AttemptOutcome {
  const verdict = attemptVerdict(result.statusCode);
  if (verdict === 'succeeded') return { delivery: { status: 'succeeded', nextAttemptAt: null, lastError: null }, endpoint: 'healthy', disableReason: null };
  const lastError = lastErrorOf(result);
  if (verdict === 'gone') {
    return { delivery: { status: 'failed', nextAttemptAt: null, lastError }, endpoint: 'failing', disableReason: 'the receiver answered 410 Gone' };
  }
  const retryAfterMs = honoursRetryAfter(result.statusCode) ? parseRetryAfterMs(result.retryAfter, now) : null;
  const delay = nextRetryDelayMs(settings.retry, attemptsMade, maxAttempts, retryAfterMs, random);
  return {
    delivery: delay === null
      ? { status: 'failed', nextAttemptAt: null, lastError }
      : { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay), lastError },
    endpoint: 'failing', disableReason: null,
  };
}

/**
 * The endpoint's health after a failed attempt: one more failure in a row, the streak's start kept, the circuit
 * opened (past the threshold) until the failed delivery's next try. `disableReason` is set once the streak has
 * lasted `disableAfterMs`.
 */
export function healthAfterFailure(
  health: EndpointHealth, nextAttemptAt: Date | null, now: Date, settings: Pick<DeliverySettings, 'breakerThreshold' | 'disableAfterMs' | 'retry'>,
): { health: EndpointHealth; disableReason: string | null } {
  const consecutiveFailures = health.consecutiveFailures + 1;
  const failingSince = health.failingSince ?? now;
  const fallbackMs = settings.retry.scheduleMs[0] ?? 5_000;
  const circuitOpenUntil = openUntilAfterFailure(consecutiveFailures, settings.breakerThreshold, nextAttemptAt, now, fallbackMs);
  const disable = shouldAutoDisable(failingSince, now, settings.disableAfterMs);
  return {
    health: { consecutiveFailures, failingSince, circuitOpenUntil },
    disableReason: disable ? `failing without a success since ${failingSince.toISOString()} (${consecutiveFailures} failed attempts in a row)` : null,
  };
}
