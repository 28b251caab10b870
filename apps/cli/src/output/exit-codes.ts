import { InfluAbortError, InfluConnectionError, InfluError } from '@influgentic/sdk';

/** What the process's exit status means, so scripts can branch on it. */
export const ExitCode = {
  Ok: 0,
  ApiError: 1,
  Usage: 2,
  Auth: 3,
  NotFound: 4,
  Network: 5,
  Interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A command line that cannot run as given (a missing or malformed argument the parser could not see). */
export class UsageError extends Error {
  readonly exitCode = ExitCode.Usage;
}

/** No API key anywhere: not logged in and none given. */
export class NotLoggedInError extends Error {
  readonly exitCode = ExitCode.Auth;
  constructor() {
    super('No API key: run `influgentic login`, pass --api-key, or set INFLUGENTIC_API_KEY');
  }
}

/** An asynchronous job (week plan, video, bulk batch) that ended without success. */
export class JobFailedError extends Error {
  readonly exitCode = ExitCode.ApiError;
}

/** The exit status for whatever ended a command. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError || error instanceof NotLoggedInError || error instanceof JobFailedError) return error.exitCode;
  if (error instanceof InfluAbortError) return ExitCode.Interrupted;
  if (error instanceof InfluConnectionError) return ExitCode.Network;
  if (error instanceof InfluError) {
    if (error.status === 401 || error.status === 403) return ExitCode.Auth;
    if (error.status === 404) return ExitCode.NotFound;
    return ExitCode.ApiError;
  }
  if (error instanceof Error && error.name === 'AbortError') return ExitCode.Interrupted;
  return ExitCode.ApiError;
}
