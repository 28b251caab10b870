import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/openapi';
import { errorFromResponse, type InfluError } from './errors';
import { PagePromise, type ListResponse } from './pagination';
import type { RequestOptions, ResponseMeta, WithResponse } from './request-options';
import { parseRetryAfter } from './retry';
import type { Transport, TransportMode } from './transport';

/** The typed client generated from the OpenAPI document: every operation, by path and method. */
export type TypedApi = Client<paths>;

/** What openapi-fetch resolves with. */
export interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Shared by every resource: the typed client, the transport, and the unwrapping of answers into results or errors. */
export class ApiCore {
  readonly api: TypedApi;

  constructor(readonly transport: Transport, readonly baseUrl: string) {
    this.api = createClient<paths>({ baseUrl, fetch: transport.fetcher() });
  }

  /** Per-call init for openapi-fetch: the call's transport options (and the caller's signal). */
  init(options: RequestOptions = {}, mode: TransportMode = 'json'): { fetch: (request: Request) => Promise<Response> } {
    return { fetch: this.transport.fetcher(options, mode) };
  }

  /** The result of a successful call (with `lastResponse`), or the matching InfluError. */
  async unwrap<T>(call: Promise<FetchResult<T>>): Promise<WithResponse<T>> {
    const { data, error, response } = await call;
    if (!response.ok) throw this.failure(response, error);
    const meta = this.meta(response);
    const result = (data ?? {}) as T & object;
    Object.defineProperty(result, 'lastResponse', { value: meta, enumerable: false, configurable: true });
    return result as WithResponse<T>;
  }

  /** The error an unsuccessful response stands for. */
  failure(response: Response, body: unknown): InfluError {
    return errorFromResponse(response.status, response.headers, body, parseRetryAfter(response.headers.get('retry-after')));
  }

  meta(response: Response): ResponseMeta {
    return this.transport.meta(response) ?? {
      status: response.status, headers: response.headers, requestId: response.headers.get('x-request-id') ?? undefined,
      idempotencyKey: undefined, replayed: false, retries: 0,
    };
  }

  /** A list that pages with `cursor` (`fetchPage` makes one call of the operation). */
  list<T>(fetchPage: (cursor: string | undefined) => Promise<FetchResult<ListResponse<T>>>, startCursor?: string): PagePromise<T> {
    return new PagePromise<T>(async (cursor) => {
      const result = await fetchPage(cursor);
      const body = await this.unwrap(Promise.resolve(result));
      return { body, meta: body.lastResponse };
    }, startCursor);
  }
}
