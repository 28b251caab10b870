import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WebhookEndpointDisabledData } from '@influgentic/contracts';
import { OutboxWriter } from '@influgentic/messaging';
import { DeliveriesRepository, type ClaimedDelivery, type DeliveryNext, type NewAttempt } from './deliveries.repository';
import { decideOutcome, healthAfterFailure } from './delivery-outcome';
import { DELIVERY_SETTINGS, type DeliverySettings } from './delivery-settings';
import { EndpointHealthRepository } from './endpoint-health.repository';
import { GroupCommit } from './group-commit';
import type { SendResult } from './http-sender';

interface Success {
  owner: string;
  delivery: ClaimedDelivery;
  attempt: NewAttempt;
  next: DeliveryNext;
}

/** Successes written per transaction at most. */
const SUCCESS_GROUP = 256;

/**
 * Writes what an attempt did, in one transaction: the attempt row, the delivery's next state, the endpoint's health,
 * and — on 410 or after days of failure — the endpoint's disabling with its `webhook_endpoint.disabled` event.
 * Successes, the bulk of the work, are group-committed: those finishing while a write runs share the next one.
 */
@Injectable()
export class DeliveryRecorder {
  private readonly successes = new GroupCommit<Success, boolean>((items) => this.recordSuccesses(items), SUCCESS_GROUP);

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly health: EndpointHealthRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {}

  /** Returns false when the worker no longer held the delivery (nothing was written). */
  async record(owner: string, delivery: ClaimedDelivery, result: SendResult): Promise<boolean> {
    const now = new Date();
    const outcome = decideOutcome(result, delivery.attempts_count + 1, delivery.max_attempts, this.settings, now);
    const attempt: NewAttempt = {
      started_at: result.startedAt, latency_ms: result.latencyMs, address: result.address, status_code: result.statusCode,
      response_snippet: result.snippet, location: result.location, error_code: result.errorCode, error_message: result.errorMessage,
    };
    if (outcome.endpoint === 'healthy') return this.successes.add({ owner, delivery, attempt, next: outcome.delivery });
    return this.deliveries.transaction(async (m) => {
      const recorded = await this.deliveries.recordAttempt(m, owner, delivery, attempt, outcome.delivery);
      if (recorded === null) return false;
      let disableReason = outcome.disableReason;
      const current = await this.health.lockHealth(m, delivery.endpoint_id);
      if (current && current.status === 'enabled') {
        const after = healthAfterFailure(current, outcome.delivery.nextAttemptAt, now, this.settings);
        await this.health.writeHealth(m, delivery.endpoint_id, after.health, now);
        disableReason ??= after.disableReason;
      }
      // Disabling announces itself through the outbox: that commit waits for the flush like any other event's.
      if (disableReason) await this.disable(m, delivery.endpoint_id, disableReason);
      else await this.deliveries.commitWithoutFlush(m);
      return true;
    });
  }

  /**
   * A group of successes: one statement for their attempts when every endpoint was healthy (the common case), else
   * one transaction that also writes the health of the endpoints that recovered.
   */
  private async recordSuccesses(items: Success[]): Promise<boolean[]> {
    const recorded = (attempts: Array<number | null>) => attempts.map((n) => n !== null);
    if (items.every((item) => item.delivery.endpoint_healthy)) return recorded(await this.deliveries.recordAttempts(this.deliveries.manager, items));
    return this.deliveries.transaction(async (m) => {
      const attempts = await this.deliveries.recordAttempts(m, items);
      const recovering = new Set(items.filter((item, i) => attempts[i] !== null && !item.delivery.endpoint_healthy).map((item) => item.delivery.endpoint_id));
      // In id order, so two groups touching the same endpoints lock them in the same order.
      for (const endpointId of [...recovering].sort()) await this.health.recordSuccess(m, endpointId);
      return recorded(attempts);
    });
  }

  /** Disables the endpoint, ends its pending deliveries and announces it — once, whoever gets there first. */
  async disable(m: EntityManager, endpointId: string, reason: string): Promise<void> {
    const disabled = await this.health.disable(m, endpointId, reason);
    if (!disabled) return;
    await this.deliveries.failPending(m, endpointId, `endpoint_disabled: ${reason}`);
    const data: WebhookEndpointDisabledData = {
      id: disabled.id, url: disabled.url, disabled_reason: disabled.disabled_reason, disabled_at: new Date(disabled.disabled_at).toISOString(),
    };
    await this.outbox.enqueue(m, { type: 'webhook_endpoint.disabled', organizationId: disabled.organization_id, livemode: disabled.livemode, data, aggregateId: disabled.id });
  }
}
