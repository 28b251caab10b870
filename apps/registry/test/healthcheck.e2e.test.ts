import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startPlatform, type Platform } from '../../../tools/testing/platform';

const ROOT = join(__dirname, '..', '..', '..');

/** Runs the container health probe as the Dockerfile does; resolves with its exit code and what it printed. */
function probe(service: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'deploy', 'healthcheck.js'), service], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => { output += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { output += b.toString(); });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('deploy/healthcheck.js against a running service (real NATS and Postgres)', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform(['registry']);
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('reports a service that answers its health subject healthy, and one that is gone unhealthy', async () => {
    await expect(probe('registry')).resolves.toMatchObject({ code: 0 });
    await platform.stopService('registry');
    const down = await probe('registry');
    expect(down.code).toBe(1);
    expect(down.output).toMatch(/^healthcheck registry: /);
  });
});
