import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { WebhookSubjects, type RequestContext, type RpcRequest } from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { EndpointsService } from './endpoints.service';

/** NATS handlers of the endpoints API: one call into the service each; keyed POSTs go through the idempotency store. */
@Controller()
export class EndpointsHandlers {
  constructor(private readonly endpoints: EndpointsService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(WebhookSubjects.create)
  create(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.endpoints.create(ctx, req, run.commit));
  }

  @MessagePattern(WebhookSubjects.list)
  list(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.endpoints.list(ctx, req.query);
  }

  @MessagePattern(WebhookSubjects.get)
  get(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.endpoints.get(ctx, req);
  }

  @MessagePattern(WebhookSubjects.update)
  update(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.endpoints.update(ctx, req);
  }

  @MessagePattern(WebhookSubjects.remove)
  remove(@Payload() req: RpcRequest, @Caller() ctx: RequestContext) {
    return this.endpoints.remove(ctx, req);
  }

  @MessagePattern(WebhookSubjects.rotateSecret)
  rotateSecret(@Payload() req: RpcRequest, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.endpoints.rotateSecret(ctx, req, run.commit));
  }
}
