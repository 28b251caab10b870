import type { Msg, MsgHdrs } from 'nats';
import { DomainError, isRpcErrorPayload } from '@influgentic/contracts';

/**
 * The platform's request/reply wire format over NATS: a request's data is its payload as JSON (nothing around it);
 * a reply's data is the handler's result as JSON, sent on as it is (the gateway passes the bytes to the HTTP client
 * without parsing them), or — with this header set — the refusal's `{code, message, errors?, detail?}`. An empty
 * reply is a handler that returned nothing.
 */
export const RPC_ERROR_HEADER = 'Influgentic-Rpc-Error';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const EMPTY = new Uint8Array(0);

/**
 * A result a handler has already written as JSON (for example assembled from documents Postgres built), sent as it
 * is instead of being parsed and written again. The text must be one valid JSON value.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

export function encodeJson(value: unknown): Uint8Array {
  if (value instanceof JsonText) return encoder.encode(value.text);
  return value === undefined ? EMPTY : encoder.encode(JSON.stringify(value));
}

export function decodeJson<T = unknown>(data: Uint8Array): T | undefined {
  return data.length ? (JSON.parse(decoder.decode(data)) as T) : undefined;
}

/** A reply as it came: the result's bytes untouched, or the service's refusal as a DomainError. */
export type RpcReply = { ok: true; bytes: Uint8Array } | { ok: false; error: DomainError };

export function readRpcReply(msg: Pick<Msg, 'data' | 'headers'>): RpcReply {
  if (!msg.headers?.has(RPC_ERROR_HEADER)) return { ok: true, bytes: msg.data };
  let payload: unknown;
  try {
    payload = decodeJson(msg.data);
  } catch {
    payload = undefined;
  }
  if (isRpcErrorPayload(payload)) return { ok: false, error: new DomainError(payload.code, payload.message, payload.errors, payload.detail) };
  return { ok: false, error: new DomainError('internal_error', 'A backing service failed to handle the request') };
}

/** Marks a reply as a refusal (the data is the error payload). */
export function markRpcError(headers: MsgHdrs): MsgHdrs {
  headers.set(RPC_ERROR_HEADER, '1');
  return headers;
}
