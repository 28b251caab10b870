import { Catch, HttpException, Module, type ArgumentsHost, type ExceptionFilter, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { JSONCodec, type NatsConnection } from 'nats';
import sjson from 'secure-json-parse';
import { DomainError, newId, Subjects } from '@influgentic/contracts';
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
import { problem } from './http/problem';
import { IdempotencyService } from './idempotency/idempotency.service';
import { InitGateway1732838400000 } from './migrations/1732838400000-init-gateway';
import { buildOpenApi } from './openapi/openapi';
import { opsRoutes } from './ops/ops.routes';
import { RateLimiter } from './rate-limit/rate-limiter';
import { StreamBridge, streamBridgeOptionsFromEnv } from './streaming/stream-bridge';
import { adminRoutes } from './routes/admin.routes';
import { agentRoutes } from './routes/agents.routes';
import { campaignRoutes } from './routes/campaigns.routes';
import { contentRoutes } from './routes/content.routes';
import { keyRoutes } from './routes/keys.routes';
import type { RouteDef } from './routes/route';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

@Module({})
class GatewayModule {}

/** Unknown routes and anything Nest itself raises become problem documents too. */
@Catch()
class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    const code = status === 404 ? 'not_found' : status === 405 ? 'method_not_allowed' : status < 500 ? 'bad_request' : 'internal_error';
    const message = status === 404 ? `No operation ${req.method} ${req.url.split('?')[0]}` : status < 500 ? 'Bad request' : 'Internal error';
    reply.code(status).type('application/problem+json').send(JSON.stringify(problem(code, message, req.url.split('?')[0], req.id)));
  }
}

export interface GatewayHandle {
  app: INestApplication;
  url: string;
  bootstrapToken: string;
  bootstrapCreated: boolean;
  close: () => Promise<void>;
}

/** Builds the gateway: schema, services, cross-cutting hooks, every route and the API document. */
export async function createGateway(config: GatewayConfig): Promise<GatewayHandle> {
  const log = createLogger('gateway');
  const ds: DataSource = await openServiceDatabase({ schema: 'gateway', entities: [], migrations: [InitGateway1732838400000], poolSize: 20 });
  const pool = (ds.driver as PostgresDriver).master as Pool;
  const repo = new GatewayRepository(pool);
  const auth = new Authenticator(repo, config.KEY_CACHE_MS);
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
  const limiter = new RateLimiter(pool);
  const idempotency = new IdempotencyService(pool);
  const boot = await ensureBootstrapKey(repo, keys, config.DATA_DIR, config.INFLUGENTIC_BOOTSTRAP_API_KEY);

  const metrics = new Registry();
  metrics.setDefaultLabels({ service: 'gateway' });
  collectDefaultMetrics({ register: metrics });
  const httpDuration = new Histogram({
    name: 'influgentic_http_request_duration_seconds', help: 'HTTP requests through the gateway',
    labelNames: ['method', 'route', 'status'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5], registers: [metrics],
  });

  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId('request');
    },
    logger: false,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule, adapter, { logger: new NestPinoLogger(log), bodyParser: false });
  app.useGlobalFilters(new ProblemFilter());
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;

  // JSON bodies: empty means "no body"; prototype poisoning and malformed JSON are 400s, never 500s.
  const jsonParser = (_req: FastifyRequest, raw: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
    const text = raw.toString();
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (err) {
      done(new DomainError('invalid_json', `Request body is not valid JSON: ${(err as Error).message}`));
    }
  };
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(/^application\/([\w.+-]+\+)?json(\s*;.*)?$/i, { parseAs: 'string' }, jsonParser);

  const streams = new StreamBridge(nc, bus, log, streamBridgeOptionsFromEnv(process.env, config.RPC_TIMEOUT_MS));
  const pipeline = new RoutePipeline({ auth, limiter, idempotency, bus, log, adminToken: config.INFLUGENTIC_ADMIN_TOKEN, rpcTimeoutMs: config.RPC_TIMEOUT_MS, streams });

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
    const code = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'payload_too_large'
      : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type'
        : err.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' || (err.statusCode && err.statusCode < 500) ? 'bad_request' : undefined;
    if (code === 'payload_too_large') return pipeline.sendProblem(new DomainError(code, `Request body exceeds ${config.BODY_LIMIT_BYTES} bytes`), req, reply);
    if (code === 'unsupported_media_type') return pipeline.sendProblem(new DomainError(code, 'Send request bodies as application/json'), req, reply);
    if (code) return pipeline.sendProblem(new DomainError('bad_request', err.message), req, reply);
    return pipeline.sendProblem(err, req, reply);
  });

  const url = `http://127.0.0.1:${config.PORT}`;
  const routes: RouteDef[] = [];
  const apiRoutes: RouteDef[] = [...agentRoutes, ...campaignRoutes, ...contentRoutes, ...keyRoutes(keys), ...(config.INFLUGENTIC_ADMIN_TOKEN ? adminRoutes(orgs) : [])];
  let openapiDoc: Record<string, unknown> | undefined;
  const openapi = () => (openapiDoc ??= buildOpenApi(routes, process.env.PUBLIC_BASE_URL ?? url));
  routes.push(...opsRoutes({ pool, bus, metrics, openapi }), ...apiRoutes);
  pipeline.register(fastify, routes);

  // Swagger UI reads the same generated document.
  await app.register(require('@fastify/swagger'), { mode: 'static', specification: { document: openapi() } });
  await app.register(require('@fastify/swagger-ui'), { routePrefix: '/docs' });

  const pruneTimer = setInterval(() => {
    void limiter.prune().catch(() => undefined);
    void idempotency.prune().catch(() => undefined);
  }, 60_000);
  pruneTimer.unref();

  await app.listen(config.PORT, config.HOST);
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    app, url: `http://127.0.0.1:${port}`, bootstrapToken: boot.token, bootstrapCreated: boot.created,
    close: async () => {
      clearInterval(pruneTimer);
      // Open event streams would keep the server from closing; they end with an error event first.
      await streams.close();
      await app.close();
      evictions.unsubscribe();
      await nc.drain().catch(() => undefined);
      await bus.close();
      await ds.destroy();
    },
  };
}
