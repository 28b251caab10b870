import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
const { defaultMetadataStorage } = require('class-transformer/cjs/storage');
import { ERROR_STATUS } from '@influgentic/contracts';
import type { RouteDef } from '../routes/route';

type Schema = Record<string, unknown>;

const problemSchema: Schema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'message', 'instance', 'request_id'],
  properties: {
    type: { type: 'string', format: 'uri' }, title: { type: 'string' }, status: { type: 'integer' },
    code: { type: 'string', enum: Object.keys(ERROR_STATUS) }, message: { type: 'string' }, detail: { type: 'string' },
    instance: { type: 'string' }, request_id: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } } },
  },
};

/**
 * OpenAPI 3.1 built from the route table and the class-validator classes the gateway and services validate with,
 * so the document cannot drift from what the code accepts.
 */
export function buildOpenApi(routes: RouteDef[], serverUrl: string): Schema {
  const schemas = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/', classTransformerMetadataStorage: defaultMetadataStorage }) as Record<string, Schema>;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [cls, where] of [[r.params, 'path'], [r.query, 'query']] as const) {
      if (!cls) continue;
      const s = schemas[cls.name] as { properties?: Record<string, Schema>; required?: string[] } | undefined;
      for (const [name, schema] of Object.entries(s?.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (s?.required ?? []).includes(name), schema });
      }
    }
    if (r.auth === 'key' && r.method === 'POST') {
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } });
    }
    const responses: Record<string, unknown> = {
      [String(r.status)]: r.stream?.always
        ? { description: 'Server-Sent Events', content: { 'text/event-stream': { schema: { type: 'string' } } } }
        : r.sse
          ? { description: 'JSON, or Server-Sent Events when asked for', content: { 'application/json': { schema: { type: 'object' } }, 'text/event-stream': { schema: { type: 'string' } } } }
          : { description: 'Success', content: { 'application/json': { schema: { type: 'object' } } } },
      default: { description: 'Problem (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
    };
    const op: Record<string, unknown> = {
      tags: [r.tag], summary: r.summary, operationId: `${r.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters, responses,
      ...(r.auth === 'public' ? { security: [] } : r.auth === 'admin' ? { security: [{ operatorToken: [] }] } : {}),
      ...(r.scope ? { 'x-required-scope': r.scope } : {}),
      ...(r.rateClass ? { 'x-rate-limit-class': r.rateClass } : {}),
    };
    // A body whose every field is optional (a merge patch, say) may be left out.
    const bodyRequired = !!r.body && ((schemas[r.body.name] as { required?: string[] } | undefined)?.required?.length ?? 0) > 0;
    if (r.body) op.requestBody = { required: bodyRequired, content: { 'application/json': { schema: { $ref: `#/components/schemas/${r.body.name}` } } } };
    paths[path] = { ...(paths[path] ?? {}), [r.method.toLowerCase()]: op };
  }
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name, description: `Operations served by the ${name} ${['gateway', 'operations', 'admin'].includes(name) ? 'gateway' : 'service'}` }));
  return {
    openapi: '3.1.0',
    info: { title: 'Influgentic API', version: '1.0.0', description: 'Open-source platform for AI agent influencers: agents, campaigns, content, analytics and webhooks.' },
    servers: [{ url: serverUrl }],
    tags,
    paths,
    components: {
      schemas: { ...schemas, Problem: problemSchema },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'ig_live_… or ig_test_… API key' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        operatorToken: { type: 'http', scheme: 'bearer', description: 'INFLUGENTIC_ADMIN_TOKEN (operator API only)' },
      },
    },
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
  };
}
