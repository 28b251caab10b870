import {
  Catch, Controller, Inject, Injectable, Module, type ArgumentsHost, type DynamicModule, type INestMicroservice,
  type OnApplicationBootstrap, type OnApplicationShutdown, type Provider, type RpcExceptionFilter, type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, type MicroserviceOptions } from '@nestjs/microservices';
import { Observable, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import type { NatsConnection } from 'nats';
import type { Logger } from 'pino';
import { DomainError, Subjects, type HealthReply, type RpcErrorPayload, type ServiceName } from '@influgentic/contracts';
import { isDatabaseUnavailable, openServiceDatabase, poolOf, timePoolWaits, type ServiceDatabaseOptions } from '@influgentic/persistence';
import { createLogger, createMetrics, NestPinoLogger, type ServiceMetrics } from '@influgentic/observability';
import { connectNats, ensureEventsStream } from './nats';
import { NatsRpcServer } from './rpc-transport';
import { OutboxRelay, OutboxWriter } from './outbox';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');
export const SERVICE_METRICS = Symbol('SERVICE_METRICS');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
/** Subjects of this service that serve without a tenant (see ServiceInfraOptions.tenantFree). */
export const TENANT_FREE_SUBJECTS = Symbol('TENANT_FREE_SUBJECTS');

/** Turns anything a handler throws into the `{code, message, errors}` payload the gateway understands. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  constructor(private readonly log: Logger) {}
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    if (exception instanceof DomainError) return throwError(() => exception.toPayload());
    // The database out of reach is a temporary condition, not a bug: the caller gets 503 with Retry-After.
    if (isDatabaseUnavailable(exception)) {
      this.log.warn({ err: exception instanceof Error ? exception.message : String(exception) }, 'database unavailable');
      const unavailable: RpcErrorPayload = { code: 'service_unavailable', message: 'The database is unreachable; retry shortly' };
      return throwError(() => unavailable);
    }
    this.log.error({ err: exception instanceof Error ? { message: exception.message, stack: exception.stack } : String(exception) }, 'unhandled error in handler');
    const payload: RpcErrorPayload = { code: 'internal_error', message: 'The service failed to handle the request' };
    return throwError(() => payload);
  }
}

export interface ServiceInfraOptions extends Omit<ServiceDatabaseOptions, 'schema'> {
  service: ServiceName;
  /** Defaults to the service name. */
  schema?: string;
  /**
   * Request subjects served without organization and livemode headers, declared on purpose: their handlers must
   * establish the tenant themselves (a review link's token) and never read it from the headers. Health and metrics
   * are always tenant-free.
   */
  tenantFree?: readonly string[];
}

function healthController(service: ServiceName): Type<unknown> {
  @Controller()
  class HealthController {
    private readonly started = Date.now();
    constructor(@Inject(DataSource) private readonly ds: DataSource, @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics) {}

    @MessagePattern(Subjects.metrics(service))
    async metricsJson(): Promise<unknown> {
      return this.metrics.registry.getMetricsAsJSON();
    }

    @MessagePattern(Subjects.health(service))
    async health(): Promise<HealthReply> {
      const database = await this.ds.query('SELECT 1').then(() => true, () => false);
      return { service, status: database ? 'ok' : 'degraded', database, uptime_s: Math.round((Date.now() - this.started) / 1000) };
    }
  }
  return HealthController;
}

/** Starts and stops the outbox relay with the service. */
@Injectable()
class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly relay: OutboxRelay) {}
  async onApplicationBootstrap() { await this.relay.start(); }
  async onApplicationShutdown() { await this.relay.stop(); }
}

/** Closes the NATS connection and the pool last, after every other shutdown hook. */
@Injectable()
class ConnectionsLifecycle implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection, @Inject(DataSource) private readonly ds: DataSource) {}
  async onApplicationShutdown() {
    await this.nc.drain().catch(() => undefined);
    if (this.ds.isInitialized) await this.ds.destroy().catch(() => undefined);
  }
}

/**
 * Everything a service needs to live on the platform: its migrated schema, a NATS connection with the EVENTS stream,
 * the outbox writer and relay, a logger, metrics and the health handler.
 */
@Module({})
export class ServiceInfraModule {
  static forService(opts: ServiceInfraOptions): DynamicModule {
    const schema = opts.schema ?? opts.service;
    const log = createLogger(opts.service);
    const metrics = createMetrics(opts.service);
    const providers: Provider[] = [
      { provide: SERVICE_NAME, useValue: opts.service },
      { provide: TENANT_FREE_SUBJECTS, useValue: opts.tenantFree ?? [] },
      { provide: SERVICE_LOGGER, useValue: log },
      { provide: SERVICE_METRICS, useValue: metrics },
      {
        provide: DataSource,
        useFactory: async () => {
          const ds = await openServiceDatabase({ ...opts, schema });
          timePoolWaits(poolOf(ds), (s) => metrics.dbPoolWait.observe(s));
          return ds;
        },
      },
      {
        provide: NATS_CONNECTION,
        useFactory: async () => {
          const nc = await connectNats(`influgentic-${opts.service}`);
          await ensureEventsStream(nc);
          return nc;
        },
      },
      { provide: OutboxWriter, useValue: new OutboxWriter(schema) },
      {
        provide: OutboxRelay,
        inject: [DataSource, NATS_CONNECTION],
        useFactory: (ds: DataSource, nc: NatsConnection) => new OutboxRelay(ds, nc, schema, log, { metrics }),
      },
      OutboxRelayLifecycle,
      ConnectionsLifecycle,
    ];
    return {
      module: ServiceInfraModule,
      global: true,
      controllers: [healthController(opts.service)],
      providers,
      exports: [SERVICE_NAME, TENANT_FREE_SUBJECTS, SERVICE_LOGGER, SERVICE_METRICS, DataSource, NATS_CONNECTION, OutboxWriter, OutboxRelay],
    };
  }
}

/** Boots a service on the platform's NATS transport in its queue group (so replicas share the load). */
export async function startServiceApp(module: Type<unknown>, service: ServiceName): Promise<INestMicroservice> {
  const log = createLogger(service);
  const server = new NatsRpcServer({ name: `influgentic-${service}-rpc`, queue: service, log });
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module, {
    strategy: server,
    logger: new NestPinoLogger(log),
    bufferLogs: false,
  });
  app.useGlobalFilters(new RpcErrorFilter(log));
  const tenantFree = app.get<readonly string[]>(TENANT_FREE_SUBJECTS, { strict: false });
  server.observeWith(app.get(SERVICE_METRICS), new Set([Subjects.health(service), Subjects.metrics(service), ...tenantFree]));
  app.enableShutdownHooks();
  await app.listen();
  return app;
}
