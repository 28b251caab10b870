import { InfluConnectionError, InfluError } from '@influgentic/sdk';
import type { Colors } from './colors';

/** An API failure the way a person reads it: title, status and code, the detail, each invalid field, the request id. */
export function formatProblem(error: InfluError, colors: Colors): string {
  const heading = error.title ?? error.message;
  const where = error.status === undefined ? error.code : `${error.status} ${error.code}`;
  const lines = [`${colors.red(colors.bold('Error'))}: ${heading} (${where})`];
  const detail = error.detail ?? (error.message !== heading ? error.message : undefined);
  if (detail) lines.push(detail);
  for (const field of error.errors) lines.push(`  - ${field.field}: ${field.message}`);
  if (error.requestId) lines.push(colors.dim(`Request ID: ${error.requestId}`));
  return lines.join('\n');
}

/** The problem document as the API sent it (what `--json` prints on stderr). */
export function problemJson(error: InfluError): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    type: error.type, title: error.title, status: error.status, code: error.code, message: error.message,
    detail: error.detail, instance: error.instance, request_id: error.requestId,
  };
  if (error.errors.length) doc.errors = error.errors;
  return Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined));
}

/** What to try when the request never got an answer. */
export function networkHint(error: InfluError, baseUrl: string | undefined): string | undefined {
  if (!(error instanceof InfluConnectionError)) return undefined;
  return `Could not reach ${baseUrl ?? 'the API'}: is it running? Point elsewhere with --base-url or INFLUGENTIC_BASE_URL.`;
}
