import type { ClassConstructor } from 'class-transformer';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateClass, RequestContext, Scope, ServiceName } from '@influgentic/contracts';
import type { Principal } from '../auth/authenticator';

export interface LocalCall {
  principal: Principal | null;
  ctx: RequestContext | null;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** The operation's command: what `params`, `query` and `body` hold once validated and converted (see `commandOf`). */
  command: Record<string, unknown>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** One public operation: how it is authorized, limited and validated, and which service answers it. */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Fastify path syntax (`/v1/agents/:id`). */
  path: string;
  tag: ServiceName | 'gateway' | 'operations' | 'admin';
  summary: string;
  /** `public`: no credentials; `key`: an organization API key; `admin`: the operator token. */
  auth: 'public' | 'key' | 'admin';
  /** Required scope; `anyOf` accepts any one of several. */
  scope?: Scope | { anyOf: Scope[] };
  rateClass?: RateClass;
  status: number;
  params?: ClassConstructor<object>;
  query?: ClassConstructor<object>;
  body?: ClassConstructor<object>;
  /**
   * The owning service validates the body itself (a large batch is checked once, there): the gateway only makes sure
   * it is safe to forward (a JSON object, not too deep, storable text); `body` still documents it in OpenAPI.
   */
  bodyValidatedByService?: boolean;
  /** NATS subject of the owning service… */
  subject?: string;
  /** …or a handler the gateway owns itself (keys, organizations, operations). */
  local?: (call: LocalCall) => Promise<unknown>;
  timeoutMs?: number;
  /** The response is written by the handler itself (SSE, files). */
  raw?: boolean;
  /** Marks an operation that answers with Server-Sent Events when asked to. */
  sse?: boolean;
  /**
   * Live sessions (see `streaming/`): the subject that opens one. The operation streams when the request asks for
   * it (`stream: true` in the body or `Accept: text/event-stream`), or always with `always`; otherwise `subject` or
   * `local` answers as usual. Authentication, scope, rate limit and validation run first either way.
   */
  stream?: { subject: string; always?: boolean };
  /** A file download (`raw`) also served in these media types besides JSON, e.g. `text/csv` (listed in OpenAPI). */
  fileTypes?: string[];
  /** Answers with an HTML page (and HTML error pages to browsers); the handler writes it (`raw`). */
  html?: boolean;
  /** Also takes `application/x-www-form-urlencoded` bodies (an HTML form), answered with a 303 back to the page. */
  formBody?: boolean;
  /**
   * Also takes the named body field as the whole request body in `text/csv` (a file upload with curl); the body's
   * other fields then come from the query string, as `query` of this row describes them.
   */
  csvBody?: { field: string; query: ClassConstructor<object> };
  /** A public operation limited per client address (429 with Retry-After). */
  addressLimited?: boolean;
}

/** The validated, converted parts of a request (each the instance its class made, or undefined without a class). */
export interface ValidatedParts {
  params?: object;
  query?: object;
  body?: object;
}

/**
 * What a service receives for an operation: one typed command, not the HTTP request. The validated fields of the path,
 * the query and the body sit side by side in one object; a merge patch (PATCH) keeps its body apart as `changes`,
 * since what a GET returned — its `id` included — may be sent back in it. No two parts of a route may name the same
 * field (held by `commands.spec.ts`), so nothing is overwritten.
 */
export function commandOf(method: RouteDef['method'], parts: ValidatedParts): Record<string, unknown> {
  const addressed = { ...parts.query, ...parts.params };
  return method === 'PATCH' ? { ...addressed, changes: { ...parts.body } } : { ...parts.body, ...addressed };
}

/** A gateway-owned operation's command, typed as its row's classes made it (the pipeline validated it first). */
export const commandAs = <C>(call: Pick<LocalCall, 'command'>): C => call.command as unknown as C;
