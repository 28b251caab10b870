import { ERROR_STATUS, ERROR_TITLES, MAX_FIELD_ERRORS, type ErrorCode, type FieldError } from '@influgentic/contracts';

export interface Problem {
  type: string; title: string; status: number; code: ErrorCode; message: string; detail?: string; instance: string;
  request_id: string; errors?: FieldError[];
}

/**
 * An RFC 9457 problem document with the platform's `code`, `message`, `request_id` and field `errors` (at most
 * MAX_FIELD_ERRORS of them, whatever a service sent).
 */
export function problem(code: ErrorCode, message: string, instance: string, requestId: string, errors?: FieldError[], detail?: string): Problem {
  return {
    type: `https://docs.influgentic.dev/errors/${code}`,
    title: ERROR_TITLES[code],
    status: ERROR_STATUS[code],
    code,
    message,
    ...(detail ? { detail } : {}),
    instance,
    request_id: requestId,
    ...(errors?.length ? { errors: errors.slice(0, MAX_FIELD_ERRORS) } : {}),
  };
}
