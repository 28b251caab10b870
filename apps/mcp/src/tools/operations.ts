/**
 * The API operations the MCP tools call, as `METHOD /path` in the OpenAPI document's path syntax. The committed
 * snapshot of their input schemas (operation-schemas.json) holds exactly these.
 */
export const TOOL_OPERATIONS = [
  'GET /v1/agents',
  'GET /v1/agents/{id}',
  'POST /v1/campaigns',
  'GET /v1/campaigns',
  'POST /v1/campaigns/{id}/pause',
  'POST /v1/campaigns/{id}/cancel',
  'POST /v1/agents/{agent_id}/content',
  'GET /v1/content',
  'POST /v1/content/{id}/approve',
  'POST /v1/content/{id}/reject',
  'POST /v1/content/video/generate',
  'GET /v1/jobs/{id}',
  'GET /v1/analytics/campaigns/{campaign_id}',
  'GET /v1/analytics/overview',
] as const;

export type OperationKey = (typeof TOOL_OPERATIONS)[number];

/** A JSON Schema, as the OpenAPI 3.1 document gives it (references already inlined). */
export type JsonSchema = Record<string, unknown>;

/** An object schema of named values: the path or query parameters of an operation. */
export interface ParameterSchema {
  type: 'object';
  properties: Record<string, JsonSchema>;
  required: string[];
}

/** What one operation takes, taken from the OpenAPI document. */
export interface OperationSchema {
  summary: string;
  /** The scope the API key needs (`{ anyOf: [...] }` when any one of several will do). */
  scope: string | { anyOf: string[] } | null;
  path: ParameterSchema;
  query: ParameterSchema;
  /** The JSON request body, or null when the operation takes none. */
  body: JsonSchema | null;
  bodyRequired: boolean;
}

/** The committed snapshot file. */
export interface OperationSchemaSnapshot {
  $comment: string;
  operations: Record<OperationKey, OperationSchema>;
}
