import './tracing';
import 'reflect-metadata';
import { startServiceApp } from '@influgentic/messaging';
import { RegistryModule } from './app.module';

void startServiceApp(RegistryModule, 'registry');
