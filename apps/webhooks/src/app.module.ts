import { Module } from '@nestjs/common';
import { IdempotencyStore, ServiceInfraModule } from '@influgentic/messaging';
import { DataSource } from 'typeorm';
import { EndpointHealthRepository } from './deliveries/endpoint-health.repository';
import { DeliveriesHandlers } from './deliveries/deliveries.handlers';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveriesService } from './deliveries/deliveries.service';
import { DeliveryDispatcher } from './deliveries/delivery-dispatcher';
import { DeliveryFanout } from './deliveries/delivery-fanout.consumer';
import { DeliveryRecorder } from './deliveries/delivery-recorder';
import { DELIVERY_SETTINGS, deliverySettingsFromEnv } from './deliveries/delivery-settings';
import { EndpointsHandlers } from './endpoints/endpoints.handlers';
import { endpointsConfigFromEnv } from './endpoints/endpoints.policy';
import { EndpointsRepository } from './endpoints/endpoints.repository';
import { ENDPOINTS_CONFIG, EndpointsService } from './endpoints/endpoints.service';
import { InitWebhooks1732838400000 } from './migrations/1732838400000-init-webhooks';
import { MessagingReliability1767398400000 } from './migrations/1767398400000-messaging-reliability';
import { WebhookEndpoints1767830400000 } from './migrations/1767830400000-webhook-endpoints';
import { WebhookDeliveries1767916800000 } from './migrations/1767916800000-webhook-deliveries';
import { SecretBox } from './secrets/secret-box';

export const WEBHOOKS_ENTITIES = [];
export const WEBHOOKS_MIGRATIONS = [InitWebhooks1732838400000, MessagingReliability1767398400000, WebhookEndpoints1767830400000, WebhookDeliveries1767916800000];

@Module({
  imports: [ServiceInfraModule.forService({ service: 'webhooks', entities: WEBHOOKS_ENTITIES, migrations: WEBHOOKS_MIGRATIONS })],
  controllers: [EndpointsHandlers, DeliveriesHandlers],
  providers: [
    // Sealing key ring: production refuses to start without WEBHOOKS_SECRET_KEY.
    { provide: SecretBox, useFactory: () => SecretBox.fromEnv() },
    { provide: ENDPOINTS_CONFIG, useFactory: () => endpointsConfigFromEnv() },
    EndpointsRepository, EndpointsService, EndpointHealthRepository,
    { provide: DELIVERY_SETTINGS, useFactory: () => deliverySettingsFromEnv() },
    DeliveriesRepository, DeliveryRecorder, DeliveryDispatcher, DeliveryFanout, DeliveriesService,
    { provide: IdempotencyStore, inject: [DataSource], useFactory: (ds: DataSource) => new IdempotencyStore(ds, 'webhooks') },
  ],
})
export class WebhooksModule {}
