import { Catch, HttpException, Module, type ArgumentsHost, type ExceptionFilter, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { JSONCodec, type NatsConnection } from 'nats';
import sjson from 'secure-json-parse';
import { DomainError, ERROR_STATUS, MAX_JSON_DEPTH, MAX_PATH_ID_LENGTH, newId, Subjects, type ErrorCode } from '@influgentic/contracts';
import { BusClient, connectNats } from '@influgentic/messaging';
import { createLogger, NestPinoLogger } from '@influgentic/observability';
import { openServiceDatabase } from '@influgentic/persistence';
import type { DataSource } from 'typeorm';
import { OrganizationsService } from './admin/organizations.service';
import { ApiKeysService } from './auth/api-keys.service';
import { Authenticator } from './auth/authenticator';
import { GatewayRepository } from './auth/gateway.repository';
import { ensureBootstrapKey } from './bootstrap-key';
import type { GatewayConfig } from './config';
import { RoutePipeline } from './http/pipeline';
import { clientErrorHandler, frameworkRefusal, invalidJsonMessage, jsonNestingExceeds, RouteTable } from './http/edge';
import { problem } from './http/problem';
import { nameServerSpansByRoute } from './http/route-spans';
import { IdempotencyService } from './idempotency/idempotency.service';
import { InitGateway1732838400000 } from './migrations/1732838400000-init-gateway';
import { OrganizationRateLimits1767300000000 } from './migrations/1767300000000-organization-rate-limits';
import { KeyUsageRecorder } from './auth/key-usage';
import { AuthFailureGuard } from './rate-limit/auth-failures';
import { buildOpenApi } from './openapi/openapi';
import { opsRoutes, startMetricsListener } from './ops/ops.routes';
import { RateLimiter } from './rate-limit/rate-limiter';
import { StreamBridge, streamBridgeOptionsFromEnv } from './streaming/stream-bridge';
import { adminRoutes } from './routes/admin.routes';
import { agentRoutes } from './routes/agents.routes';
import { campaignRoutes } from './routes/campaigns.routes';
import { contentRoutes } from './routes/content.routes';
import { publishedRoutes } from './routes/published.routes';
import { jobRoutes } from './routes/jobs.routes';
import { plannerRoutes } from './routes/planner.routes';
import { keyRoutes } from './routes/keys.routes';
import { reviewLinkRoutes } from './routes/review-links.routes';
import { variantRoutes } from './routes/variants.routes';
import { analyticsRoutes } from './routes/analytics.routes';
import { analyticsExportRoutes, withAnalyticsJobs } from './routes/analytics-exports.routes';
import { webhookRoutes } from './routes/webhooks.routes';
import { webhookDeliveryRoutes } from './routes/webhook-deliveries.routes';
import { eventRoutes } from './routes/events.routes';
import { EventStreamService } from './events/event-stream.service';
import { eventStreamOptionsFromEnv } from './events/event-stream.options';
import { publicReviewRoutes } from './review/review.routes';
import type { RouteDef } from './routes/route';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

@Module({})
class GatewayModule {}

/**
 * Unknown routes and anything Nest itself raises become problem documents too. A path that exists with other methods
 * is a 405 with `Allow`, and OPTIONS on it is answered (204 with `Allow`) when CORS has not answered it already.
 */
@Catch()
class ProblemFilter implements ExceptionFilter {
  constructor(private readonly routes: RouteTable) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const path = req.url.split('?')[0];
    // A body refused by our parsers (malformed or too deep JSON) on a path no route answers keeps its own status.
    if (exception instanceof DomainError) {
      reply.code(ERROR_STATUS[exception.code]).type('application/problem+json')
        .send(JSON.stringify(problem(exception.code, exception.message, path, req.id, exception.errors, exception.detail)));
      return;
    }
    let status = exception instanceof HttpException ? exception.getStatus() : 500;
    const allow = status === 404 ? this.routes.allowed(path) : [];
    if (allow.length) {
      reply.header('Allow', allow.join(', '));
      if (req.method === 'OPTIONS') return void reply.code(204).send();
      status = 405;
    }
    const code: ErrorCode = status === 404 ? 'not_found' : status === 405 ? 'method_not_allowed' : status < 500 ? 'bad_request' : 'internal_error';
    const message = status === 404 ? 'No operation exists at this path'
      : status === 405 ? `This path does not answer ${req.method}; it answers ${allow.join(', ')}`
        : status < 500 ? 'Bad request' : 'Internal error';
    reply.code(ERROR_STATUS[code]).type('application/problem+json').send(JSON.stringify(problem(code, message, path, req.id)));
  }
}

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
  const pool = (ds.driver as PostgresDriver).master as Pool;
  // Keys and organizations created by a keyed request commit with the record of that key (see IdempotencyService).
  const idempotency = new IdempotencyService(pool);
  const repo = new GatewayRepository(idempotency.scope.pool);
  // last_used_at is batched in memory and written every KEY_USAGE_FLUSH_MS (and at shutdown), not once per request.
  const keyUsage = new KeyUsageRecorder((ids, at) => repo.recordKeyUsage(ids, at), config.KEY_USAGE_FLUSH_MS);
  keyUsage.start((err) => log.warn({ err: String(err) }, 'could not record API key usage; retrying at the next flush'));
  const auth = new Authenticator(repo, config.KEY_CACHE_MS, keyUsage);
  const bus = new BusClient('influgentic-gateway');
  await bus.connect();
  const nc: NatsConnection = await connectNats('influgentic-gateway-control');
  const codec = JSONCodec<{ kind: 'key' | 'org'; value: string }>();
  // Replicas tell each other about revocations and plan changes so cached lookups die at once everywhere.
  const evictions = nc.subscribe(Subjects.gatewayEvict, {
    callback: (_e, msg) => {
      const m = codec.decode(msg.data);
      if (m.kind === 'key') auth.evictKey(m.value); else auth.evictOrganization(m.value);
    },
  });
  const broadcast = (kind: 'key' | 'org', value: string) => {
    if (kind === 'key') auth.evictKey(value); else auth.evictOrganization(value);
    nc.publish(Subjects.gatewayEvict, codec.encode({ kind, value }));
  };
  const keys = new ApiKeysService(repo, (hash) => broadcast('key', hash));
  const orgs = new OrganizationsService(repo, keys, (id) => broadcast('org', id));
  const limiter = new RateLimiter(pool, Date.now, config.RATE_LIMIT_NAMESPACE);
  const boot = await ensureBootstrapKey(repo, keys, config.DATA_DIR, config.INFLUGENTIC_BOOTSTRAP_API_KEY);
  if (boot.revoked) log.warn('INFLUGENTIC_BOOTSTRAP_API_KEY was revoked through the API and stays revoked; configure another key');

  const metrics = new Registry();
  metrics.setDefaultLabels({ service: 'gateway' });
  collectDefaultMetrics({ register: metrics });
  const httpDuration = new Histogram({
    name: 'influgentic_http_request_duration_seconds', help: 'HTTP requests through the gateway',
    labelNames: ['method', 'route', 'status'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5], registers: [metrics],
  });

  // Bad percent-encoding and over-long ids, refused by the router before any hook runs.
  const frameworkErrors = (err: { code?: string; statusCode?: number }, req: { id: string }, res: unknown): void => {
    const reply = res as FastifyReply;
    const refusal = frameworkRefusal(err.code, err.statusCode) ?? { code: 'bad_request' as const, message: 'The request could not be read' };
    reply.header('X-Request-ID', req.id);
    reply.header('X-Region', config.REGION);
    reply.header('X-Response-Time', '0ms');
    // The path is the bad input here: the document names no instance beyond the root.
    reply.code(ERROR_STATUS[refusal.code]).type('application/problem+json').send(JSON.stringify(problem(refusal.code, refusal.message, '/', req.id)));
  };
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId('request');
    },
    logger: false,
    return503OnClosing: true,
    // A client gets HEADERS_TIMEOUT_MS for its request line and headers and REQUEST_TIMEOUT_MS for the whole request
    // (then 408 and the socket closes); an idle keep-alive socket closes after KEEP_ALIVE_TIMEOUT_MS. Node checks the
    // first two on an interval, kept well below them so the bound holds.
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT_MS,
    http: {
      headersTimeout: config.HEADERS_TIMEOUT_MS,
      requestTimeout: config.REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(config.HEADERS_TIMEOUT_MS / 4))),
    },
    // Ids up to 255 characters reach the route (and are 404 when they name nothing); longer ones are a 414 problem.
    routerOptions: { maxParamLength: MAX_PATH_ID_LENGTH },
    frameworkErrors,
    // What the HTTP parser refuses (431 headers too large, malformed requests) and 408 timeouts, on the raw socket.
    clientErrorHandler: clientErrorHandler(config.REGION),
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule, adapter, { logger: new NestPinoLogger(log), bodyParser: false });
  const routeTable = new RouteTable();
  app.useGlobalFilters(new ProblemFilter(routeTable));
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  nameServerSpansByRoute(fastify);
  // Every route as it is registered (ours, the docs), so 405 and OPTIONS know which methods a path answers.
  fastify.addHook('onRoute', (route) => routeTable.add(route.method, route.url ?? route.path));

  // JSON bodies: empty means "no body"; prototype poisoning and malformed JSON are 400s, never 500s.
  const jsonParser = (_req: FastifyRequest, raw: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
    const text = raw.toString();
    if (text.trim() === '') return done(null, undefined);
    // Before parsing: deeper bodies would overflow the stack of whatever walks them recursively later.
    if (jsonNestingExceeds(text)) return done(new DomainError('invalid_json', `Request body nests deeper than ${MAX_JSON_DEPTH} levels`));
    try {
      done(null, sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (err) {
      done(new DomainError('invalid_json', invalidJsonMessage(err)));
    }
  };
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(/^application\/([\w.+-]+\+)?json(\s*;.*)?$/i, { parseAs: 'string' }, jsonParser);

  const streams = new StreamBridge(nc, bus, log, streamBridgeOptionsFromEnv(process.env, config.RPC_TIMEOUT_MS));
  const events = new EventStreamService(nc, log, eventStreamOptionsFromEnv(process.env), metrics);
  const authFailures = new AuthFailureGuard(limiter, config.AUTH_FAILURE_LIMIT);
  const pipeline = new RoutePipeline({ auth, limiter, authFailures, idempotency, bus, log, adminToken: config.INFLUGENTIC_ADMIN_TOKEN, rpcTimeoutMs: config.RPC_TIMEOUT_MS, streams });

  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-ID', req.id);
    reply.header('X-Region', config.REGION);
  });
  fastify.addHook('onSend', async (_req, reply, payload) => {
    reply.header('X-Response-Time', `${Math.max(0, Math.round(reply.elapsedTime))}ms`);
    return payload;
  });
  fastify.addHook('onResponse', async (req, reply) => {
    httpDuration.observe({ method: req.method, route: req.routeOptions?.url ?? 'unknown', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  fastify.setErrorHandler((err: Error & { code?: string; statusCode?: number }, req, reply) => {
    if (err instanceof DomainError) return pipeline.sendProblem(err, req, reply);
    // Fastify's own refusals (body too large, media type, …) keep their status with a message that repeats no input.
    const refusal = frameworkRefusal(err.code, err.statusCode);
    if (refusal?.code === 'payload_too_large') return pipeline.sendProblem(new DomainError(refusal.code, `Request body exceeds ${config.BODY_LIMIT_BYTES} bytes`), req, reply);
    if (refusal) return pipeline.sendProblem(new DomainError(refusal.code, refusal.message), req, reply);
    return pipeline.sendProblem(err, req, reply);
  });

  // CORS for browser clients of the configured origins: preflights answered before authentication, the headers a
  // client needs exposed. Without CORS_ORIGINS no CORS headers are sent and OPTIONS answers 204 with Allow.
  const corsOrigins = config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  if (corsOrigins.length) {
    await app.register(require('@fastify/cors'), {
      origin: corsOrigins.includes('*') ? '*' : corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: ['X-Request-ID', 'X-Region', 'X-Response-Time', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset',
        'RateLimit', 'RateLimit-Policy', 'Retry-After', 'Idempotent-Replayed', 'Allow'],
      maxAge: 600,
      strictPreflight: false,
    });
  }

  const routes: RouteDef[] = [];
  const apiRoutes: RouteDef[] = [...agentRoutes, ...campaignRoutes, ...contentRoutes, ...variantRoutes, ...reviewLinkRoutes, ...plannerRoutes, ...withAnalyticsJobs(jobRoutes, { bus, rpcTimeoutMs: config.RPC_TIMEOUT_MS }), ...analyticsRoutes, ...analyticsExportRoutes({ bus, rpcTimeoutMs: config.RPC_TIMEOUT_MS }), ...publishedRoutes({ bus, rpcTimeoutMs: config.RPC_TIMEOUT_MS }), ...eventRoutes(events), ...webhookRoutes, ...webhookDeliveryRoutes, ...keyRoutes(keys), ...(config.INFLUGENTIC_ADMIN_TOKEN ? adminRoutes(orgs) : [])];
  let openapiDoc: Record<string, unknown> | undefined;
  // Without a public URL the server is "/": wherever the document was fetched from (proxies, any port).
  const openapi = () => (openapiDoc ??= buildOpenApi(routes, process.env.PUBLIC_BASE_URL ?? '/'));
  const opsDeps = { pool, bus, metrics, openapi, metricsAccess: { token: config.METRICS_TOKEN, port: config.METRICS_PORT, production: config.NODE_ENV === 'production' } };
  routes.push(...opsRoutes(opsDeps), ...apiRoutes);
  pipeline.register(fastify, routes);
  // The review page is public and its forms post form-encoded bodies: those routes get a form parser of their own,
  // in their own plugin scope, so every other route still takes JSON only.
  const reviewRoutes = publicReviewRoutes({ bus, limiter, authFailures, rpcTimeoutMs: config.RPC_TIMEOUT_MS, perMinute: Number(process.env.REVIEW_RATE_LIMIT) || 120 });
  routes.push(...reviewRoutes);
  await fastify.register(async (scope: FastifyInstance) => {
    await scope.register(require('@fastify/formbody'));
    pipeline.register(scope, reviewRoutes);
  });

  // Swagger UI reads the same generated document.
  await app.register(require('@fastify/swagger'), { mode: 'static', specification: { document: openapi() } });
  await app.register(require('@fastify/swagger-ui'), { routePrefix: '/docs' });

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
      // After the last request: what it used is written before the pool closes.
      await keyUsage.stop().catch((err) => log.warn({ err: String(err) }, 'could not record API key usage at shutdown'));
      await limiter.release();
      evictions.unsubscribe();
      await nc.drain().catch(() => undefined);
      await bus.close();
      await idempotency.close();
      await ds.destroy();
    },
  };
}
