import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { WebhookDeliverySubjects, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { DeliveriesService } from './deliveries.service';

/** NATS handlers: one call into the service each; the POSTs record their outcome under an Idempotency-Key. */
@Controller()
export class DeliveriesHandlers {
  constructor(private readonly deliveries: DeliveriesService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(WebhookDeliverySubjects.list)
  list(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.deliveries.list(ctx, req);
  }

  @MessagePattern(WebhookDeliverySubjects.get)
  get(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.deliveries.get(ctx, req);
  }

  @MessagePattern(WebhookDeliverySubjects.retry)
  retry(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.deliveries.retry(ctx, req, run.commit));
  }

  @MessagePattern(WebhookDeliverySubjects.test)
  test(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.deliveries.test(ctx, req, run.commit));
  }
}
