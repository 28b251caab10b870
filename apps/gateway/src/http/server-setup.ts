import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Histogram } from 'prom-client';
import sjson from 'secure-json-parse';
import { DomainError, ERROR_STATUS, MAX_JSON_DEPTH, MAX_PATH_ID_LENGTH, newId } from '@influgentic/contracts';
import type { GatewayConfig } from '../config';
import { clientErrorHandler, frameworkRefusal, invalidJsonMessage, jsonNestingExceeds } from './edge';
import type { RoutePipeline } from './pipeline';
import { problem } from './problem';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The HTTP server's own limits and refusals: body size, timeouts, request ids, what the router and parser refuse. */
export function createHttpAdapter(config: GatewayConfig): FastifyAdapter {
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
  return new FastifyAdapter({
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
}

/** JSON bodies: empty means "no body"; prototype poisoning, malformed and over-deep JSON are 400s, never 500s. */
export function installJsonParser(fastify: FastifyInstance): void {
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
}

/** `text/csv` bodies as text (UTF-8, a byte-order mark dropped), for the routes that take a CSV upload. */
export function installCsvParser(scope: FastifyInstance): void {
  scope.addContentTypeParser(/^text\/csv(\s*;.*)?$/i, { parseAs: 'string' }, (_req, raw, done) => done(null, raw.toString().replace(/^\uFEFF/, '')));
}

/** Headers every response carries, the request-duration histogram, and problem documents for every error. */
export function installResponseHooks(fastify: FastifyInstance, config: GatewayConfig, pipeline: RoutePipeline, httpDuration: Histogram<string>): void {
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
}

/** CORS for browser clients of `CORS_ORIGINS`; without it no CORS headers, and OPTIONS answers 204 with Allow. */
export async function registerCors(app: NestFastifyApplication, config: GatewayConfig): Promise<void> {
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
}
