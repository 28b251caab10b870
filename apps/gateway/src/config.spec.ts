import { loadGatewayConfig } from './config';

describe('gateway configuration', () => {
  it('applies defaults', () => {
    const c = loadGatewayConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.REGION).toBe('local');
    expect(c.BODY_LIMIT_BYTES).toBe(1_048_576);
  });

  it('reads and converts values', () => {
    const c = loadGatewayConfig({ PORT: '8080', REGION: 'eu-west-1', INFLUGENTIC_BOOTSTRAP_API_KEY: 'ig_test_abcdefghijklmnop1234' });
    expect(c.PORT).toBe(8080);
    expect(c.INFLUGENTIC_BOOTSTRAP_API_KEY).toBe('ig_test_abcdefghijklmnop1234');
  });

  it('refuses bad values with a message naming them', () => {
    expect(() => loadGatewayConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadGatewayConfig({ INFLUGENTIC_BOOTSTRAP_API_KEY: 'sk_live_123' })).toThrow(/INFLUGENTIC_BOOTSTRAP_API_KEY/);
    expect(() => loadGatewayConfig({ INFLUGENTIC_ADMIN_TOKEN: 'short' })).toThrow(/INFLUGENTIC_ADMIN_TOKEN/);
  });

  it('reads the metrics restrictions and the key-guessing limit', () => {
    const c = loadGatewayConfig({ METRICS_TOKEN: 'metrics-token-0123456789', METRICS_PORT: '9464', AUTH_FAILURE_LIMIT: '5' });
    expect(c.METRICS_TOKEN).toBe('metrics-token-0123456789');
    expect(c.METRICS_PORT).toBe(9464);
    expect(c.AUTH_FAILURE_LIMIT).toBe(5);
    expect(loadGatewayConfig({}).METRICS_PORT).toBeUndefined();
    expect(() => loadGatewayConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('bounds how long a client may take to send a request, and reads CORS origins', () => {
    const d = loadGatewayConfig({});
    expect(d.HEADERS_TIMEOUT_MS).toBeGreaterThan(0);
    expect(d.REQUEST_TIMEOUT_MS).toBeGreaterThanOrEqual(d.HEADERS_TIMEOUT_MS);
    expect(d.KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(0);
    expect(d.CORS_ORIGINS).toBe('');
    expect(loadGatewayConfig({ CORS_ORIGINS: 'https://app.example.com' }).CORS_ORIGINS).toBe('https://app.example.com');
    expect(() => loadGatewayConfig({ HEADERS_TIMEOUT_MS: '5000', REQUEST_TIMEOUT_MS: '1000' })).toThrow(/HEADERS_TIMEOUT_MS/);
    expect(() => loadGatewayConfig({ HEADERS_TIMEOUT_MS: '0' })).toThrow(/HEADERS_TIMEOUT_MS/);
  });
});
