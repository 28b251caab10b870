import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  WebhookDeliverySubjects, type ListWebhookDeliveriesQuery, type RequestContext, type WebhookDeliveriesParams, type WebhookDeliveryParams,
} from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { DeliveriesService } from './deliveries.service';

/**
 * NATS handlers: one call into the service each, with the command the gateway validated; the POSTs record their
 * outcome under an Idempotency-Key.
 */
@Controller()
export class DeliveriesHandlers {
  constructor(private readonly deliveries: DeliveriesService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(WebhookDeliverySubjects.list)
  list(@Payload() cmd: WebhookDeliveriesParams & ListWebhookDeliveriesQuery, @Caller() ctx: RequestContext) {
    return this.deliveries.list(ctx, cmd.id, cmd);
  }

  @MessagePattern(WebhookDeliverySubjects.get)
  get(@Payload() cmd: WebhookDeliveryParams, @Caller() ctx: RequestContext) {
    return this.deliveries.get(ctx, cmd.id, cmd.delivery_id);
  }

  @MessagePattern(WebhookDeliverySubjects.retry)
  retry(@Payload() cmd: WebhookDeliveryParams, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.deliveries.retry(ctx, cmd.id, cmd.delivery_id, run.commit));
  }

  @MessagePattern(WebhookDeliverySubjects.test)
  test(@Payload() cmd: WebhookDeliveriesParams, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.deliveries.test(ctx, cmd.id, run.commit));
  }
}
