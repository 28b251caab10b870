/**
 * The circuit breaker of one endpoint. After `threshold` failures in a row its circuit opens until the failing
 * delivery's next scheduled retry: due deliveries wait instead of each hammering a receiver that is down. When that
 * time comes the circuit is half-open and one probe goes; its success closes the circuit, its failure opens it again
 * until the probe's own next retry. The claim query (deliveries.repository.ts) applies `attemptsAllowed` in SQL.
 */

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface EndpointHealth {
  consecutiveFailures: number;
  circuitOpenUntil: Date | null;
  failingSince: Date | null;
}

export interface BreakerSettings {
  /** Failures in a row that open the circuit. */
  threshold: number;
  /** Continuous failure for this long disables the endpoint. */
  disableAfterMs: number;
}

export function circuitState(health: Pick<EndpointHealth, 'consecutiveFailures' | 'circuitOpenUntil'>, now: Date, threshold: number): CircuitState {
  if (health.consecutiveFailures < threshold) return 'closed';
  if (health.circuitOpenUntil && health.circuitOpenUntil.getTime() > now.getTime()) return 'open';
  return 'half_open';
}

/** How many more attempts to this endpoint may start now: its concurrency while closed, one probe while half-open. */
export function attemptsAllowed(state: CircuitState, inFlight: number, concurrency: number): number {
  const cap = state === 'closed' ? concurrency : state === 'half_open' ? 1 : 0;
  return Math.max(0, cap - inFlight);
}

/**
 * Until when the circuit stays open after a failure that makes `failuresInARow`: the failed delivery's next try, or
 * `fallbackMs` from now when it has no next try (its tries are used up). Null while under the threshold.
 */
export function openUntilAfterFailure(failuresInARow: number, threshold: number, nextAttemptAt: Date | null, now: Date, fallbackMs: number): Date | null {
  if (failuresInARow < threshold) return null;
  return nextAttemptAt ?? new Date(now.getTime() + fallbackMs);
}

/** An endpoint failing without a success since `failingSince` for `disableAfterMs` or longer is disabled. */
export function shouldAutoDisable(failingSince: Date | null, now: Date, disableAfterMs: number): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= disableAfterMs;
}
