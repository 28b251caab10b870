import { frameworkRefusal, invalidJsonMessage, jsonNestingExceeds, rawProblemResponse, RouteTable } from './edge';

describe('jsonNestingExceeds', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(jsonNestingExceeds('[[[]]]', 3)).toBe(false);
    expect(jsonNestingExceeds('[[[[]]]]', 3)).toBe(true);
    expect(jsonNestingExceeds('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(jsonNestingExceeds(JSON.stringify({ a: '[[[[[[[[{{{{' }), 2)).toBe(false);
    expect(jsonNestingExceeds(JSON.stringify({ a: 'quote \\" then [[[[' }), 2)).toBe(false);
  });

  it('refuses 5,000 levels quickly and accepts 64', () => {
    expect(jsonNestingExceeds('['.repeat(5000) + ']'.repeat(5000))).toBe(true);
    expect(jsonNestingExceeds('{"a":'.repeat(5000) + '1' + '}'.repeat(5000))).toBe(true);
    expect(jsonNestingExceeds('['.repeat(64) + ']'.repeat(64))).toBe(false);
    expect(jsonNestingExceeds('['.repeat(65) + ']'.repeat(65))).toBe(true);
  });
});

describe('invalidJsonMessage', () => {
  it('gives the position but never the text around it', () => {
    let err: unknown;
    try { JSON.parse('{"name":"secret-value"} xyz'); } catch (e) { err = e; }
    const message = invalidJsonMessage(err);
    expect(message).toMatch(/^Request body is not valid JSON/);
    expect(message).not.toContain('secret-value');
    expect(message).not.toContain('xyz');
  });
});

describe('RouteTable', () => {
  const table = new RouteTable();
  table.add('GET', '/v1/agents');
  table.add('POST', '/v1/agents');
  table.add(['GET', 'PATCH', 'DELETE'], '/v1/agents/:id');
  table.add('GET', '/docs/*');
  table.add('OPTIONS', '*');

  it('lists the methods a concrete path answers', () => {
    expect(table.allowed('/v1/agents')).toEqual(['GET', 'HEAD', 'POST', 'OPTIONS']);
    expect(table.allowed('/v1/agents/agent_x')).toEqual(['GET', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS']);
    expect(table.allowed('/docs/static/index.html')).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  it('knows nothing of unknown paths (the catch-all OPTIONS route is not a path)', () => {
    expect(table.allowed('/v1/unknown')).toEqual([]);
    expect(table.allowed('/v1/agents/a/b')).toEqual([]);
  });
});

describe('framework refusals', () => {
  it.each([
    ['FST_ERR_BAD_URL', 400], ['FST_ERR_MAX_PARAM_LENGTH', 414], ['FST_ERR_CTP_BODY_TOO_LARGE', 413],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415], ['HPE_HEADER_OVERFLOW', 431], ['ERR_HTTP_REQUEST_TIMEOUT', 408], ['HPE_INVALID_METHOD', 400],
  ])('%s is a problem with status %i', (code, status) => {
    const head = rawProblemResponse(code, 'local').split('\r\n\r\n')[0];
    expect(head.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
  });

  it('writes a complete problem+json response with the usual headers', () => {
    const raw = rawProblemResponse('HPE_HEADER_OVERFLOW', 'eu-1');
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/\r\nContent-Type: application\/problem\+json\r\n/);
    expect(head).toMatch(/\r\nX-Request-ID: req_[0-9a-z]+\r\n/);
    expect(head).toMatch(/\r\nX-Region: eu-1\r\n/);
    expect(head).toMatch(/\r\nConnection: close/);
    expect(Number(/Content-Length: (\d+)/.exec(head)?.[1])).toBe(Buffer.byteLength(body));
    expect(JSON.parse(body)).toMatchObject({ status: 431, code: 'headers_too_large' });
  });

  it('keeps the status of other 4xx errors and leaves 5xx alone', () => {
    expect(frameworkRefusal('FST_SOMETHING_NEW', 413)?.code).toBe('payload_too_large');
    expect(frameworkRefusal('FST_SOMETHING_NEW', 400)?.code).toBe('bad_request');
    expect(frameworkRefusal(undefined, 500)).toBeNull();
  });
});
