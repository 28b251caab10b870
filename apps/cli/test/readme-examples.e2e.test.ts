import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { transformSync } from '@swc/core';
import * as sdk from '@influgentic/sdk';
import { startPlatform, TEST_ADMIN_TOKEN, waitFor, type Platform } from '../../../tools/testing/platform';
import { fencedBlocks, readmeSection } from './readme-section';

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;

interface Sandbox {
  logs: string[];
  written: string[];
  env: Record<string, string | undefined>;
  servers: http.Server[];
}

/** TypeScript → JavaScript, and each `import { a } from 'x'` → `const { a } = __require('x')`, so a block runs as a function body. */
function runnable(code: string): string {
  const js = transformSync(code, { swcrc: false, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }).code;
  return js.replace(/^import\s*\{([^}]+)\}\s*from\s*['"]([^'"]+)['"];?$/gm, (_m, names: string, from: string) => `const {${names.replace(/\s+as\s+/g, ': ')}} = __require('${from}');`);
}

/**
 * Runs one README example: the real SDK, except that every client talks to the test platform; `node:http` servers
 * listen on a free loopback port instead of the one written; console and stdout are captured.
 */
async function runExample(code: string, baseUrl: string, box: Sandbox): Promise<void> {
  class PlatformClient extends sdk.Influgentic {
    constructor(options: sdk.InflugenticOptions = {}) {
      super({ ...options, baseUrl });
    }
  }
  const modules: Record<string, unknown> = {
    '@influgentic/sdk': { ...sdk, Influgentic: PlatformClient },
    'node:http': {
      ...http,
      createServer: (handler: http.RequestListener) => {
        const server = http.createServer(handler);
        box.servers.push(server);
        const listen = http.Server.prototype.listen as (port: number, host: string) => http.Server;
        const listenOnLoopback = () => listen.call(server, 0, '127.0.0.1');
        return Object.assign(server, { listen: listenOnLoopback });
      },
    },
  };
  const require = (name: string) => {
    if (!(name in modules)) throw new Error(`The README example imports ${name}, which the test does not provide`);
    return modules[name];
  };
  const console = { log: (...args: unknown[]) => box.logs.push(args.map(String).join(' ')) };
  const proc = { env: box.env, stdout: { write: (text: string) => box.written.push(text) } };
  await new AsyncFunction('__require', 'console', 'process', runnable(code))(require, console, proc);
}

describe('README "Use it from code": the TypeScript examples run against the platform', () => {
  let platform: Platform;
  let token: string;
  let client: sdk.Influgentic;
  const blocks = fencedBlocks(readmeSection()).filter((b) => b.lang === 'ts').map((b) => b.code);
  const saved = { ...process.env };
  const box = (): Sandbox => ({ logs: [], written: [], env: { INFLUGENTIC_API_KEY: token }, servers: [] });
  const opened: http.Server[] = [];

  beforeAll(async () => {
    Object.assign(process.env, { WEBHOOKS_SECRET_KEY: randomBytes(32).toString('base64'), WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_POLL_MS: '50' });
    platform = await startPlatform(['registry', 'campaigns', 'content', 'webhooks']);
    const operator = new sdk.Influgentic({ apiKey: TEST_ADMIN_TOKEN, baseUrl: platform.url });
    token = (await operator.admin.organizations.create({ name: `README ${randomBytes(3).toString('hex')}`, plan: 'enterprise' })).api_key.token;
    client = new sdk.Influgentic({ apiKey: token, baseUrl: platform.url });
  }, 120_000);

  afterAll(async () => {
    for (const server of opened) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await platform?.close();
    process.env = saved;
  });

  it('has the three examples: listing, streaming, verifying', () => {
    expect(blocks).toHaveLength(3);
  });

  it('lists agents with for await', async () => {
    const sandbox = box();
    await runExample(blocks.find((b) => b.includes('agents.list'))!, platform.url, sandbox);
    expect(sandbox.logs).toHaveLength(10);
    const reaches = sandbox.logs.map((line) => Number(line.split(' ').at(-1)));
    expect(reaches).toEqual([...reaches].sort((a, b) => b - a));
    expect(sandbox.logs[0]).toMatch(/^\S.* \d+$/);
  }, 30_000);

  it('streams a generation and names the stored item', async () => {
    const sandbox = box();
    await runExample(blocks.find((b) => b.includes('generateStream'))!, platform.url, sandbox);
    expect(sandbox.written.length).toBeGreaterThan(1);
    const id = /saved (cnt_\S+)/.exec(sandbox.logs.join('\n'))?.[1] as string;
    const item = await client.content.retrieve(id);
    expect(item.body.length).toBeGreaterThan(0);
    expect(sandbox.written.join('').trim().length).toBeGreaterThan(0);
  }, 30_000);

  it('verifies a real delivery in the webhook receiver', async () => {
    const sandbox = box();
    await runExample(blocks.find((b) => b.includes('verifyWebhook'))!, platform.url, sandbox);
    const [server] = sandbox.servers;
    opened.push(server);
    await waitFor(async () => server.listening);
    const endpoint = await client.webhooks.create({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, events: ['*'] });
    sandbox.env.INFLUGENTIC_WEBHOOK_SECRET = endpoint.secret as string;
    await client.webhooks.test(endpoint.id);
    const line = await waitFor(async () => sandbox.logs.find((l) => l.startsWith('webhook.test ')), 20_000);
    expect(line).toMatch(/^webhook\.test evt_\S+$/);
    const delivery = await waitFor(async () => (await client.webhooks.deliveries.list(endpoint.id)).data.find((d) => d.status === 'succeeded'), 20_000);
    expect(delivery.last_status_code).toBe(200);
  }, 40_000);
});
