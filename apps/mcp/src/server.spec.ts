import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Influgentic } from '@influgentic/sdk';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createMcpServer } from './server';
import { operationSchema, TOOLS } from './tools/tool-catalog';

interface Seen { method: string; url: string; authorization: string | undefined; body: string }

const AGENT = {
  id: 'agent_velo_automotive', name: 'Velo', category: 'automotive', subcategories: [], use_cases: ['product_launch'], languages: ['en', 'de'],
  reach: 1_250_000, engagement_rate: 0.042, total_campaigns: 12, rating: 4.6, tier: 'flagship', status: 'ready', created_at: '2025-01-01T00:00:00Z',
};

/** A stand-in gateway on loopback: answers by `METHOD path` and records what it was asked. */
async function fakeGateway(answers: Record<string, (req: IncomingMessage) => { status: number; body: unknown; type?: string }>) {
  const seen: Seen[] = [];
  const server: HttpServer = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
      const answer = answers[`${req.method} ${(req.url ?? '').split('?')[0]}`]?.(req) ?? { status: 404, body: { code: 'not_found', title: 'Not found', status: 404, message: 'No such thing' }, type: 'application/problem+json' };
      res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json', 'x-request-id': 'req_fake' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise((r) => server.close(r)) };
}

describe('the MCP server', () => {
  let gateway: Awaited<ReturnType<typeof fakeGateway>>;
  let client: Client;

  beforeAll(async () => {
    gateway = await fakeGateway({
      'GET /v1/agents': () => ({ status: 200, body: { data: [AGENT], meta: { total: 40, limit: 1, next_cursor: 'c2' } } }),
      'GET /v1/content': () => ({ status: 200, body: { data: [], meta: { total: 0, limit: 20, next_cursor: null } } }),
      'POST /v1/campaigns': () => ({
        status: 422, type: 'application/problem+json',
        body: { type: 'https://docs.influgentic.dev/errors/validation_error', title: 'Validation failed', status: 422, code: 'validation_error', message: '1 field is invalid', detail: '1 field is invalid', request_id: 'req_fake', errors: [{ field: 'budget_usd', code: 'min', message: 'must not be less than 0' }] },
      }),
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const sdk = new Influgentic({ apiKey: 'ig_test_fake', baseUrl: gateway.url, maxRetries: 0 });
    await createMcpServer(sdk).connect(serverSide);
    client = new Client({ name: 'spec', version: '1.0.0' });
    await client.connect(clientSide);
  });

  afterAll(async () => {
    await client?.close();
    await gateway?.close();
  });

  it('lists every tool with its operation\'s schema and honest annotations', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(TOOLS.map((t) => t.name));
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get('search_agents')!.inputSchema.properties!.sort).toEqual(operationSchema('GET /v1/agents').query.properties.sort);
    expect(byName.get('create_campaign')!.inputSchema.required).toEqual(['agent_id', 'type', 'name']);
    expect(byName.get('pause_campaign')!.inputSchema.required).toEqual(['campaign_id']);
    expect(tools.filter((t) => t.annotations?.destructiveHint).map((t) => t.name).sort()).toEqual(['cancel_campaign', 'reject_content']);
    expect(tools.filter((t) => t.annotations?.readOnlyHint).map((t) => t.name).sort())
      .toEqual(['analytics_overview', 'get_agent', 'get_campaign_analytics', 'get_job', 'list_campaigns', 'list_review_queue', 'search_agents']);
    for (const tool of tools) expect([tool.name, tool.description!.length > 80]).toEqual([tool.name, true]);
  });

  it('calls the API with the key and answers with a summary and the JSON', async () => {
    const result = await client.callTool({ name: 'search_agents', arguments: { category: 'automotive', limit: 1 } });
    const request = gateway.seen.at(-1)!;
    expect(request.url).toBe('/v1/agents?category=automotive&limit=1');
    expect(request.authorization).toBe('Bearer ig_test_fake');
    const text = (result.content as Array<{ text: string }>)[0].text;
    expect(text).toContain('agent_velo_automotive: Velo · automotive · flagship · reach 1.3M · engagement 4.2%');
    expect(text).toContain('call again with cursor "c2"');
    expect(result.structuredContent).toEqual({ data: [AGENT], meta: { total: 40, limit: 1, next_cursor: 'c2' } });
  });

  it('asks the review queue for items pending review unless told otherwise', async () => {
    await client.callTool({ name: 'list_review_queue', arguments: {} });
    expect(gateway.seen.at(-1)!.url).toBe('/v1/content?status=pending_review');
    await client.callTool({ name: 'list_review_queue', arguments: { status: 'approved' } });
    expect(gateway.seen.at(-1)!.url).toBe('/v1/content?status=approved');
  });

  it('returns an API refusal as an isError result naming the field', async () => {
    const result = await client.callTool({ name: 'create_campaign', arguments: { agent_id: 'agent_velo_automotive', type: 'lead_gen', name: 'X', budget_usd: -5 } });
    expect(JSON.parse(gateway.seen.at(-1)!.body)).toEqual({ agent_id: 'agent_velo_automotive', type: 'lead_gen', name: 'X', budget_usd: -5 });
    expect(result.isError).toBe(true);
    expect((result.content as Array<{ text: string }>)[0].text).toContain('- budget_usd: must not be less than 0');
  });

  it('refuses unknown arguments before calling the API', async () => {
    const before = gateway.seen.length;
    const result = await client.callTool({ name: 'get_agent', arguments: { id: 'agent_velo_automotive' } });
    expect(result.isError).toBe(true);
    expect((result.content as Array<{ text: string }>)[0].text).toContain('- id: is not an argument of this tool (it takes agent_id)');
    expect(gateway.seen.length).toBe(before);
  });

  it('answers an unknown tool with a protocol error', async () => {
    await expect(client.callTool({ name: 'drop_database', arguments: {} })).rejects.toThrow('Unknown tool: drop_database');
  });
});
