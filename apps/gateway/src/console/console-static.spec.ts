import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { DomainError } from '@influgentic/contracts';
import { defaultConsoleDir, registerConsole } from './console-static';

describe('registerConsole', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'console-'));
    app = Fastify();
    app.setErrorHandler((err, _req, reply) => void reply.code(err instanceof DomainError && err.code === 'not_found' ? 404 : 500).send({ code: (err as DomainError).code }));
    app.get('/v1/agents', async () => ({ data: [] }));
    registerConsole(app, dir);
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const build = () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title><script src="/assets/index-abc123.js"></script>');
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  };

  it('answers / with a page saying how to build when there is no build, not an error', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('scripts/build-console.js');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves index.html uncached at / and client routes, hashed assets cached for a year', async () => {
    build();
    for (const url of ['/', '/console', '/console/campaigns/camp_1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('/assets/index-abc123.js');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    const head = await app.inject({ method: 'HEAD', url: '/assets/index-abc123.js' });
    expect(head.statusCode).toBe(200);
  });

  it('answers GET and HEAD only, and never climbs out of the assets folder', async () => {
    build();
    writeFileSync(path.join(dir, 'secret.txt'), 'nope');
    expect((await app.inject({ method: 'POST', url: '/' })).statusCode).toBe(404);
    for (const url of ['/assets/..%2Fsecret.txt', '/assets/../secret.txt', '/assets/missing.js', '/assets/']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('nope');
    }
  });

  it('leaves the API paths alone', async () => {
    build();
    const res = await app.inject({ method: 'GET', url: '/v1/agents' });
    expect(res.json()).toEqual({ data: [] });
  });

  it('finds the build beside the gateway, or where CONSOLE_DIR says', () => {
    expect(defaultConsoleDir({})).toMatch(/apps[\\/]console[\\/]dist$/);
    expect(defaultConsoleDir({ CONSOLE_DIR: '/srv/console' })).toBe(path.resolve('/srv/console'));
  });
});
