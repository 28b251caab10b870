import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EndpointHealth } from './circuit-breaker';

export interface DisabledEndpoint {
  id: string;
  organization_id: string;
  livemode: boolean;
  url: string;
  disabled_reason: string;
  disabled_at: Date;
}

/**
 * The health columns of `webhooks.endpoints` (failure streak, circuit breaker, last success and failure) and the
 * delivery side's disabling of an endpoint. The endpoints feature calls `reset` when an endpoint is enabled again.
 */
@Injectable()
export class EndpointHealthRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** Forgets the failure streak and closes the circuit (an endpoint enabled again starts healthy). */
  async reset(endpointId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.ds.manager).query(
      `UPDATE webhooks.endpoints SET consecutive_failures = 0, failing_since = NULL, circuit_open_until = NULL WHERE id = $1`,
      [endpointId],
    );
  }

  /**
   * A success ends the failure streak and closes the circuit. A healthy endpoint's row is written at most once a
   * minute (for `last_success_at`), so busy endpoints do not queue their attempts on one row lock.
   */
  async recordSuccess(m: EntityManager, endpointId: string): Promise<void> {
    await m.query(
      `UPDATE webhooks.endpoints SET consecutive_failures = 0, failing_since = NULL, circuit_open_until = NULL, last_success_at = now()
        WHERE id = $1 AND (consecutive_failures > 0 OR failing_since IS NOT NULL OR circuit_open_until IS NOT NULL
                           OR last_success_at IS NULL OR last_success_at < now() - interval '1 minute')`,
      [endpointId],
    );
  }

  /** The endpoint's health, locked until the transaction ends (failures of one endpoint are counted one at a time). */
  async lockHealth(m: EntityManager, endpointId: string): Promise<(EndpointHealth & { status: string }) | null> {
    const rows: Array<{ consecutive_failures: number; circuit_open_until: Date | null; failing_since: Date | null; status: string }> = await m.query(
      `SELECT consecutive_failures, circuit_open_until, failing_since, status FROM webhooks.endpoints WHERE id = $1 FOR UPDATE`,
      [endpointId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      consecutiveFailures: row.consecutive_failures, circuitOpenUntil: row.circuit_open_until && new Date(row.circuit_open_until),
      failingSince: row.failing_since && new Date(row.failing_since), status: row.status,
    };
  }

  async writeHealth(m: EntityManager, endpointId: string, health: EndpointHealth, failedAt: Date): Promise<void> {
    await m.query(
      `UPDATE webhooks.endpoints SET consecutive_failures = $2, circuit_open_until = $3, failing_since = $4, last_failure_at = $5 WHERE id = $1`,
      [endpointId, health.consecutiveFailures, health.circuitOpenUntil, health.failingSince, failedAt],
    );
  }

  /** Disables an enabled endpoint with its reason; null when it was not enabled (someone else got there first). */
  async disable(m: EntityManager, endpointId: string, reason: string): Promise<DisabledEndpoint | null> {
    const [rows]: [DisabledEndpoint[], number] = await m.query(
      `UPDATE webhooks.endpoints SET status = 'disabled', disabled_reason = $2, disabled_at = now(), updated_at = now(), circuit_open_until = NULL
        WHERE id = $1 AND status = 'enabled' AND deleted_at IS NULL
        RETURNING id, organization_id, livemode, url, disabled_reason, disabled_at`,
      [endpointId, reason],
    );
    return rows[0] ?? null;
  }
}
