// Imported first by main.ts so instrumentation patches http and pg before anything loads them.
import { startTracing } from '@influgentic/observability';
startTracing('analytics');
