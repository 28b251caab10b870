import './tracing';
import 'reflect-metadata';
import { startServiceApp } from '@influgentic/messaging';
import { AnalyticsModule } from './app.module';

void startServiceApp(AnalyticsModule, 'analytics');
