import { WEBHOOK_RESPONSE_SNIPPET_BYTES } from '@influgentic/contracts';
import { retryPolicyFromEnv, type RetryPolicy } from './retry-policy';

export interface DeliverySettings {
  retry: RetryPolicy;
  /** Total time one attempt may take, connect to end of the answer (the contract's 10 s). */
  attemptTimeoutMs: number;
  /** Attempts this process runs at once, across endpoints. */
  concurrency: number;
  /**
   * Attempts in flight per endpoint, across replicas (default 32: a slot is held from claim to record, ~20–30 ms on a
   * busy host even for a receiver that answers at once, so 4 would cap an endpoint near 150/s; on the bench host 64
   * measured no faster than 32). A dead endpoint holds this many of `concurrency` only until its circuit opens.
   */
  endpointConcurrency: number;
  /** Failures in a row that open an endpoint's circuit. */
  breakerThreshold: number;
  /** Continuous failure for this long disables an endpoint (5 days). */
  disableAfterMs: number;
  /** How long a claim lasts; longer than an attempt, so a live worker never loses one mid-attempt. */
  leaseMs: number;
  /** How often idle dispatchers look for due work (NOTIFY wakes them sooner). */
  pollMs: number;
  snippetBytes: number;
  /** How long the bus waits for the fan-out to ack an event before redelivering it (after a crash). */
  consumerAckWaitMs: number;
  /** Pullers of the fan-out consumer in this process (each holds one pooled connection while it writes). */
  fanoutWorkers: number;
  /** Events one fan-out transaction takes at most (those already waiting; it never waits to fill a batch). */
  fanoutBatch: number;
  /** Start dispatching with the service (tests may drive it themselves). */
  autoStart: boolean;
}

export const DELIVERY_SETTINGS = Symbol('DELIVERY_SETTINGS');

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};

export function deliverySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DeliverySettings {
  const attemptTimeoutMs = positive(env.WEBHOOKS_ATTEMPT_TIMEOUT_MS, 10_000);
  return {
    retry: retryPolicyFromEnv(env),
    attemptTimeoutMs,
    concurrency: positive(env.WEBHOOKS_CONCURRENCY, 256),
    endpointConcurrency: positive(env.WEBHOOKS_ENDPOINT_CONCURRENCY, 32),
    breakerThreshold: positive(env.WEBHOOKS_CIRCUIT_THRESHOLD, 5),
    disableAfterMs: positive(env.WEBHOOKS_DISABLE_AFTER_MS, 5 * 86_400_000),
    // A live worker records its attempt well inside the lease: the attempt is bounded by its timeout.
    leaseMs: Math.max(positive(env.WEBHOOKS_LEASE_MS, 30_000), attemptTimeoutMs + 2_000),
    pollMs: positive(env.WEBHOOKS_POLL_MS, 500),
    snippetBytes: WEBHOOK_RESPONSE_SNIPPET_BYTES,
    consumerAckWaitMs: positive(env.WEBHOOKS_CONSUMER_ACK_WAIT_MS, 30_000),
    fanoutWorkers: Math.min(8, Math.floor(positive(env.WEBHOOKS_FANOUT_WORKERS, 2))),
    fanoutBatch: Math.min(1_000, Math.floor(positive(env.WEBHOOKS_FANOUT_BATCH, 256))),
    autoStart: env.WEBHOOKS_DISPATCH !== 'off',
  };
}
