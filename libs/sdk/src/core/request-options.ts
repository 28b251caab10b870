/** Per-call settings, accepted as the last argument of every method (as Stripe's SDK does). */
export interface RequestOptions {
  /** Sent as `Idempotency-Key` on a POST instead of the generated one (same key + same body replays the first answer). */
  idempotencyKey?: string;
  /** Per-attempt timeout in milliseconds (default: the client's). */
  timeoutMs?: number;
  /** Retries after the first attempt (default: the client's). */
  maxRetries?: number;
  /** Cancels the request (and any retry still to come, or an open stream). */
  signal?: AbortSignal;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** `X-Influgentic-Org`: asserts the key's organization (403 when it is another). */
  organization?: string;
  /** `X-Influgentic-Agent`: narrows the request to one agent. */
  agent?: string;
}

/** What the SDK knows of the HTTP exchange behind a result (`result.lastResponse`). */
export interface ResponseMeta {
  status: number;
  headers: Headers;
  requestId: string | undefined;
  /** The Idempotency-Key the request carried (generated for POSTs unless given). */
  idempotencyKey: string | undefined;
  /** True when the gateway replayed the answer to an earlier request with the same key. */
  replayed: boolean;
  /** Attempts made beyond the first. */
  retries: number;
}

/** A result with the exchange that produced it (a non-enumerable property, left out of JSON). */
export type WithResponse<T> = T & { readonly lastResponse: ResponseMeta };
