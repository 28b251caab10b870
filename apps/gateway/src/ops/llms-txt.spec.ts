import 'reflect-metadata';
import { buildOpenApi } from '../openapi/openapi';
import { documentedRoutes } from '../routes/api-routes';
import { llmsTxtRoute, renderLlmsTxt } from './llms-txt';

describe('/llms.txt', () => {
  const routes = documentedRoutes();
  const text = renderLlmsTxt(routes);

  it('lists every operation of the OpenAPI document, once, as METHOD /path — summary (scope)', () => {
    const document = buildOpenApi(routes, '/') as { paths: Record<string, Record<string, { summary: string }>> };
    const operations = Object.entries(document.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, summary: op.summary })));
    expect(operations.length).toBeGreaterThan(50);
    for (const op of operations) {
      const lines = text.split('\n').filter((line) => line.startsWith(`- ${op.method} ${op.path} — `));
      expect([op.method, op.path, lines.length]).toEqual([op.method, op.path, 1]);
      expect(lines[0]).toContain(op.summary);
    }
    const listed = text.split('\n').filter((line) => /^- (GET|POST|PUT|PATCH|DELETE) \//.test(line));
    expect(listed).toHaveLength(operations.length);
  });

  it('names the scope, or how an operation is reached without one', () => {
    expect(text).toContain('- GET /v1/agents — List and search agents (agents:read)\n');
    expect(text).toContain('- GET /v1/jobs/{id} — ');
    expect(text).toMatch(/- GET \/v1\/jobs\/\{id\} — .* \(content:read or content:generate or analytics:read or analytics:write\)\n/);
    expect(text).toMatch(/- GET \/health — Liveness \(public\)\n/);
    expect(text).toMatch(/- POST \/admin\/v1\/organizations — .* \(operator token\)\n/);
  });

  it('opens with the title, how to authenticate, and links to the document and the reference', () => {
    const [title, blank, intro] = text.split('\n');
    expect([title, blank]).toEqual(['# Influgentic API', '']);
    for (const topic of ['Authorization: Bearer', 'ig_test_', 'Idempotency-Key', 'application/problem+json', 'next_cursor', 'Server-Sent Events', 'Last-Event-ID']) {
      expect([topic, intro.includes(topic)]).toEqual([topic, true]);
    }
    expect(text).toContain('](/openapi.json)');
    expect(text).toContain('](/docs)');
    expect(renderLlmsTxt(routes, 'https://api.example.com/')).toContain('](https://api.example.com/openapi.json)');
  });

  it('groups operations by tag under their own headings', () => {
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(expect.arrayContaining(['## Agents', '## Campaigns', '## Analytics', '## Operations']));
    const agents = text.slice(text.indexOf('## Agents'), text.indexOf('## Campaigns'));
    expect(agents).toContain('- POST /v1/agents — ');
    expect(agents).not.toContain('/v1/campaigns');
  });

  it('is a public, cacheable text/plain page outside the route table it describes', () => {
    const route = llmsTxtRoute(routes);
    expect(route).toMatchObject({ method: 'GET', path: '/llms.txt', auth: 'public', raw: true });
    expect(routes.some((r) => r.path === '/llms.txt')).toBe(false);
  });
});
