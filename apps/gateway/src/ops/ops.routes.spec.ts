import { metricsOnPublicPort } from './ops.routes';

describe('who may read /metrics', () => {
  it('keeps it off the public port when a separate listener is configured', () => {
    expect(metricsOnPublicPort({ port: 9464, production: false })).toBe(false);
    expect(metricsOnPublicPort({ port: 9464, token: 'x'.repeat(16), production: true })).toBe(false);
  });

  it('serves it publicly behind a token, or unrestricted outside production only', () => {
    expect(metricsOnPublicPort({ token: 'x'.repeat(16), production: true })).toBe(true);
    expect(metricsOnPublicPort({ production: false })).toBe(true);
    expect(metricsOnPublicPort({ production: true })).toBe(false);
  });
});
