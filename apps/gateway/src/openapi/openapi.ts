import { IS_NUMBER, IS_OPTIONAL, IS_URL, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { ClassConstructor } from 'class-transformer';
const { defaultMetadataStorage } = require('class-transformer/cjs/storage');
import { ERROR_STATUS } from '@influgentic/contracts';
import type { RouteDef } from '../routes/route';
import { OPERATION_RESPONSES, RESPONSE_SCHEMAS } from './responses';

type Schema = Record<string, unknown>;

/** The most field errors one problem document carries (API.md, Errors). */
export const MAX_FIELD_ERRORS = 50;
/** What the pipeline accepts as an Idempotency-Key: 1–255 printable ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = '^[!-~]{1,255}$';
/** Marks a property guarded by @IsOptional, which lets `null` through as well as absence. */
const NULLABLE = 'x-influgentic-nullable';
/** Marks a success response whose shape openapi/responses.ts does not describe yet. */
export const UNDOCUMENTED = 'x-undocumented';

const problemSchema: Schema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'message', 'instance', 'request_id'],
  properties: {
    type: { type: 'string', format: 'uri' }, title: { type: 'string' }, status: { type: 'integer', minimum: 400, maximum: 599 },
    code: { type: 'string', enum: Object.keys(ERROR_STATUS) }, message: { type: 'string' }, detail: { type: 'string' },
    instance: { type: 'string' }, request_id: { type: 'string' },
    errors: {
      type: 'array', maxItems: MAX_FIELD_ERRORS,
      items: { type: 'object', required: ['field', 'code', 'message'], properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const decimalStep = (places: number) => Number((10 ** -places).toFixed(places));

const converterOptions: NonNullable<Parameters<typeof validationMetadatasToSchemas>[0]> = {
  refPointerPrefix: '#/components/schemas/',
  classTransformerMetadataStorage: defaultMetadataStorage,
  additionalConverters: {
    // Custom constraints (a real calendar date, a format allowed for the content type) have no JSON Schema form;
    // the library's fallback would emit a `$ref` to the property's reflected type (`Object`), which does not exist.
    [ValidationTypes.CUSTOM_VALIDATION]: () => ({}),
    [ValidationTypes.CONDITIONAL_VALIDATION]: (meta: ValidationMetadata) => (meta.name === IS_OPTIONAL ? { [NULLABLE]: true } : {}),
    [IS_URL]: { type: 'string', format: 'uri' },
    // Money is sent in dollars with at most two decimals (maxDecimalPlaces, @IsMoney) and kept in integer cents.
    [IS_NUMBER]: (meta: ValidationMetadata) => {
      const places = (meta.constraints?.[0] as { maxDecimalPlaces?: number } | undefined)?.maxDecimalPlaces;
      return places === undefined ? { type: 'number' } : { type: 'number', multipleOf: decimalStep(places) };
    },
    isMoney: (meta: ValidationMetadata) => ({ type: 'number', multipleOf: decimalStep(Number(meta.constraints?.[0] ?? 2)) }),
  },
};

/** `null` allowed where @IsOptional lets it through; unknown fields refused as the validator does (whitelist). */
function describeBody(schema: Schema): Schema {
  const properties = Object.fromEntries(Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([name, raw]) => {
    const { [NULLABLE]: nullable, ...p } = raw;
    // @IsDefined's `not: {type: null}` only repeats what `type` says.
    if (p.not && typeof p.type === 'string') delete p.not;
    if (typeof p.$ref === 'string') {
      const target = { $ref: p.$ref };
      return [name, nullable ? { anyOf: [target, { type: 'null' }] } : target];
    }
    if (nullable && typeof p.type === 'string') {
      const withNull: Schema = { ...p, type: [p.type, 'null'] };
      if (Array.isArray(p.enum)) withNull.enum = [...p.enum, null];
      return [name, withNull];
    }
    return [name, p];
  }));
  return { ...schema, properties, additionalProperties: false };
}

/** Parameters take the schema of a value, without the body-only markers. */
function describeParameter(schema: Schema): Schema {
  const { [NULLABLE]: _n, not: _not, ...rest } = schema;
  return rest;
}

/** Public body schemas: each route's body class and the nested classes they reference, nothing internal. */
function bodySchemas(routes: RouteDef[]): Record<string, Schema> {
  const all = validationMetadatasToSchemas(converterOptions) as Record<string, Schema>;
  const out: Record<string, Schema> = {};
  const visit = (name: string, schema: Schema | undefined) => {
    if (out[name] || !schema) return;
    out[name] = describeBody(schema);
    for (const match of JSON.stringify(schema).matchAll(/"#\/components\/schemas\/([A-Za-z0-9_]+)"/g)) visit(match[1], all[match[1]]);
  };
  for (const r of routes) {
    // targetConstructorToSchema follows inheritance (UpdateAgentBody extends a mapped PartialType of CreateAgentBody).
    if (r.body) visit(r.body.name, all[r.body.name] ?? (targetConstructorToSchema(r.body, converterOptions) as Schema));
  }
  return out;
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const retryAfter = { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } } };

/** Reusable problem responses, one per status the gateway answers with. */
const PROBLEM_RESPONSES: Record<string, Schema> = {
  400: { description: 'Malformed JSON, a malformed header (Idempotency-Key, X-Influgentic-Org/Agent) or a body where none is taken', content: problemContent },
  401: { description: 'Missing, unknown, expired or revoked credentials', content: problemContent },
  403: { description: 'Missing scope, or an organization/agent header the key may not use', content: problemContent },
  404: { description: 'No such object visible to the caller', content: problemContent },
  409: { description: 'The object\'s state refuses the operation, or the Idempotency-Key is in use or was used with another body (`Retry-After` while the first request runs)', headers: retryAfter, content: problemContent },
  413: { description: 'Request body too large', content: problemContent },
  414: { description: 'A path parameter is too long', content: problemContent },
  415: { description: 'Request body is not application/json', content: problemContent },
  422: { description: 'Invalid path, query or body fields (unknown fields included); `errors[]` names each field', content: problemContent },
  429: { description: 'Rate limit exceeded', headers: retryAfter, content: problemContent },
  431: { description: 'Request headers too large', content: problemContent },
  503: { description: 'A backing service or the database did not answer in time', headers: retryAfter, content: problemContent },
};

/** The refusals an operation can answer with, from what the pipeline does for its row. */
function problemStatuses(r: RouteDef): number[] {
  // The HTTP server refuses oversized headers before any route runs.
  const statuses = new Set<number>([431]);
  const takesInput = !!(r.params || r.query || r.body);
  if (r.auth !== 'public') statuses.add(401).add(503);
  if (r.auth === 'key') statuses.add(400).add(403).add(429);
  if (r.body) statuses.add(400).add(413).add(415);
  if (r.params || r.auth === 'admin') statuses.add(404);
  if (r.params) statuses.add(414);
  if (r.method !== 'GET' && r.auth !== 'public') statuses.add(409);
  if (takesInput) statuses.add(422);
  if (r.subject || r.stream) statuses.add(503);
  if (r.addressLimited) statuses.add(429).add(503);
  return [...statuses].sort();
}

function successResponse(r: RouteDef): Schema {
  const name = OPERATION_RESPONSES[`${r.method} ${r.path}`];
  if (r.path === '/metrics') {
    return { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } };
  }
  const events = { schema: { type: 'string', description: 'Server-Sent Events: `data:` lines with JSON events, then `data: [DONE]`' } };
  if (r.stream?.always) return { description: 'Server-Sent Events', content: { 'text/event-stream': events } };
  // A stream the gateway writes itself (the live event feed): open-ended, one `id:`/`event:`/`data:` block per event.
  if (r.sse && r.raw) {
    return { description: 'Server-Sent Events, open until the client leaves', content: { 'text/event-stream': { schema: { type: 'string', description: '`id:` (resume position), `event:` (the event type) and `data:` (the event envelope as JSON) per event; `: heartbeat` comments; `event: stream.gap` when events asked for are gone' } } } };
  }
  if (r.html) return { description: 'An HTML page', content: { 'text/html': { schema: { type: 'string' } } } };
  // A route added without its shape still serves a document; the OpenAPI test names it as undocumented.
  const json = { schema: name ? { $ref: `#/components/schemas/${name}` } : { type: 'object', [UNDOCUMENTED]: true } };
  if (r.fileTypes) return { description: 'The file, in the media type its format names', content: { 'application/json': json, ...Object.fromEntries(r.fileTypes.map((t) => [t, { schema: { type: 'string' } }])) } };
  if (r.sse) return { description: 'The JSON result, or Server-Sent Events with `stream: true` or `Accept: text/event-stream`', content: { 'application/json': json, 'text/event-stream': events } };
  return { description: 'Success', content: { 'application/json': json } };
}

/** Only the schemas the operations reach (the operator API's shapes are absent when it is off). */
function reachable(paths: unknown, schemas: Record<string, Schema>): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  const walk = (node: unknown) => {
    for (const m of JSON.stringify(node).matchAll(/"#\/components\/schemas\/([A-Za-z0-9_]+)"/g)) {
      if (out[m[1]] || !schemas[m[1]]) continue;
      out[m[1]] = schemas[m[1]];
      walk(schemas[m[1]]);
    }
  };
  walk([paths, PROBLEM_RESPONSES]);
  return out;
}

function operationId(method: string, path: string): string {
  return `${method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`;
}

/**
 * OpenAPI 3.1 built from the route table and the class-validator classes the gateway and services validate with,
 * so the document cannot drift from what the code accepts.
 */
export function buildOpenApi(routes: RouteDef[], serverUrl: string): Schema {
  const inputSchemas = validationMetadatasToSchemas(converterOptions) as Record<string, Schema>;
  const schemaOf = (cls: ClassConstructor<object>) => inputSchemas[cls.name] ?? (targetConstructorToSchema(cls, converterOptions) as Schema);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [cls, where] of [[r.params, 'path'], [r.query, 'query'], [r.csvBody?.query, 'csv']] as const) {
      if (!cls) continue;
      const s = schemaOf(cls) as { properties?: Record<string, Schema>; required?: string[] };
      for (const [name, schema] of Object.entries(s.properties ?? {})) {
        // Fields of a text/csv upload are in the query, needed only with that body.
        if (where === 'csv') parameters.push({ name, in: 'query', required: false, description: `With a text/csv body: the ${name} field of the request`, schema: describeParameter(schema) });
        else parameters.push({ name, in: where, required: where === 'path' || (s.required ?? []).includes(name), schema: describeParameter(schema) });
      }
    }
    if (r.auth === 'key' && r.method === 'POST' && !r.stream?.always) {
      parameters.push({
        name: 'Idempotency-Key', in: 'header', required: false,
        description: 'Same key and body within 24 h replays the first response; another body → 409 idempotency_conflict',
        schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN, minLength: 1, maxLength: 255 },
      });
    }
    const responses: Record<string, unknown> = { [String(r.status)]: successResponse(r) };
    if (r.path === '/ready') {
      responses['503'] = { description: 'Not ready: the database or a service did not answer', content: { 'application/json': { schema: { $ref: '#/components/schemas/Readiness' } } } };
    }
    for (const status of problemStatuses(r)) {
      // An HTML page answers a browser's refusals with a page too; other clients get the problem document.
      responses[String(status)] ??= r.html && status !== 431
        ? { description: (PROBLEM_RESPONSES[status] as { description: string }).description, ...(PROBLEM_RESPONSES[status].headers ? { headers: PROBLEM_RESPONSES[status].headers } : {}), content: { ...problemContent, 'text/html': { schema: { type: 'string' } } } }
        : { $ref: `#/components/responses/Problem${status}` };
    }
    if (r.formBody) responses['303'] = { description: 'A form post: back to the page', headers: { Location: { description: 'The page', schema: { type: 'string' } } } };
    responses.default = { description: 'Unexpected error (RFC 9457 problem)', content: problemContent };
    const op: Record<string, unknown> = {
      tags: [r.tag], summary: r.summary, operationId: operationId(r.method, path),
      ...(parameters.length ? { parameters } : {}), responses,
      ...(r.auth === 'public' ? { security: [] } : r.auth === 'admin' ? { security: [{ operatorToken: [] }] } : {}),
      ...(r.scope ? { 'x-required-scope': r.scope } : {}),
      ...(r.rateClass ? { 'x-rate-limit-class': r.rateClass } : {}),
    };
    // A body whose every field is optional (a merge patch, say) may be left out.
    const bodyRequired = !!r.body && ((schemaOf(r.body) as { required?: string[] }).required?.length ?? 0) > 0;
    if (r.body) {
      const schema = { $ref: `#/components/schemas/${r.body.name}` };
      op.requestBody = {
        required: bodyRequired,
        content: {
          'application/json': { schema }, ...(r.formBody ? { 'application/x-www-form-urlencoded': { schema } } : {}),
          ...(r.csvBody ? { 'text/csv': { schema: { type: 'string', description: `The ${r.csvBody.field} field as the whole body; the other fields go in the query` } } } : {}),
        },
      };
    }
    paths[path] = { ...(paths[path] ?? {}), [r.method.toLowerCase()]: op };
  }
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name, description: `Operations served by the ${name} ${['gateway', 'operations', 'admin'].includes(name) ? 'gateway' : 'service'}` }));
  const usedResponses = new Set(Object.values(paths).flatMap((ops) => Object.values(ops).flatMap((op) => Object.keys((op as { responses: object }).responses))));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Influgentic API', version: '1.0.0',
      description: 'Open-source platform for AI agent influencers: agents, campaigns, content, analytics and webhooks.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: serverUrl }],
    tags,
    paths,
    components: {
      schemas: reachable(paths, { ...bodySchemas(routes), ...RESPONSE_SCHEMAS, Problem: problemSchema }),
      responses: Object.fromEntries(Object.entries(PROBLEM_RESPONSES).filter(([s]) => usedResponses.has(s)).map(([s, v]) => [`Problem${s}`, v])),
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'ig_live_… or ig_test_… API key' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        operatorToken: { type: 'http', scheme: 'bearer', description: 'INFLUGENTIC_ADMIN_TOKEN (operator API only)' },
      },
    },
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
  };
}
