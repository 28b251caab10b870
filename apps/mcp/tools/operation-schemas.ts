import 'reflect-metadata';
// The generator reads the gateway's route table at build time only; the server itself imports nothing of the gateway.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { buildOpenApi } from '../../gateway/src/openapi/openapi';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { documentedRoutes } from '../../gateway/src/routes/api-routes';
import {
  TOOL_OPERATIONS, type JsonSchema, type OperationKey, type OperationSchema, type OperationSchemaSnapshot, type ParameterSchema,
} from '../src/tools/operations';

/** Where the snapshot lives, relative to the repository root, and the command that rewrites it. */
export const SNAPSHOT_PATH = 'apps/mcp/src/tools/operation-schemas.json';
export const REGENERATE_COMMAND = 'node scripts/run-ts.js apps/mcp/tools/generate-operation-schemas.ts';

type OpenApiDocument = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema> };
};
type OpenApiOperation = {
  summary: string;
  'x-required-scope'?: string | { anyOf: string[] };
  parameters?: Array<{ name: string; in: string; required: boolean; schema: JsonSchema }>;
  requestBody?: { required: boolean; content: { 'application/json': { schema: JsonSchema } } };
};

/** The gateway's OpenAPI document, built from its route table without starting anything. */
export function gatewayOpenApiDocument(): OpenApiDocument {
  return buildOpenApi(documentedRoutes(), '/') as unknown as OpenApiDocument;
}

/** A schema with every `$ref` replaced by its target and the document's own `x-` markers left out. */
function inline(schema: unknown, components: Record<string, JsonSchema>, seen: string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inline(item, components, seen));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) throw new Error(`recursive schema ${name} cannot be inlined`);
    if (!components[name]) throw new Error(`unknown schema ${ref}`);
    return inline(components[name], components, [...seen, name]);
  }
  return Object.fromEntries(Object.entries(schema)
    .filter(([key]) => !key.startsWith('x-'))
    .map(([key, value]) => [key, inline(value, components, seen)]));
}

function parametersIn(op: OpenApiOperation, where: 'path' | 'query', components: Record<string, JsonSchema>): ParameterSchema {
  const params = (op.parameters ?? []).filter((p) => p.in === where);
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, inline(p.schema, components) as JsonSchema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

/** The input schemas of the tools' operations, from the document. */
export function buildOperationSchemas(document: OpenApiDocument = gatewayOpenApiDocument()): OperationSchemaSnapshot {
  const operations = {} as Record<OperationKey, OperationSchema>;
  for (const key of TOOL_OPERATIONS) {
    const [method, path] = key.split(' ');
    const op = document.paths[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`the OpenAPI document has no operation ${key}`);
    const components = document.components.schemas;
    const body = op.requestBody?.content['application/json']?.schema;
    operations[key] = {
      summary: op.summary,
      scope: op['x-required-scope'] ?? null,
      path: parametersIn(op, 'path', components),
      query: parametersIn(op, 'query', components),
      body: body ? (inline(body, components) as JsonSchema) : null,
      bodyRequired: op.requestBody?.required ?? false,
    };
  }
  return { $comment: `Generated from the gateway's OpenAPI document by \`${REGENERATE_COMMAND}\`; do not edit by hand.`, operations };
}

/** The snapshot exactly as the committed file holds it. */
export function renderOperationSchemas(snapshot: OperationSchemaSnapshot = buildOperationSchemas()): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}
