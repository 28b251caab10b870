import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ClassConstructor } from 'class-transformer';
import {
  DomainError, ERROR_STATUS, fieldErrors, PLAN_LIMITS, type FieldError, type RequestContext,
} from '@influgentic/contracts';
import { BusClient } from '@influgentic/messaging';
import { logContext } from '@influgentic/observability';
import type { Logger } from 'pino';
import { Authenticator, type Principal } from '../auth/authenticator';
import { safeEqual } from '../auth/tokens';
import { IdempotencyService, requestFingerprint } from '../idempotency/idempotency.service';
import { RateLimiter } from '../rate-limit/rate-limiter';
import type { LocalCall, RouteDef } from '../routes/route';
import { wantsEventStream } from '../streaming/sse-response';
import type { StreamBridge } from '../streaming/stream-bridge';
import { problem } from './problem';

const AGENT_ID = /^agent_[a-z0-9_]{1,80}$/;
const ORG_ID = /^org_[a-z0-9_]{1,80}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export interface PipelineDeps {
  auth: Authenticator;
  limiter: RateLimiter;
  idempotency: IdempotencyService;
  bus: BusClient;
  log: Logger;
  adminToken?: string;
  rpcTimeoutMs: number;
  /** Relays live sessions as Server-Sent Events (routes with `stream`). */
  streams?: StreamBridge;
}

/**
 * The gateway's whole request path for one route: authenticate, check tenancy headers and scope, count the rate
 * limit, validate, honour Idempotency-Key, then one NATS request (or a gateway-owned handler) — every refusal a
 * problem+json document.
 */
export class RoutePipeline {
  constructor(private readonly deps: PipelineDeps) {}

  register(app: FastifyInstance, routes: RouteDef[]): void {
    for (const route of routes) {
      app.route({ method: route.method, url: route.path, handler: (req, reply) => this.handle(route, req, reply) });
    }
  }

  async handle(route: RouteDef, req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const params = (req.params ?? {}) as Record<string, string>;
    const query = (req.query ?? {}) as Record<string, unknown>;
    const body = req.body;
    let principal: Principal | null = null;
    let ctx: RequestContext | null = null;
    let idempotency: { org: string; livemode: boolean; key: string } | undefined;
    try {
      if (route.auth === 'admin') this.checkAdmin(req);
      if (route.auth === 'key') {
        principal = await this.deps.auth.authenticate(Authenticator.extractToken(req.headers));
        ctx = this.contextFor(req, principal);
        this.checkScope(route, principal);
        if (route.rateClass && principal.livemode) await this.applyRateLimit(route, principal, reply);
      }
      const errors = [
        ...this.check(route.params, params, 'path'),
        ...this.check(route.query, query, 'query'),
        ...this.check(route.body, body ?? {}, 'body'),
      ];
      if (route.method !== 'GET' && route.method !== 'DELETE' && !route.body && body !== undefined && body !== null && !(typeof body === 'object' && Object.keys(body as object).length === 0)) {
        errors.push({ field: 'body', code: 'unexpected', message: 'this operation takes no request body' });
      }
      if (errors.length) throw DomainError.validation(errors);

      // An event stream cannot be replayed, so it skips idempotency; every check above has run, and until the
      // bridge writes the first byte a refusal is still a problem+json answer.
      if (route.stream && ctx && (route.stream.always || wantsEventStream(req.headers.accept, body))) {
        if (!this.deps.streams) throw new DomainError('internal_error', 'Streaming is not available on this gateway');
        const call: LocalCall = { principal, ctx, params, query, body, request: req, reply };
        await logContext.run({ request_id: req.id, organization_id: ctx.organizationId }, () => this.deps.streams!.relay(route.stream!.subject, call));
        return;
      }

      const idemKey = req.headers['idempotency-key'];
      if (route.method === 'POST' && typeof idemKey === 'string' && ctx && !route.raw) {
        if (!IDEMPOTENCY_KEY.test(idemKey)) throw new DomainError('bad_request', 'Idempotency-Key must be 1–255 printable ASCII characters');
        const outcome = await this.deps.idempotency.begin(ctx.organizationId, ctx.livemode, idemKey, requestFingerprint(route.method, req.url, body));
        if (outcome.kind === 'replay') {
          reply.header('Idempotent-Replayed', 'true').code(outcome.response.status).type('application/json').send(outcome.response.body);
          return;
        }
        idempotency = { org: ctx.organizationId, livemode: ctx.livemode, key: idemKey };
      }

      const call: LocalCall = { principal, ctx, params, query, body, request: req, reply };
      const result = await logContext.run({ request_id: req.id, organization_id: ctx?.organizationId }, () => this.dispatch(route, call));
      if (route.raw) return;
      const payload = JSON.stringify(result ?? {});
      if (idempotency) await this.deps.idempotency.complete(idempotency.org, idempotency.livemode, idempotency.key, { status: route.status, body: payload });
      reply.code(route.status).type('application/json').send(payload);
    } catch (err) {
      if (idempotency) {
        const status = err instanceof DomainError ? ERROR_STATUS[err.code] : 500;
        // 4xx answers are final for that key (Stripe does the same); server-side failures may be retried.
        if (status < 500) {
          const doc = JSON.stringify(this.problemFor(err, req));
          await this.deps.idempotency.complete(idempotency.org, idempotency.livemode, idempotency.key, { status, body: doc }).catch(() => undefined);
        } else {
          await this.deps.idempotency.release(idempotency.org, idempotency.livemode, idempotency.key).catch(() => undefined);
        }
      }
      this.sendProblem(err, req, reply);
    }
  }

  private dispatch(route: RouteDef, call: LocalCall): Promise<unknown> {
    if (route.local) return route.local(call);
    if (!route.subject || !call.ctx) throw new DomainError('internal_error', 'Route has no handler');
    return this.deps.bus.request(route.subject, { params: call.params, query: call.query, body: call.body ?? {} }, call.ctx, route.timeoutMs ?? this.deps.rpcTimeoutMs);
  }

  private checkAdmin(req: FastifyRequest): void {
    const token = Authenticator.extractToken(req.headers);
    // Without a configured token the operator API does not exist (the route is not even registered).
    if (!this.deps.adminToken || !token || !safeEqual(token, this.deps.adminToken)) {
      throw new DomainError('unauthorized', 'The operator API needs Authorization: Bearer <INFLUGENTIC_ADMIN_TOKEN>');
    }
  }

  private contextFor(req: FastifyRequest, principal: Principal): RequestContext {
    const orgHeader = req.headers['x-influgentic-org'];
    if (orgHeader !== undefined) {
      if (typeof orgHeader !== 'string' || !ORG_ID.test(orgHeader)) throw new DomainError('bad_request', 'X-Influgentic-Org must look like org_…');
      if (orgHeader !== principal.organizationId) throw new DomainError('forbidden', 'X-Influgentic-Org does not match the organization of this API key');
    }
    const agentHeader = req.headers['x-influgentic-agent'];
    if (agentHeader !== undefined && (typeof agentHeader !== 'string' || !AGENT_ID.test(agentHeader))) {
      throw new DomainError('bad_request', 'X-Influgentic-Agent must look like agent_…');
    }
    return {
      requestId: req.id, organizationId: principal.organizationId, livemode: principal.livemode,
      agentId: agentHeader as string | undefined, scopes: principal.scopes,
    };
  }

  private checkScope(route: RouteDef, principal: Principal): void {
    if (!route.scope) return;
    const needed = typeof route.scope === 'string' ? [route.scope] : route.scope.anyOf;
    if (!needed.some((s) => principal.scopes.includes(s))) {
      throw new DomainError('insufficient_scope', `This operation needs the ${needed.join(' or ')} scope`);
    }
  }

  private async applyRateLimit(route: RouteDef, principal: Principal, reply: FastifyReply): Promise<void> {
    const cls = route.rateClass!;
    const limit = PLAN_LIMITS[principal.plan][cls];
    const d = await this.deps.limiter.hit(`${principal.keyId}:${cls}`, limit);
    reply.header('X-RateLimit-Limit', String(d.limit));
    reply.header('X-RateLimit-Remaining', String(d.remaining));
    reply.header('X-RateLimit-Reset', String(d.resetSeconds));
    reply.header('RateLimit-Policy', `"${cls}";q=${limit};w=60`);
    reply.header('RateLimit', `"${cls}";r=${d.remaining};t=${d.resetSeconds}`);
    if (!d.allowed) {
      reply.header('Retry-After', String(d.resetSeconds));
      throw new DomainError('rate_limited', `Rate limit of ${limit} ${cls} requests per minute exceeded for this key; retry in ${d.resetSeconds} s`);
    }
  }

  private check(cls: ClassConstructor<object> | undefined, value: unknown, where: 'path' | 'query' | 'body'): FieldError[] {
    if (!cls) return [];
    const { errors } = fieldErrors(cls, value);
    return where === 'body' ? errors : errors.map((e) => ({ ...e, field: e.field === 'body' ? where : e.field }));
  }

  problemFor(err: unknown, req: FastifyRequest) {
    const instance = req.url.split('?')[0];
    if (err instanceof DomainError) return problem(err.code, err.message, instance, req.id, err.errors, err.detail);
    this.deps.log.error({ err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err), request_id: req.id }, 'unhandled gateway error');
    return problem('internal_error', 'Something went wrong on our side; the request id helps us find it', instance, req.id);
  }

  sendProblem(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
    const doc = this.problemFor(err, req);
    reply.code(doc.status).type('application/problem+json').send(JSON.stringify(doc));
  }
}
