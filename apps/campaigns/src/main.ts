import './tracing';
import 'reflect-metadata';
import { startServiceApp } from '@influgentic/messaging';
import { CampaignsModule } from './app.module';

void startServiceApp(CampaignsModule, 'campaigns');
