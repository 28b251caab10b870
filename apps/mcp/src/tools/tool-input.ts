import type { JsonSchema, OperationSchema } from './operations';

/** How a tool presents one path parameter: a name that says what it is (`campaign_id`, not `id`), and a hint. */
export interface PathArgument { name: string; description: string }

/** How a tool presents its operation's inputs to a model. */
export interface ToolInputShape {
  /** Path parameter → the argument that carries it. */
  pathArguments?: Record<string, PathArgument>;
  /** Inputs the tool does not offer (e.g. `stream`: a tool answers once). */
  omit?: string[];
  /** Values used when the caller gives none, stated in the schema as `default`. */
  defaults?: Record<string, unknown>;
}

/** The JSON Schema a tool advertises: its operation's path, query and body fields as one flat object. */
export type ToolInputSchema = {
  type: 'object';
  properties: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties: false;
};

/** An API call's inputs, sorted from a tool's flat arguments. */
export interface OperationInput {
  path: Record<string, string>;
  query: Record<string, unknown>;
  /** Undefined when no body field was given and the operation does not need one. */
  body: Record<string, unknown> | undefined;
}

/** One refused argument, in the shape of the API's field errors. */
export interface ArgumentError { field: string; code: 'unknown' | 'required' | 'type'; message: string }

/** Arguments refused before any request is made (unknown names, a missing or malformed id). */
export class ToolArgumentsError extends Error {
  constructor(readonly errors: ArgumentError[]) {
    super(`${errors.length} argument${errors.length > 1 ? 's are' : ' is'} invalid`);
  }
}

type Location = { in: 'path'; parameter: string } | { in: 'query' } | { in: 'body' };

/** Where each argument goes, by its advertised name. */
function argumentLocations(op: OperationSchema, shape: ToolInputShape): Map<string, Location> {
  const omitted = new Set(shape.omit ?? []);
  const locations = new Map<string, Location>();
  const add = (name: string, location: Location) => {
    if (omitted.has(name)) return;
    if (locations.has(name)) throw new Error(`argument ${name} would be both in ${locations.get(name)!.in} and in ${location.in}`);
    locations.set(name, location);
  };
  for (const parameter of Object.keys(op.path.properties)) add(shape.pathArguments?.[parameter]?.name ?? parameter, { in: 'path', parameter });
  for (const name of Object.keys(op.query.properties)) add(name, { in: 'query' });
  for (const name of Object.keys(bodyProperties(op))) add(name, { in: 'body' });
  return locations;
}

function bodyProperties(op: OperationSchema): Record<string, JsonSchema> {
  return (op.body?.properties ?? {}) as Record<string, JsonSchema>;
}

/** The flat input schema of a tool over one operation. */
export function toolInputSchema(op: OperationSchema, shape: ToolInputShape = {}): ToolInputSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const bodyRequired = new Set(op.bodyRequired ? ((op.body?.required ?? []) as string[]) : []);
  for (const [name, location] of argumentLocations(op, shape)) {
    if (location.in === 'path') {
      const argument = shape.pathArguments?.[location.parameter];
      properties[name] = { ...op.path.properties[location.parameter], ...(argument ? { description: argument.description } : {}) };
      required.push(name);
      continue;
    }
    const schema = location.in === 'query' ? op.query.properties[name] : bodyProperties(op)[name];
    properties[name] = name in (shape.defaults ?? {}) ? { ...schema, default: shape.defaults![name] } : schema;
    if ((location.in === 'query' && op.query.required.includes(name)) || (location.in === 'body' && bodyRequired.has(name))) required.push(name);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

/**
 * Sorts a tool's arguments into the path, query and body of its operation. Unknown names and missing ids are refused
 * here (an empty id would name another path); everything else the API validates, naming the fields it refuses.
 */
export function splitArguments(op: OperationSchema, shape: ToolInputShape, args: Record<string, unknown>): OperationInput {
  const locations = argumentLocations(op, shape);
  const accepted = [...locations.keys()].join(', ') || 'no arguments';
  const errors: ArgumentError[] = Object.keys(args).filter((name) => !locations.has(name))
    .map((field) => ({ field, code: 'unknown', message: `is not an argument of this tool (it takes ${accepted})` }));
  const input: OperationInput = { path: {}, query: {}, body: undefined };
  for (const [name, location] of locations) {
    if (location.in !== 'path') continue;
    const value = args[name];
    if (value === undefined || value === null || value === '') errors.push({ field: name, code: 'required', message: 'is required' });
    else if (typeof value !== 'string' && typeof value !== 'number') errors.push({ field: name, code: 'type', message: 'must be a string' });
    else input.path[location.parameter] = String(value);
  }
  if (errors.length) throw new ToolArgumentsError(errors);
  for (const [name, value] of Object.entries({ ...shape.defaults, ...args })) {
    const location = locations.get(name);
    if (!location || location.in === 'path' || value === undefined) continue;
    if (location.in === 'query') input.query[name] = value;
    else (input.body ??= {})[name] = value;
  }
  if (op.body && op.bodyRequired) input.body ??= {};
  return input;
}
