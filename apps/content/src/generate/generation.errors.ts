import { DomainError, type ErrorCode, type RequestContext } from '@influgentic/contracts';
import { isDatabaseUnavailable } from '@influgentic/persistence';
import { GenerationError } from '../generation';

export interface Failure {
  /** The API error code the client sees (problem+json `code`, or the SSE `error` event's `code`). */
  code: ErrorCode;
  message: string;
  /** Stored on the failed item. */
  reason: string;
}

/** What a generation failure means for the client. Provider trouble is ours to report as 503, never the caller's 4xx. */
export function describeFailure(err: unknown): Failure {
  if (err instanceof DomainError) return { code: err.code, message: err.message, reason: `${err.code}: ${err.message}` };
  if (err instanceof GenerationError) {
    // A stop this service asked for (a shutdown) says why in the abort reason.
    if (err.code === 'aborted' && err.cause instanceof DomainError) return describeFailure(err.cause);
    switch (err.code) {
      case 'aborted':
        return { code: 'conflict', message: 'The generation was cancelled', reason: `cancelled: ${err.message}` };
      case 'unsupported_language':
        return { code: 'unsupported_language', message: err.message, reason: err.message };
      case 'timeout':
        return { code: 'service_unavailable', message: 'The language model did not answer in time', reason: `timeout: ${err.message}` };
      case 'rate_limited':
        return { code: 'service_unavailable', message: 'The language model provider is rate limiting this installation; retry shortly', reason: `provider rate limited: ${err.message}` };
      case 'config_error':
        return { code: 'internal_error', message: 'Content generation is not configured correctly on this installation', reason: `configuration: ${err.message}` };
      case 'bad_response':
        return { code: 'service_unavailable', message: 'The language model sent an answer that could not be used', reason: `bad response: ${err.message}` };
      default:
        return { code: 'service_unavailable', message: 'The language model provider failed', reason: `provider: ${err.message}` };
    }
  }
  if (isDatabaseUnavailable(err)) return { code: 'service_unavailable', message: 'The database is unreachable; retry shortly', reason: `database: ${(err as Error).message}` };
  return { code: 'internal_error', message: 'Content generation failed', reason: err instanceof Error ? err.message : String(err) };
}

/** The problem a JSON caller gets for a failure. */
export function failureError(f: Failure): DomainError {
  return new DomainError(f.code, f.message);
}

/**
 * X-Influgentic-Agent narrows a request to one agent: another agent's item of the same organization is 403, as on
 * campaigns (another organization's item never gets this far: it is 404).
 */
export function assertAgentScope(ctx: RequestContext, agentId: string): void {
  if (ctx.agentId && ctx.agentId !== agentId) {
    throw new DomainError('forbidden', `This request is narrowed to agent ${ctx.agentId}; the content item belongs to another agent`);
  }
}
