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
});
