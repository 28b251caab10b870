import type { ApiCore } from '../core/api-core';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions, WithResponse } from '../core/request-options';
import type {
  CreateWebhookParams, ListDeliveriesParams, ListWebhooksParams, RotateWebhookSecretParams, UpdateWebhookParams, WebhookDelivery,
  WebhookEndpoint, WebhookEndpointDeleted, WebhookEndpointWithSecret,
} from '../types';
import { verifyWebhook } from '../webhooks/verify-webhook';

/** The delivery log of one endpoint. */
export class WebhookDeliveriesResource {
  constructor(private readonly core: ApiCore) {}

  list(endpointId: string, params: ListDeliveriesParams = {}, options?: RequestOptions): PagePromise<WebhookDelivery> {
    return this.core.list((cursor) => this.core.api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: endpointId }, query: { ...params, cursor: cursor ?? params.cursor } }, ...this.core.init(options) }));
  }

  retrieve(endpointId: string, deliveryId: string, options?: RequestOptions): Promise<WithResponse<WebhookDelivery>> {
    return this.core.unwrap(this.core.api.GET('/v1/webhooks/{id}/deliveries/{delivery_id}', { params: { path: { id: endpointId, delivery_id: deliveryId } }, ...this.core.init(options) }));
  }

  retry(endpointId: string, deliveryId: string, options?: RequestOptions): Promise<WithResponse<WebhookDelivery>> {
    return this.core.unwrap(this.core.api.POST('/v1/webhooks/{id}/deliveries/{delivery_id}/retry', { params: { path: { id: endpointId, delivery_id: deliveryId } }, ...this.core.init(options) }));
  }
}

/** `/v1/webhooks`: endpoints, secrets, test pings and deliveries; `verify` checks what an endpoint receives. */
export class WebhooksResource {
  readonly deliveries: WebhookDeliveriesResource;
  /** The same as the standalone `verifyWebhook(rawBody, headers, secret, options)`. */
  readonly verify = verifyWebhook;

  constructor(private readonly core: ApiCore) {
    this.deliveries = new WebhookDeliveriesResource(core);
  }

  /** The answer carries the signing secret, shown this once. */
  create(params: CreateWebhookParams, options?: RequestOptions): Promise<WithResponse<WebhookEndpointWithSecret>> {
    return this.core.unwrap(this.core.api.POST('/v1/webhooks', { body: params, ...this.core.init(options) }));
  }

  list(params: ListWebhooksParams = {}, options?: RequestOptions): PagePromise<WebhookEndpoint> {
    return this.core.list((cursor) => this.core.api.GET('/v1/webhooks', { params: { query: { ...params, cursor: cursor ?? params.cursor } }, ...this.core.init(options) }));
  }

  retrieve(id: string, options?: RequestOptions): Promise<WithResponse<WebhookEndpoint>> {
    return this.core.unwrap(this.core.api.GET('/v1/webhooks/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }

  update(id: string, params: UpdateWebhookParams, options?: RequestOptions): Promise<WithResponse<WebhookEndpoint>> {
    return this.core.unwrap(this.core.api.PATCH('/v1/webhooks/{id}', { params: { path: { id } }, body: params, ...this.core.init(options) }));
  }

  delete(id: string, options?: RequestOptions): Promise<WithResponse<WebhookEndpointDeleted>> {
    return this.core.unwrap(this.core.api.DELETE('/v1/webhooks/{id}', { params: { path: { id } }, ...this.core.init(options) }));
  }

  /** A new secret; the previous one keeps signing for the overlap the answer states. */
  rotateSecret(id: string, params: RotateWebhookSecretParams = {}, options?: RequestOptions): Promise<WithResponse<WebhookEndpointWithSecret>> {
    return this.core.unwrap(this.core.api.POST('/v1/webhooks/{id}/rotate-secret', { params: { path: { id } }, body: params, ...this.core.init(options) }));
  }

  /** Sends a `webhook.test` event to the endpoint. */
  test(id: string, options?: RequestOptions): Promise<WithResponse<WebhookDelivery>> {
    return this.core.unwrap(this.core.api.POST('/v1/webhooks/{id}/test', { params: { path: { id } }, ...this.core.init(options) }));
  }
}
