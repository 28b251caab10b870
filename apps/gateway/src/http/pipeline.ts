import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { instanceToPlain, type ClassConstructor } from 'class-transformer';
import {
  DomainError, ERROR_STATUS, fieldErrors, unsafeValueErrors, type FieldError, type RequestContext,
} from '@influgentic/contracts';
import { BusClient, decodeJson, isIdempotencyInProgress, isRecordableRefusal, isReplayBytes, readReplay } from '@influgentic/messaging';
import { isDatabaseUnavailable } from '@influgentic/persistence';
import { logContext } from '@influgentic/observability';
import type { Logger } from 'pino';
import { Authenticator, type Principal } from '../auth/authenticator';
import { safeEqual } from '../auth/tokens';
import { IdempotencyService, OPERATOR_SCOPE, requestFingerprint, storableJson, type KeyedRequest, type StoredResponse } from '../idempotency/idempotency.service';
import { AuthFailureGuard, isRateLimited } from '../rate-limit/auth-failures';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { commandOf, type LocalCall, type RouteDef } from '../routes/route';
import { wantsEventStream } from '../streaming/sse-response';
import type { StreamBridge } from '../streaming/stream-bridge';
import { problem } from './problem';

// Any id a client may have copied: one that names no agent narrows to nothing (an id is never a validation error).
const AGENT_ID = /^[A-Za-z0-9_-]{1,255}$/;
const ORG_ID = /^org_[a-z0-9_]{1,80}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
/** A body its service validates: anything odd is judged here in full instead, so the refusal is the same. */
const isForwardable = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && !Array.isArray(body) && unsafeValueErrors(body).length === 0;
/** Retry-After of a 503: backing services and the database usually come back within seconds. */
const SERVICE_UNAVAILABLE_RETRY_AFTER_S = 2;

export interface PipelineDeps {
  auth: Authenticator;
  limiter: RateLimiter;
  /** Limits unknown/revoked keys per client address; without it they are only refused. */
  authFailures?: AuthFailureGuard;
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
    let body = req.body;
    let principal: Principal | null = null;
    let ctx: RequestContext | null = null;
    let keyed: KeyedRequest | undefined;
    try {
      if (route.auth === 'admin') this.checkAdmin(req);
      if (route.auth === 'key') {
        principal = await this.authenticate(req, reply);
        ctx = this.contextFor(req, principal);
        this.checkScope(route, principal);
        if (isRateLimited(route.rateClass, principal.livemode)) await this.applyRateLimit(route, principal, reply);
      }
      // A path id is never a validation error: one that cannot name anything (too long, unstorable characters) is
      // simply not found. The message does not repeat it.
      const path = this.validate(route.params, params, 'path');
      if (path.errors.length) throw new DomainError('not_found', 'Nothing exists at this path');
      const csv = route.csvBody && typeof body === 'string' ? route.csvBody : null;
      if (csv) {
        // A CSV upload: the file is the body field, the rest comes from the query (checked as the query first).
        const csvQuery = this.validate(csv.query, query, 'query');
        if (csvQuery.errors.length) throw DomainError.validation(csvQuery.errors);
        body = { ...instanceToPlain(csvQuery.value), [csv.field]: body };
      }
      const q = this.validate(route.query, query, 'query');
      // A body its service validates is forwarded as it came (once it is safe to forward).
      const b = route.bodyValidatedByService && isForwardable(body) ? { value: body as object, errors: [] } : this.validate(route.body, body ?? {}, 'body');
      const errors = [...q.errors, ...b.errors];
      if (route.method !== 'GET' && route.method !== 'DELETE' && !route.body && body !== undefined && body !== null && !(typeof body === 'object' && Object.keys(body as object).length === 0)) {
        errors.push({ field: 'body', code: 'unexpected', message: 'this operation takes no request body' });
      }
      if (errors.length) throw DomainError.validation(errors);
      // Validated once, here: the service trusts the command's shape and checks only its own invariants.
      const command = commandOf(route.method, { params: path.value, query: q.value, body: b.value });

      // An event stream cannot be replayed, so it skips idempotency; every check above has run, and until the
      // bridge writes the first byte a refusal is still a problem+json answer.
      if (route.stream && ctx && (route.stream.always || wantsEventStream(req.headers.accept, body))) {
        if (!this.deps.streams) throw new DomainError('internal_error', 'Streaming is not available on this gateway');
        const call: LocalCall = { principal, ctx, params, query, body, command, request: req, reply };
        await logContext.run({ request_id: req.id, organization_id: ctx.organizationId }, () => this.deps.streams!.relay(route.stream!.subject, call));
        return;
      }

      // Idempotency-Key: a finished outcome kept here is replayed at once; otherwise the key goes with the request to
      // whoever does the work (the service, or the gateway's own route), which records the outcome with its write.
      const idemKey = req.headers['idempotency-key'];
      if (route.method === 'POST' && typeof idemKey === 'string' && (ctx || route.auth === 'admin') && !route.raw) {
        if (!IDEMPOTENCY_KEY.test(idemKey)) throw new DomainError('bad_request', 'Idempotency-Key must be 1–255 printable ASCII characters');
        keyed = {
          organizationId: ctx?.organizationId ?? OPERATOR_SCOPE, livemode: ctx?.livemode ?? true, key: idemKey,
          fingerprint: requestFingerprint(route.method, req.url, body),
        };
        const done = await this.deps.idempotency.lookup(keyed);
        if (done) return this.sendReplay(reply, done);
      }

      const call: LocalCall = { principal, ctx, params, query, body, command, request: req, reply };
      if (keyed) {
        const k = keyed;
        const answer = await logContext.run({ request_id: req.id, organization_id: ctx?.organizationId }, () => this.dispatchKeyed(route, call, k, reply));
        if (answer.replayed) return this.sendReplay(reply, answer);
        reply.code(answer.status).type('application/json').send(answer.body);
        return;
      }
      const json = await logContext.run({ request_id: req.id, organization_id: ctx?.organizationId }, () => this.dispatch(route, call));
      if (route.raw) return;
      reply.code(route.status).type('application/json').send(json);
    } catch (err) {
      // Another request with this key is running: the client may simply retry.
      if (isIdempotencyInProgress(err)) reply.header('Retry-After', '1');
      // A refusal is final for the key (Stripe does the same); a failure on our side (5xx) records nothing, and a retry
      // then learns from the service what became of the first attempt.
      else if (keyed && isRecordableRefusal(err)) {
        const doc = this.problemFor(err, req);
        await this.deps.idempotency.remember(keyed, { status: doc.status, body: JSON.stringify(doc) }).catch(() => undefined);
      }
      this.sendProblem(err, req, reply);
    }
  }

  /**
   * A keyed request: a gateway-owned route runs under the key's lock in one transaction with its record; a service
   * gets the key and the request's fingerprint with the RPC and answers with a marked replay when it has an outcome.
   */
  private async dispatchKeyed(route: RouteDef, call: LocalCall, keyed: KeyedRequest, reply: FastifyReply): Promise<StoredResponse & { replayed: boolean }> {
    if (route.local) {
      const run = await this.deps.idempotency.runLocal(keyed, route.status, () => route.local!(call));
      return run.replayed ? { ...run.response, replayed: true } : { status: route.status, body: run.body, replayed: false };
    }
    if (!route.subject || !call.ctx) throw new DomainError('internal_error', 'Route has no handler');
    const bytes = await this.deps.bus.requestBytes(route.subject, call.command, call.ctx, route.timeoutMs ?? this.deps.rpcTimeoutMs,
      { key: keyed.key, fingerprint: keyed.fingerprint });
    let body: string;
    let replayed = false;
    if (isReplayBytes(bytes)) {
      // The service answered from its record of this key: unwrap it (a replayed refusal is thrown as itself).
      const { response, error } = readReplay(decodeJson(bytes));
      if (error) {
        reply.header('Idempotent-Replayed', 'true');
        throw error;
      }
      body = JSON.stringify(response ?? {});
      replayed = true;
    } else {
      body = replyText(bytes);
    }
    await this.deps.idempotency.remember(keyed, { status: route.status, body: storableJson(body) }).catch(() => undefined);
    return { status: route.status, body, replayed };
  }

  private sendReplay(reply: FastifyReply, stored: StoredResponse): void {
    reply.header('Idempotent-Replayed', 'true').code(stored.status)
      .type(stored.status >= 400 ? 'application/problem+json' : 'application/json').send(stored.body);
  }

  /** The answer's JSON: a service's reply is passed on as the bytes it sent (never parsed and written again here). */
  private async dispatch(route: RouteDef, call: LocalCall): Promise<string | Buffer> {
    if (route.local) {
      const result = await route.local(call);
      // A raw route has written its own answer.
      return route.raw ? '' : JSON.stringify(result ?? {});
    }
    if (!route.subject || !call.ctx) throw new DomainError('internal_error', 'Route has no handler');
    const bytes = await this.deps.bus.requestBytes(route.subject, call.command, call.ctx, route.timeoutMs ?? this.deps.rpcTimeoutMs);
    return isEmptyReply(bytes) ? '{}' : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  private checkAdmin(req: FastifyRequest): void {
    const token = Authenticator.extractToken(req.headers);
    // Without a configured token the operator API does not exist (the route is not even registered).
    if (!this.deps.adminToken || !token || !safeEqual(token, this.deps.adminToken)) {
      throw new DomainError('unauthorized', 'The operator API needs Authorization: Bearer <INFLUGENTIC_ADMIN_TOKEN>');
    }
  }

  /**
   * Resolves the key. An address that keeps presenting unknown or revoked keys is answered 429 after a burst, from
   * memory once it is over (keys already cached as valid still pass), so guessing costs the guesser.
   */
  private async authenticate(req: FastifyRequest, reply: FastifyReply): Promise<Principal> {
    const token = Authenticator.extractToken(req.headers);
    const guard = this.deps.authFailures;
    if (!guard || !token) return this.deps.auth.authenticate(token);
    const wait = guard.blockedFor(req.ip);
    if (wait > 0 && !this.deps.auth.isCachedValid(token)) throw tooManyFailures(reply, guard.limitPerMinute, wait);
    try {
      return await this.deps.auth.authenticate(token);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'unauthorized') throw err;
      // If the counter itself is unavailable the refusal stays a plain 401.
      const d = await guard.recordFailure(req.ip).catch(() => null);
      if (d && !d.allowed) throw tooManyFailures(reply, d.limit, d.resetSeconds);
      throw err;
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
      throw new DomainError('bad_request', 'X-Influgentic-Agent must be an agent id (1–255 letters, digits, _ or -)');
    }
    return {
      requestId: req.id, organizationId: principal.organizationId, livemode: principal.livemode,
      agentId: agentHeader as string | undefined, keyId: principal.keyId, scopes: principal.scopes,
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
    const limit = principal.limits[cls];
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

  /** The converted value and the field errors of one part; a part without a class is undefined and always valid. */
  private validate(cls: ClassConstructor<object> | undefined, value: unknown, where: 'path' | 'query' | 'body'): { value?: object; errors: FieldError[] } {
    if (!cls) return { errors: [] };
    const checked = fieldErrors(cls, value);
    return { value: checked.value, errors: where === 'body' ? checked.errors : checked.errors.map((e) => ({ ...e, field: e.field === 'body' ? where : e.field })) };
  }

  problemFor(err: unknown, req: FastifyRequest) {
    const instance = req.url.split('?')[0];
    if (err instanceof DomainError) {
      // What the client must not see (e.g. which internal subject went unanswered) is logged with the request id.
      if (err.cause !== undefined && ERROR_STATUS[err.code] >= 500) this.deps.log.warn({ code: err.code, cause: err.cause, request_id: req.id }, 'backing service unavailable');
      return problem(err.code, err.message, instance, req.id, err.errors, err.detail);
    }
    // The gateway's own queries (keys, rate limits, idempotency) with the database out of reach: retry later.
    if (isDatabaseUnavailable(err)) {
      this.deps.log.warn({ err: err instanceof Error ? err.message : String(err), request_id: req.id }, 'database unavailable');
      return problem('service_unavailable', 'The database is unreachable; retry shortly', instance, req.id);
    }
    this.deps.log.error({ err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err), request_id: req.id }, 'unhandled gateway error');
    return problem('internal_error', 'Something went wrong on our side; the request id helps us find it', instance, req.id);
  }

  sendProblem(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
    const doc = this.problemFor(err, req);
    // Every 503 says when to come back (API.md, Errors); a more precise value set earlier wins.
    if (doc.status === 503 && !reply.hasHeader('Retry-After')) reply.header('Retry-After', String(SERVICE_UNAVAILABLE_RETRY_AFTER_S));
    reply.code(doc.status).type('application/problem+json').send(JSON.stringify(doc));
  }
}

const isJsonNull = (b: Uint8Array) => b.length === 4 && b[0] === 0x6e && b[1] === 0x75 && b[2] === 0x6c && b[3] === 0x6c;
/** A handler that returned nothing (or null) answers an empty object, as a local route does. */
const isEmptyReply = (b: Uint8Array) => !b.length || isJsonNull(b);
const utf8 = new TextDecoder();
const replyText = (b: Uint8Array) => (isEmptyReply(b) ? '{}' : utf8.decode(b));

function tooManyFailures(reply: FastifyReply, limit: number, retryAfter: number): DomainError {
  reply.header('X-RateLimit-Limit', String(limit));
  reply.header('X-RateLimit-Remaining', '0');
  reply.header('X-RateLimit-Reset', String(retryAfter));
  reply.header('Retry-After', String(retryAfter));
  return new DomainError('rate_limited', `Too many requests with invalid API keys from this address; retry in ${retryAfter} s`);
}
