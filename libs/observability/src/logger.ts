import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';
import type { LoggerService } from '@nestjs/common';
import { currentTraceId } from './tracing';

/** Per-request fields (request id, organization) that every log line inside the request carries. */
export const logContext = new AsyncLocalStorage<Record<string, unknown>>();

export function createLogger(service: string): Logger {
  return pino({
    base: { service },
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
    mixin() {
      const trace_id = currentTraceId();
      return { ...(logContext.getStore() ?? {}), ...(trace_id ? { trace_id } : {}) };
    },
  });
}

/** Adapts pino to Nest's LoggerService so framework logs are structured too. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}
  log(message: unknown, context?: string) { this.pino.info({ context }, String(message)); }
  error(message: unknown, trace?: string, context?: string) { this.pino.error({ context, trace }, String(message)); }
  warn(message: unknown, context?: string) { this.pino.warn({ context }, String(message)); }
  debug(message: unknown, context?: string) { this.pino.debug({ context }, String(message)); }
  verbose(message: unknown, context?: string) { this.pino.trace({ context }, String(message)); }
}
