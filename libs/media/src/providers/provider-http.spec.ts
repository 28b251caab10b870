import { errorMessageFromBody, sameOrigin } from './provider-http';

describe('errorMessageFromBody', () => {
  it.each([
    ['OpenAI error object', '{"error":{"message":"Your request was rejected by the safety system.","type":"invalid_request_error"}}', 'Your request was rejected by the safety system.'],
    ['error string', '{"error":"model not found"}', 'model not found'],
    ['Replicate detail', '{"detail":"Invalid version or not permitted","status":422}', 'Invalid version or not permitted'],
    ['FastAPI validation list', '{"detail":[{"loc":["body","prompt"],"msg":"field required"},{"msg":"bad size"}]}', 'field required; bad size'],
    ['message', '{"message":"quota exceeded"}', 'quota exceeded'],
    ['problem title', '{"title":"Unauthenticated","status":401}', 'Unauthenticated'],
    ['plain text', 'upstream overloaded\n', 'upstream overloaded'],
  ])('finds the message in %s', (_label, body, message) => {
    expect(errorMessageFromBody(body, 'Bad Request')).toBe(message);
  });

  it('falls back to the status text for empty and HTML bodies, and clips long ones', () => {
    expect(errorMessageFromBody('', 'Bad Gateway')).toBe('Bad Gateway');
    expect(errorMessageFromBody('<html><body>502</body></html>', 'Bad Gateway')).toBe('Bad Gateway');
    expect(errorMessageFromBody('{"unrelated":true}', 'Teapot')).toBe('{"unrelated":true}');
    expect(errorMessageFromBody('x'.repeat(2000)).length).toBeLessThanOrEqual(501);
  });
});

describe('sameOrigin', () => {
  it('compares scheme, host and port', () => {
    expect(sameOrigin('https://api.replicate.com/v1/predictions/1', 'https://api.replicate.com/v1')).toBe(true);
    expect(sameOrigin('https://replicate.delivery/a.mp4', 'https://api.replicate.com/v1')).toBe(false);
    expect(sameOrigin('http://127.0.0.1:1/a', 'http://127.0.0.1:2/a')).toBe(false);
    expect(sameOrigin('not a url', 'https://x')).toBe(false);
  });
});
