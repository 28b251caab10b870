import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  WebhookSubjects, type CreateWebhookBody, type ListWebhooksQuery, type RequestContext, type RotateWebhookSecretBody, type UpdateCommand,
  type UpdateWebhookBody, type WebhookIdParams,
} from '@influgentic/contracts';
import { Caller, ForwardedIdempotencyKey, IdempotencyStore, type IdempotencyKey } from '@influgentic/messaging';
import { EndpointsService } from './endpoints.service';

/**
 * NATS handlers of the endpoints API: one call into the service each, with the command the gateway validated; keyed
 * POSTs go through the idempotency store.
 */
@Controller()
export class EndpointsHandlers {
  constructor(private readonly endpoints: EndpointsService, private readonly idempotency: IdempotencyStore) {}

  @MessagePattern(WebhookSubjects.create)
  create(@Payload() cmd: CreateWebhookBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.endpoints.create(ctx, cmd, run.commit));
  }

  @MessagePattern(WebhookSubjects.list)
  list(@Payload() cmd: ListWebhooksQuery, @Caller() ctx: RequestContext) {
    return this.endpoints.list(ctx, cmd);
  }

  @MessagePattern(WebhookSubjects.get)
  get(@Payload() cmd: WebhookIdParams, @Caller() ctx: RequestContext) {
    return this.endpoints.get(ctx, cmd.id);
  }

  @MessagePattern(WebhookSubjects.update)
  update(@Payload() cmd: UpdateCommand<WebhookIdParams, UpdateWebhookBody>, @Caller() ctx: RequestContext) {
    return this.endpoints.update(ctx, cmd.id, cmd.changes);
  }

  @MessagePattern(WebhookSubjects.remove)
  remove(@Payload() cmd: WebhookIdParams, @Caller() ctx: RequestContext) {
    return this.endpoints.remove(ctx, cmd.id);
  }

  @MessagePattern(WebhookSubjects.rotateSecret)
  rotateSecret(@Payload() cmd: WebhookIdParams & RotateWebhookSecretBody, @Caller() ctx: RequestContext, @ForwardedIdempotencyKey() key?: IdempotencyKey) {
    return this.idempotency.execute(ctx, key, (run) => this.endpoints.rotateSecret(ctx, cmd.id, cmd, run.commit));
  }
}
