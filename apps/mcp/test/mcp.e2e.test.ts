import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { Influgentic } from '@influgentic/sdk';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startPlatform, TEST_ADMIN_TOKEN, type Platform } from '../../../tools/testing/platform';

const BIN = path.resolve(__dirname, '../bin/influgentic-mcp.js');
const PRODUCT = { name: 'EV Series X Pro', key_claims: ['800km range'], target_use: 'daily commuting' };

/** What the server process needs besides its own two variables (node on the PATH, a home for caches). */
function baseEnv(): Record<string, string> {
  return Object.fromEntries(['PATH', 'HOME', 'TMPDIR'].filter((k) => process.env[k]).map((k) => [k, process.env[k] as string]));
}

const textOf = (result: CallToolResult) => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

/** The MCP server run as a user runs it (its bin, a child process), driven by the MCP SDK's own client. */
describe('influgentic-mcp against the platform', () => {
  let platform: Platform;
  let apiKey: string;
  let client: Client;
  let stderr = '';

  beforeAll(async () => {
    platform = await startPlatform(['registry', 'campaigns', 'content']);
    const operator = new Influgentic({ apiKey: TEST_ADMIN_TOKEN, baseUrl: platform.url });
    const created = await operator.admin.organizations.create({ name: `MCP ${randomBytes(3).toString('hex')}`, plan: 'enterprise' });
    apiKey = created.api_key.token;
    const transport = new StdioClientTransport({
      command: process.execPath, args: [BIN], stderr: 'pipe',
      env: { ...baseEnv(), INFLUGENTIC_API_KEY: apiKey, INFLUGENTIC_BASE_URL: platform.url },
    });
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    client = new Client({ name: 'mcp-e2e', version: '1.0.0' });
    await client.connect(transport);
  }, 120_000);

  afterAll(async () => {
    await client?.close();
    await platform?.close();
  });

  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;

  it('introduces itself and lists its tools with schemas and annotations', async () => {
    expect(client.getServerVersion()?.name).toBe('influgentic-mcp');
    expect(client.getInstructions()).toContain('search_agents');
    expect(stderr).toContain('ready on stdio');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'analytics_overview', 'approve_content', 'cancel_campaign', 'create_campaign', 'generate_content', 'generate_video', 'get_agent',
      'get_campaign_analytics', 'get_job', 'list_campaigns', 'list_review_queue', 'pause_campaign', 'reject_content', 'search_agents',
    ]);
    for (const tool of tools) {
      expect([tool.name, tool.inputSchema.type, Object.keys(tool.inputSchema.properties ?? {}).length > 0]).toEqual([tool.name, 'object', true]);
    }
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get('search_agents')!.inputSchema.properties!.category).toMatchObject({ type: 'string', enum: expect.arrayContaining(['automotive']) });
    expect(byName.get('generate_content')!.inputSchema.required).toEqual(['agent_id', 'content_type', 'format']);
    expect(byName.get('cancel_campaign')!.annotations).toMatchObject({ destructiveHint: true, readOnlyHint: false });
    expect(byName.get('reject_content')!.annotations).toMatchObject({ destructiveHint: true });
    expect(byName.get('create_campaign')!.annotations).toMatchObject({ destructiveHint: false, readOnlyHint: false });
    expect(byName.get('search_agents')!.annotations).toMatchObject({ readOnlyHint: true });
  });

  it('searches the catalog', async () => {
    const result = await call('search_agents', { category: 'automotive', sort: 'reach', limit: 3 });
    expect(result.isError).toBeFalsy();
    const found = result.structuredContent as { data: Array<{ id: string; category: string; reach: number }>; meta: { next_cursor: string | null } };
    expect(found.data).toHaveLength(3);
    expect(found.data.every((a) => a.category === 'automotive')).toBe(true);
    expect(found.data.map((a) => a.reach)).toEqual([...found.data.map((a) => a.reach)].sort((a, b) => b - a));
    expect(textOf(result)).toContain(found.data[0].id);
    expect(textOf(result)).toContain(`cursor "${found.meta.next_cursor}"`);
  });

  it('creates a campaign, generates content and finds it in the review queue', async () => {
    const created = await call('create_campaign', { agent_id: 'agent_velo_automotive', type: 'lead_gen', name: 'MCP launch', budget_usd: 250, product: { name: 'Test drive' } });
    expect(created.isError).toBeFalsy();
    const campaign = created.structuredContent as { id: string; name: string; budget_usd: number };
    expect(campaign).toMatchObject({ name: 'MCP launch', budget_usd: 250 });
    expect(campaign.id).toMatch(/^camp_/);
    expect(textOf(created)).toContain(`Created campaign ${campaign.id}`);

    const generated = await call('generate_content', { agent_id: 'agent_velo_automotive', content_type: 'product_review', format: 'x_post', product: PRODUCT });
    expect(generated.isError).toBeFalsy();
    const item = generated.structuredContent as { id: string; agent_id: string; format: string; status: string; caption: string; body: string };
    expect(item).toMatchObject({ agent_id: 'agent_velo_automotive', format: 'x_post' });
    expect(item.id).toMatch(/^cnt_/);
    expect(textOf(generated)).toContain((item.caption || item.body).slice(0, 40));

    const queue = await call('list_review_queue', { agent_id: 'agent_velo_automotive', status: item.status });
    expect(queue.isError).toBeFalsy();
    expect((queue.structuredContent as { data: Array<{ id: string }> }).data.map((c) => c.id)).toContain(item.id);
    expect(textOf(queue)).toContain(item.id);
  });

  it('answers an invalid argument with an isError result that names the field', async () => {
    const result = await call('create_campaign', { agent_id: 'agent_velo_automotive', type: 'lead_gen', name: 'Bad budget', budget_usd: -5 });
    expect(result.isError).toBe(true);
    const problem = (result.structuredContent as { error: { code: string; status: number; errors: Array<{ field: string }> } }).error;
    expect(problem).toMatchObject({ code: 'validation_error', status: 422 });
    expect(problem.errors.map((e) => e.field)).toContain('budget_usd');
    expect(textOf(result)).toMatch(/- budget_usd: /);

    const unknown = await call('search_agents', { categroy: 'automotive' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain('- categroy: is not an argument of this tool');
  });

  it('exits 1 with a clear message when no key is given', async () => {
    const child = spawn(process.execPath, [BIN], { env: { ...baseEnv(), INFLUGENTIC_BASE_URL: platform.url }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('INFLUGENTIC_API_KEY is not set');
    // stdout belongs to the protocol: nothing for people is written there.
    expect(out).toBe('');
  }, 30_000);

  it('serves the same tools over streamable HTTP with --http', async () => {
    const child = spawn(process.execPath, [BIN, '--http', '--port', '0'], { env: { ...baseEnv(), INFLUGENTIC_API_KEY: apiKey, INFLUGENTIC_BASE_URL: platform.url } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (c: Buffer) => {
          err += c.toString();
          const match = /at (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(err);
          if (match) resolve(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
      });
      const http = new Client({ name: 'mcp-e2e-http', version: '1.0.0' });
      await http.connect(new StreamableHTTPClientTransport(new URL(url)));
      expect((await http.listTools()).tools).toHaveLength(14);
      const result = (await http.callTool({ name: 'get_agent', arguments: { agent_id: 'agent_velo_automotive' } })) as CallToolResult;
      expect(result.structuredContent).toMatchObject({ id: 'agent_velo_automotive', category: 'automotive' });
      await http.close();
      // Another Host (DNS rebinding) is refused; fetch may not set Host, so a plain request does.
      const rebound = await new Promise<number | undefined>((resolve, reject) => {
        const req = httpRequest(url, { method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json', accept: 'application/json, text/event-stream' } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject);
        req.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }));
      });
      expect(rebound).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('has the gateway serve /llms.txt: every operation, plain text, cacheable, outside the OpenAPI document', async () => {
    const res = await fetch(`${platform.url}/llms.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    const text = await res.text();
    expect(text.startsWith('# Influgentic API\n')).toBe(true);
    const doc = await (await fetch(`${platform.url}/openapi.json`)).json() as { paths: Record<string, Record<string, unknown>> };
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) expect([method, p, text.includes(`- ${method.toUpperCase()} ${p} — `)]).toEqual([method, p, true]);
    }
    expect(doc.paths['/llms.txt']).toBeUndefined();
    const again = await fetch(`${platform.url}/llms.txt`, { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});
