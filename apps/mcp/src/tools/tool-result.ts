import { InfluError } from '@influgentic/sdk';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ToolArgumentsError } from './tool-input';

/** A tool's answer: the summary a model reads first, and the API's JSON as structured content. */
export function toolSuccess(summary: string, data: object): CallToolResult {
  return { content: [{ type: 'text', text: summary }], structuredContent: { ...data } };
}

/** The fields of a refusal a model needs to correct its call. */
export interface ToolProblem {
  code: string;
  status: number | null;
  title: string;
  detail: string;
  errors: Array<{ field: string; code: string; message: string }>;
  request_id: string | null;
  retry_after_seconds?: number;
}

function problemOf(err: unknown): ToolProblem {
  if (err instanceof ToolArgumentsError) {
    return { code: 'invalid_arguments', status: null, title: 'Invalid arguments', detail: err.message, errors: err.errors, request_id: null };
  }
  if (err instanceof InfluError) {
    return {
      code: err.code, status: err.status ?? null, title: err.title ?? err.code, detail: err.detail ?? err.message,
      errors: err.errors.map(({ field, code, message }) => ({ field, code, message })), request_id: err.requestId ?? null,
      ...(err.retryAfterMs !== undefined ? { retry_after_seconds: Math.ceil(err.retryAfterMs / 1000) } : {}),
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal_error', status: null, title: 'The tool failed', detail: message, errors: [], request_id: null };
}

function describe(problem: ToolProblem): string {
  const head = `${problem.title}${problem.status ? ` (${problem.status} ${problem.code})` : ` (${problem.code})`}: ${problem.detail}`;
  const fields = problem.errors.map((e) => `- ${e.field}: ${e.message} [${e.code}]`);
  const wait = problem.retry_after_seconds !== undefined ? [`Retry after ${problem.retry_after_seconds} s.`] : [];
  const request = problem.request_id ? [`Request id: ${problem.request_id}`] : [];
  return [head, ...fields, ...wait, ...request].join('\n');
}

/**
 * A refused or failed call as a tool result (`isError`), not a protocol error: the model sees the problem's title,
 * detail and each invalid field, and can correct its arguments.
 */
export function toolFailure(err: unknown): CallToolResult {
  const problem = problemOf(err);
  return { isError: true, content: [{ type: 'text', text: describe(problem) }], structuredContent: { error: problem } };
}
