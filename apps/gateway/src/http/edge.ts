import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { MAX_JSON_DEPTH, newId, type ErrorCode } from '@influgentic/contracts';
import { problem } from './problem';

/**
 * Refusals made at the HTTP edge, before (or instead of) a route: bodies nested too deep, unknown paths and methods,
 * malformed URLs, oversized headers and timeouts. Each is a problem document that never repeats the input.
 */

/**
 * True when JSON text nests objects/arrays deeper than `max`. One pass over the text, no recursion, run before the
 * parser: a body of 5,000 `[` must not reach anything that walks it recursively.
 */
export function jsonNestingExceeds(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** The message for a body the JSON parser refused: where it broke, never the text around it (V8 quotes the input). */
export function invalidJsonMessage(err: unknown): string {
  const at = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  return at ? `Request body is not valid JSON (at position ${at[1]})` : 'Request body is not valid JSON';
}

/** The methods each registered path answers, so a known path with another method is a 405 with `Allow`. */
export class RouteTable {
  private readonly paths = new Map<string, { re: RegExp; methods: Set<string> }>();

  /** Records a route as Fastify registers it (`/v1/agents/:id`, `/docs/*`); the catch-all `*` is not a path. */
  add(method: string | string[], url: string): void {
    if (url === '*' || url === '/*') return;
    let entry = this.paths.get(url);
    if (!entry) {
      const pattern = url.split('/').map((seg) => (seg === '*' ? '.*' : seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
      entry = { re: new RegExp(`^${pattern}$`), methods: new Set() };
      this.paths.set(url, entry);
    }
    for (const m of Array.isArray(method) ? method : [method]) entry.methods.add(m.toUpperCase());
  }

  /** Methods allowed at a concrete path (OPTIONS included), or an empty list when no route has that path. */
  allowed(path: string): string[] {
    const methods = new Set<string>();
    for (const { re, methods: m } of this.paths.values()) if (re.test(path)) m.forEach((x) => methods.add(x));
    if (!methods.size) return [];
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
    return [...methods].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }
}

/** What the HTTP server itself refuses, by Fastify/Node error code: status code and a message that names no input. */
export function frameworkRefusal(errCode: string | undefined, statusCode: number | undefined): { code: ErrorCode; message: string } | null {
  switch (errCode) {
    case 'FST_ERR_BAD_URL':
      return { code: 'bad_request', message: 'The request path is not valid percent-encoded UTF-8' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { code: 'uri_too_long', message: 'A path segment is longer than any id (255 characters)' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', message: 'Request body is larger than this server accepts' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type', message: 'Send request bodies as application/json' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'bad_request', message: 'Content-Length does not match the body' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'invalid_json', message: 'Request body is empty but declared as JSON' };
    case 'FST_ERR_CTP_INVALID_CONTENT_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return { code: 'unsupported_media_type', message: 'The Content-Type header is not valid' };
    case 'HPE_HEADER_OVERFLOW':
      return { code: 'headers_too_large', message: 'Request line and headers are larger than this server accepts' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: 'request_timeout', message: 'The request was not received in time' };
    default:
      if (errCode?.startsWith('HPE_')) return { code: 'bad_request', message: 'The request is not valid HTTP' };
      if (statusCode && statusCode >= 400 && statusCode < 500) {
        return statusCode === 413 ? { code: 'payload_too_large', message: 'Request body is larger than this server accepts' }
          : statusCode === 415 ? { code: 'unsupported_media_type', message: 'Send request bodies as application/json' }
            : { code: 'bad_request', message: 'The request could not be read' };
      }
      return null;
  }
}

/**
 * A complete HTTP/1.1 response for a refusal made on the raw socket (the parser failed, or a timeout fired), where no
 * Fastify request exists: problem+json with the headers every response carries, then the connection closes.
 */
export function rawProblemResponse(errCode: string | undefined, region: string): string {
  const refusal = frameworkRefusal(errCode, undefined) ?? { code: 'bad_request' as const, message: 'The request is not valid HTTP' };
  const requestId = newId('request');
  const doc = problem(refusal.code, refusal.message, '/', requestId);
  const body = JSON.stringify(doc);
  return [
    `HTTP/1.1 ${doc.status} ${STATUS_CODES[doc.status] ?? 'Error'}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-ID: ${requestId}`,
    `X-Region: ${region}`,
    'X-Response-Time: 0ms',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Fastify's `clientErrorHandler`: answer what the parser or a timeout refused, then close the socket. */
export function clientErrorHandler(region: string) {
  return (err: Error & { code?: string }, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    if (socket.writable) socket.write(rawProblemResponse(err.code, region));
    socket.destroy();
  };
}
