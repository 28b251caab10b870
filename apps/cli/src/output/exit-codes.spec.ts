import {
  InfluAbortError, InfluApiError, InfluAuthenticationError, InfluConnectionError, InfluInvalidRequestError, InfluNotFoundError,
  InfluPermissionError, InfluTimeoutError, WebhookVerificationError,
} from '@influgentic/sdk';
import { ExitCode, exitCodeFor, JobFailedError, NotLoggedInError, UsageError } from './exit-codes';

const problem = (status: number, code: string) => ({ status, code, message: code });

describe('exitCodeFor', () => {
  it.each([
    ['a 401', new InfluAuthenticationError(problem(401, 'unauthorized')), ExitCode.Auth],
    ['a 403', new InfluPermissionError(problem(403, 'insufficient_scope')), ExitCode.Auth],
    ['a 404', new InfluNotFoundError(problem(404, 'not_found')), ExitCode.NotFound],
    ['a 422', new InfluInvalidRequestError(problem(422, 'validation_error')), ExitCode.ApiError],
    ['a 503', new InfluApiError(problem(503, 'service_unavailable')), ExitCode.ApiError],
    ['a refused connection', new InfluConnectionError({ code: 'connection_error', message: 'ECONNREFUSED' }), ExitCode.Network],
    ['a timeout', new InfluTimeoutError({ code: 'timeout', message: 'timed out' }), ExitCode.Network],
    ['an abort', new InfluAbortError({ code: 'aborted', message: 'aborted' }), ExitCode.Interrupted],
    ['a usage error', new UsageError('--week must be a date'), ExitCode.Usage],
    ['no key', new NotLoggedInError(), ExitCode.Auth],
    ['a failed job', new JobFailedError('job failed'), ExitCode.ApiError],
    ['a bad signature', new WebhookVerificationError('no_matching_signature', 'no match'), ExitCode.ApiError],
    ['anything else', new Error('boom'), ExitCode.ApiError],
  ])('maps %s', (_name, error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });
});
