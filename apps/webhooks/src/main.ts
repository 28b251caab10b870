import './dns-threads';
import './tracing';
import 'reflect-metadata';
import { startServiceApp } from '@influgentic/messaging';
import { WebhooksModule } from './app.module';

void startServiceApp(WebhooksModule, 'webhooks');
