import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { Histogram } from 'prom-client';
import type { NatsConnection } from 'nats';
import { BusClient, connectNats } from '@influgentic/messaging';
import { createLogger, NestPinoLogger, poolWaitHistogram, processRegistry } from '@influgentic/observability';
import { openServiceDatabase, poolOf, timePoolWaits } from '@influgentic/persistence';
import type { DataSource } from 'typeorm';
import { createAccessControl } from './auth/access-control';
import { registerConsole } from './console/console-static';
import { ensureBootstrapKey } from './bootstrap-key';
import type { GatewayConfig } from './config';
import { RoutePipeline } from './http/pipeline';
import { ProblemFilter } from './http/problem-filter';
import { createHttpAdapter, installCsvParser, installJsonParser, installResponseHooks, registerCors } from './http/server-setup';
import { RouteTable } from './http/edge';
import { nameServerSpansByRoute } from './http/route-spans';
import { InitGateway1732838400000 } from './migrations/1732838400000-init-gateway';
import { OrganizationRateLimits1767300000000 } from './migrations/1767300000000-organization-rate-limits';
import { AuthFailureGuard } from './rate-limit/auth-failures';
import { buildOpenApi } from './openapi/openapi';
import { guideRoutes, opsRoutes, startMetricsListener } from './ops/ops.routes';
import { RateLimiter } from './rate-limit/rate-limiter';
import { StreamBridge, streamBridgeOptionsFromEnv } from './streaming/stream-bridge';
import { EventStreamService } from './events/event-stream.service';
import { eventStreamOptionsFromEnv } from './events/event-stream.options';
import { publicReviewRoutes } from './review/review.routes';
import { publicApiRoutes } from './routes/api-routes';
import type { RouteDef } from './routes/route';

@Module({})
class GatewayModule {}

export interface GatewayHandle {
  app: INestApplication;
  url: string;
  bootstrapToken: string;
  bootstrapCreated: boolean;
  /** The separate /metrics listener, when METRICS_PORT is set. */
  metricsUrl?: string;
  close: () => Promise<void>;
}

/** Builds the gateway: schema, services, cross-cutting hooks, every route and the API document. */
export async function createGateway(config: GatewayConfig): Promise<GatewayHandle> {
  const log = createLogger('gateway');
  const ds: DataSource = await openServiceDatabase({ schema: 'gateway', entities: [], migrations: [InitGateway1732838400000, OrganizationRateLimits1767300000000], poolSize: 20 });
  const pool = poolOf(ds);
  const bus = new BusClient('influgentic-gateway');
  await bus.connect();
  const nc: NatsConnection = await connectNats('influgentic-gateway-control');
  const access = createAccessControl(pool, nc, config, log);
  const { idempotency, repo, auth, keys, orgs } = access;
  const limiter = new RateLimiter(pool, Date.now, config.RATE_LIMIT_NAMESPACE);
  const boot = await ensureBootstrapKey(repo, keys, config.DATA_DIR, config.INFLUGENTIC_BOOTSTRAP_API_KEY);
  if (boot.revoked) log.warn('INFLUGENTIC_BOOTSTRAP_API_KEY was revoked through the API and stays revoked; configure another key');

  const metrics = processRegistry('gateway');
  const httpDuration = new Histogram({
    name: 'influgentic_http_request_duration_seconds', help: 'HTTP requests through the gateway',
    labelNames: ['method', 'route', 'status'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5], registers: [metrics],
  });
  const poolWait = poolWaitHistogram(metrics);
  timePoolWaits(pool, (s) => poolWait.observe(s));

  const adapter = createHttpAdapter(config);
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule, adapter, { logger: new NestPinoLogger(log), bodyParser: false });
  const routeTable = new RouteTable();
  app.useGlobalFilters(new ProblemFilter(routeTable));
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  nameServerSpansByRoute(fastify);
  // Every route as it is registered (ours, the docs), so 405 and OPTIONS know which methods a path answers.
  fastify.addHook('onRoute', (route) => routeTable.add(route.method, route.url ?? route.path));

  installJsonParser(fastify);

  const streams = new StreamBridge(nc, bus, log, streamBridgeOptionsFromEnv(process.env, config.RPC_TIMEOUT_MS));
  const events = new EventStreamService(nc, log, eventStreamOptionsFromEnv(process.env), metrics);
  const authFailures = new AuthFailureGuard(limiter, config.AUTH_FAILURE_LIMIT);
  const pipeline = new RoutePipeline({ auth, limiter, authFailures, idempotency, bus, log, adminToken: config.INFLUGENTIC_ADMIN_TOKEN, rpcTimeoutMs: config.RPC_TIMEOUT_MS, streams });

  installResponseHooks(fastify, config, pipeline, httpDuration);

  await registerCors(app, config);

  const routes: RouteDef[] = [];
  const apiRoutes = publicApiRoutes({ bus, rpcTimeoutMs: config.RPC_TIMEOUT_MS, events, keys, orgs: config.INFLUGENTIC_ADMIN_TOKEN ? orgs : undefined });
  let openapiDoc: Record<string, unknown> | undefined;
  // Without a public URL the server is "/": wherever the document was fetched from (proxies, any port).
  const openapi = () => (openapiDoc ??= buildOpenApi(routes, process.env.PUBLIC_BASE_URL ?? '/'));
  const opsDeps = { pool, bus, metrics, openapi, metricsAccess: { token: config.METRICS_TOKEN, port: config.METRICS_PORT, production: config.NODE_ENV === 'production' } };
  routes.push(...opsRoutes(opsDeps), ...apiRoutes);
  // Routes that take a CSV upload get a text/csv parser in a plugin scope of their own; every other route stays JSON only.
  pipeline.register(fastify, routes.filter((r) => !r.csvBody));
  await fastify.register(async (scope: FastifyInstance) => {
    installCsvParser(scope);
    pipeline.register(scope, routes.filter((r) => r.csvBody));
  });
  // The review page is public and its forms post form-encoded bodies: those routes get a form parser of their own,
  // in their own plugin scope, so every other route still takes JSON only.
  const reviewRoutes = publicReviewRoutes({ bus, limiter, authFailures, rpcTimeoutMs: config.RPC_TIMEOUT_MS, perMinute: Number(process.env.REVIEW_RATE_LIMIT) || 120 });
  routes.push(...reviewRoutes);
  await fastify.register(async (scope: FastifyInstance) => {
    await scope.register(require('@fastify/formbody'));
    pipeline.register(scope, reviewRoutes);
  });

  // The web console (apps/console's build) at / and /console/*, its hashed files under /assets/.
  registerConsole(fastify);
  // Swagger UI reads the same generated document.
  await app.register(require('@fastify/swagger'), { mode: 'static', specification: { document: openapi() } });
  await app.register(require('@fastify/swagger-ui'), { routePrefix: '/docs' });
  // /llms.txt, made from the finished table; like /docs it is not an operation of the document.
  pipeline.register(fastify, guideRoutes(routes, process.env.PUBLIC_BASE_URL));

  const pruneTimer = setInterval(() => {
    void limiter.prune().catch(() => undefined);
    void idempotency.prune().catch(() => undefined);
  }, 60_000);
  pruneTimer.unref();

  await app.listen(config.PORT, config.HOST);
  // /metrics on a port of its own (METRICS_PORT), for a scraper inside the network rather than the public.
  const metricsServer = config.METRICS_PORT !== undefined ? await startMetricsListener(opsDeps, config.METRICS_PORT, config.HOST) : undefined;
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    app, url: `http://127.0.0.1:${port}`, bootstrapToken: boot.token, bootstrapCreated: boot.created,
    metricsUrl: metricsServer ? `http://127.0.0.1:${(metricsServer.address() as { port: number }).port}` : undefined,
    close: async () => {
      clearInterval(pruneTimer);
      await new Promise((resolve) => (metricsServer ? metricsServer.close(resolve) : resolve(undefined)));
      // Open event streams would keep the server from closing; they end with an error event first.
      await streams.close();
      await events.close();
      await app.close();
      await access.stop();
      await limiter.release();
      await nc.drain().catch(() => undefined);
      await bus.close();
      await idempotency.close();
      await ds.destroy();
    },
  };
}
