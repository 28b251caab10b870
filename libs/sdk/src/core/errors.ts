/** One invalid field of a `validation_error` problem. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** An RFC 9457 problem document as the gateway sends it (`application/problem+json`). */
export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  message?: string;
  detail?: string;
  instance?: string;
  request_id?: string;
  errors?: FieldError[];
}

export interface InfluErrorInit {
  code: string;
  message: string;
  /** HTTP status; undefined when no response arrived (network failure, timeout, abort). */
  status?: number;
  errors?: FieldError[];
  requestId?: string;
  type?: string;
  title?: string;
  detail?: string;
  instance?: string;
  headers?: Headers;
  /** How long the server asked to wait before retrying, when it said so. */
  retryAfterMs?: number;
  /** The body as received, when it was not a problem document. */
  raw?: unknown;
  cause?: unknown;
}

/**
 * Every failure the SDK reports: a problem document from the API (its `code`, `status`, `errors[]` and `request_id`
 * as `requestId`), or a request that got no answer. Subclasses name the common cases so callers can `instanceof`.
 */
export class InfluError extends Error {
  readonly code: string;
  readonly status: number | undefined;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  readonly type: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  readonly headers: Headers | undefined;
  readonly retryAfterMs: number | undefined;
  readonly raw: unknown;

  constructor(init: InfluErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.code = init.code;
    this.status = init.status;
    this.errors = init.errors ?? [];
    this.requestId = init.requestId;
    this.type = init.type;
    this.title = init.title;
    this.detail = init.detail;
    this.instance = init.instance;
    this.headers = init.headers;
    this.retryAfterMs = init.retryAfterMs;
    this.raw = init.raw;
  }
}

/** 401: missing, unknown, expired or revoked credentials. */
export class InfluAuthenticationError extends InfluError {}
/** 403: a missing scope, or an organization/agent header the key may not use. */
export class InfluPermissionError extends InfluError {}
/** 404: nothing the caller can see exists there. */
export class InfluNotFoundError extends InfluError {}
/** 409: the object's state refuses the operation. */
export class InfluConflictError extends InfluError {}
/** 409 `idempotency_conflict`: the key was used with another body, or its first request still runs. */
export class InfluIdempotencyError extends InfluConflictError {}
/** 400 / 422: the request was malformed or its fields invalid (`errors[]` names each field). */
export class InfluInvalidRequestError extends InfluError {}
/** 429: rate limited (`retryAfterMs` says how long to wait). */
export class InfluRateLimitError extends InfluError {}
/** 5xx: the API failed or a backing service did not answer in time (503 means "unknown", not "not done"). */
export class InfluApiError extends InfluError {}
/** No response: the connection failed or broke. */
export class InfluConnectionError extends InfluError {}
/** No response within the request's timeout. */
export class InfluTimeoutError extends InfluConnectionError {}
/** The caller's AbortSignal stopped the request. */
export class InfluAbortError extends InfluError {}
/** A stream ended with an `error` event after it had started. */
export class InfluStreamError extends InfluError {}

function isProblem(body: unknown): body is ProblemDocument {
  return typeof body === 'object' && body !== null && typeof (body as ProblemDocument).code === 'string';
}

function errorClassFor(status: number, code: string): typeof InfluError {
  if (code === 'idempotency_conflict') return InfluIdempotencyError;
  if (status === 401) return InfluAuthenticationError;
  if (status === 403) return InfluPermissionError;
  if (status === 404) return InfluNotFoundError;
  if (status === 409) return InfluConflictError;
  if (status === 429) return InfluRateLimitError;
  if (status === 400 || status === 422) return InfluInvalidRequestError;
  if (status >= 500) return InfluApiError;
  return InfluError;
}

/** Turns an unsuccessful response (its parsed body, or the text when it was not JSON) into the matching error. */
export function errorFromResponse(status: number, headers: Headers, body: unknown, retryAfterMs?: number): InfluError {
  const requestId = headers.get('x-request-id') ?? undefined;
  if (isProblem(body)) {
    const code = body.code as string;
    const ErrorClass = errorClassFor(status, code);
    return new ErrorClass({
      code, status, headers, retryAfterMs,
      message: body.message ?? body.detail ?? body.title ?? `HTTP ${status}`,
      errors: Array.isArray(body.errors) ? body.errors : [],
      requestId: body.request_id ?? requestId,
      type: body.type, title: body.title, detail: body.detail, instance: body.instance,
    });
  }
  const code = status === 429 ? 'rate_limited' : status === 503 ? 'service_unavailable' : status >= 500 ? 'internal_error' : 'http_error';
  return new (errorClassFor(status, code))({
    code, status, headers, retryAfterMs, requestId, raw: body,
    message: `HTTP ${status}${typeof body === 'string' && body ? `: ${body.slice(0, 200)}` : ''}`,
  });
}
