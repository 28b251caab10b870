import {
  errorFromResponse, InfluApiError, InfluAuthenticationError, InfluConflictError, InfluError, InfluIdempotencyError, InfluInvalidRequestError,
  InfluNotFoundError, InfluPermissionError, InfluRateLimitError,
} from './errors';

const PROBLEM = {
  type: 'https://docs.influgentic.dev/errors/validation_error', title: 'Validation failed', status: 422, code: 'validation_error',
  message: '2 fields are invalid', detail: 'see errors', instance: '/v1/campaigns', request_id: 'req_body',
  errors: [{ field: 'budget_usd', code: 'min', message: 'must be >= 0' }, { field: 'type', code: 'enum', message: 'must be one of …' }],
};

describe('errorFromResponse', () => {
  it('carries every field of a problem document', () => {
    const err = errorFromResponse(422, new Headers({ 'x-request-id': 'req_header' }), PROBLEM);
    expect(err).toBeInstanceOf(InfluInvalidRequestError);
    expect(err).toBeInstanceOf(InfluError);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({
      name: 'InfluInvalidRequestError', code: 'validation_error', status: 422, message: '2 fields are invalid', requestId: 'req_body',
      type: PROBLEM.type, title: 'Validation failed', detail: 'see errors', instance: '/v1/campaigns',
    });
    expect(err.errors).toEqual(PROBLEM.errors);
  });

  it('takes the request id from X-Request-ID when the body has none', () => {
    const { request_id: _omit, ...withoutId } = PROBLEM;
    expect(errorFromResponse(422, new Headers({ 'x-request-id': 'req_header' }), withoutId).requestId).toBe('req_header');
  });

  it('picks the class from the status and the code', () => {
    const of = (status: number, code: string) => errorFromResponse(status, new Headers(), { code, message: code, status });
    expect(of(401, 'unauthorized')).toBeInstanceOf(InfluAuthenticationError);
    expect(of(403, 'insufficient_scope')).toBeInstanceOf(InfluPermissionError);
    expect(of(404, 'not_found')).toBeInstanceOf(InfluNotFoundError);
    expect(of(409, 'invalid_state')).toBeInstanceOf(InfluConflictError);
    expect(of(409, 'invalid_state')).not.toBeInstanceOf(InfluIdempotencyError);
    expect(of(409, 'idempotency_conflict')).toBeInstanceOf(InfluIdempotencyError);
    expect(of(409, 'idempotency_conflict')).toBeInstanceOf(InfluConflictError);
    expect(of(400, 'invalid_json')).toBeInstanceOf(InfluInvalidRequestError);
    expect(of(429, 'rate_limited')).toBeInstanceOf(InfluRateLimitError);
    expect(of(503, 'service_unavailable')).toBeInstanceOf(InfluApiError);
  });

  it('keeps Retry-After and an empty errors[] when the problem has none', () => {
    const err = errorFromResponse(429, new Headers(), { code: 'rate_limited', message: 'slow down', status: 429 }, 3000);
    expect(err.retryAfterMs).toBe(3000);
    expect(err.errors).toEqual([]);
  });

  it('describes an answer that is not a problem document (a proxy page, say)', () => {
    const err = errorFromResponse(502, new Headers({ 'x-request-id': 'req_1' }), '<html>Bad gateway</html>');
    expect(err).toBeInstanceOf(InfluApiError);
    expect(err).toMatchObject({ code: 'internal_error', status: 502, requestId: 'req_1', raw: '<html>Bad gateway</html>' });
    expect(err.message).toContain('HTTP 502');
    expect(errorFromResponse(503, new Headers(), undefined).code).toBe('service_unavailable');
  });
});
