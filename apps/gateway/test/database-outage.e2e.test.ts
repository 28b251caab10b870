import { createServer, connect, type Server, type Socket } from 'node:net';
import { apiClient, startPlatform, type Platform } from '../../../tools/testing/platform';

/**
 * A TCP proxy in front of the real Postgres that can be cut (every connection dropped, new ones refused) and restored:
 * the database becoming unreachable while the platform runs, without touching the server other runs share.
 */
class CuttableProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private up = true;

  constructor(private readonly host: string, private readonly port: number) {}

  async start(): Promise<number> {
    this.server = createServer((client) => {
      if (!this.up) return void client.destroy();
      const upstream = connect(this.port, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => { this.sockets.delete(s); client.destroy(); upstream.destroy(); });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server!.address() as { port: number }).port;
  }

  cut(): void {
    this.up = false;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.up = true;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describe('the database out of reach', () => {
  let platform: Platform;
  let proxy: CuttableProxy;
  const realUrl = process.env.DATABASE_URL!;

  beforeAll(async () => {
    const url = new URL(realUrl);
    proxy = new CuttableProxy(url.hostname, Number(url.port || 5432));
    url.hostname = '127.0.0.1';
    url.port = String(await proxy.start());
    // Every pool of the gateway and the registry connects through the proxy.
    process.env.DATABASE_URL = url.toString();
    platform = await startPlatform(['registry'], { KEY_CACHE_MS: '60000' });
  });
  afterAll(async () => {
    proxy.restore();
    await platform?.close();
    await proxy?.stop();
    process.env.DATABASE_URL = realUrl;
  });

  it('answers 503 service_unavailable with Retry-After on the gateway and service paths, then recovers without a restart', async () => {
    const root = apiClient(platform.url, platform.token);
    // A sandbox key skips the rate-limit table, so its request reaches the registry's own queries.
    const created = await root('POST', '/v1/api-keys', { name: 'outage', scopes: ['agents:read'], mode: 'test' });
    expect(created.status).toBe(201);
    const sandbox = apiClient(platform.url, created.body.token);
    expect((await sandbox('GET', '/v1/agents?limit=1')).status).toBe(200);
    expect((await root('GET', '/v1/agents?limit=1')).status).toBe(200);

    proxy.cut();
    // The live key's rate-limit counter is the gateway's own query; the sandbox request fails in the registry.
    for (const [who, call] of [['gateway path', root], ['service path', sandbox]] as const) {
      const res = await call('GET', '/v1/agents?limit=1');
      expect({ who, status: res.status }).toEqual({ who, status: 503 });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('service_unavailable');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(res.headers.get('x-request-id')).toBeTruthy();
      expect(JSON.stringify(res.body)).not.toMatch(/ECONN|registry\.agents|gateway\.|postgres/i);
    }

    proxy.restore();
    const deadline = Date.now() + 15_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await root('GET', '/v1/agents?limit=1')).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    expect((await sandbox('GET', '/v1/agents?limit=1')).status).toBe(200);
  });
});
