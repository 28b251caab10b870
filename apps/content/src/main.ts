import './tracing';
import 'reflect-metadata';
import { startServiceApp } from '@influgentic/messaging';
import { ContentModule } from './app.module';

void startServiceApp(ContentModule, 'content');
