/** Stable error codes shared by every service and mapped to HTTP by the gateway. */
export const ERROR_STATUS = {
  invalid_json: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  insufficient_scope: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  request_timeout: 408,
  conflict: 409,
  idempotency_conflict: 409,
  invalid_state: 409,
  budget_exhausted: 409,
  agent_not_ready: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  validation_error: 422,
  agent_not_found: 422,
  unsupported_language: 422,
  rate_limited: 429,
  headers_too_large: 431,
  internal_error: 500,
  service_unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLES: Record<ErrorCode, string> = {
  invalid_json: 'Malformed JSON', bad_request: 'Bad request', unauthorized: 'Unauthorized', forbidden: 'Forbidden',
  insufficient_scope: 'Insufficient scope', not_found: 'Not found', method_not_allowed: 'Method not allowed',
  not_acceptable: 'Not acceptable', conflict: 'Conflict', idempotency_conflict: 'Idempotency key reused',
  invalid_state: 'Invalid state', budget_exhausted: 'Budget exhausted', agent_not_ready: 'Agent not ready',
  payload_too_large: 'Payload too large', unsupported_media_type: 'Unsupported media type',
  validation_error: 'Validation failed', agent_not_found: 'Agent not found', unsupported_language: 'Unsupported language',
  rate_limited: 'Too many requests', request_timeout: 'Request timeout', uri_too_long: 'URI too long',
  headers_too_large: 'Request header fields too large', internal_error: 'Internal error', service_unavailable: 'Service unavailable',
};

export interface FieldError { field: string; code: string; message: string }

/** A problem document lists at most this many field errors; the message still counts them all. */
export const MAX_FIELD_ERRORS = 50;

/** What travels over the bus when a service refuses a request. */
export interface RpcErrorPayload {
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
  detail?: string;
}

/** A refusal with a stable code; services throw it, the RPC layer carries it, the gateway maps it. */
export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly errors?: FieldError[],
    public readonly detail?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(errors: FieldError[]): DomainError {
    const n = errors.length;
    // Validators stop collecting at the cap, so past it the true count is unknown: say so rather than miscount.
    const message = n >= MAX_FIELD_ERRORS
      ? `At least ${MAX_FIELD_ERRORS} fields are invalid; the first ${MAX_FIELD_ERRORS} are listed`
      : `${n} field${n === 1 ? ' is' : 's are'} invalid`;
    return new DomainError('validation_error', message, errors.slice(0, MAX_FIELD_ERRORS));
  }

  static notFound(what: string, id: string): DomainError {
    return new DomainError('not_found', `${what} ${id} not found`);
  }

  toPayload(): RpcErrorPayload {
    return { code: this.code, message: this.message, errors: this.errors, detail: this.detail };
  }
}

export function isRpcErrorPayload(value: unknown): value is RpcErrorPayload {
  return typeof value === 'object' && value !== null && typeof (value as RpcErrorPayload).code === 'string'
    && (value as RpcErrorPayload).code in ERROR_STATUS;
}
