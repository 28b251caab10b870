import type { ApiCore, FetchResult } from '../core/api-core';
import { InfluConnectionError } from '../core/errors';

/** The body of an accepted event stream, or the refusal (a problem document) as an InfluError. */
export async function openEventStreamBody(core: ApiCore, call: Promise<FetchResult<unknown>>): Promise<ReadableStream<Uint8Array>> {
  const { data, error, response } = await call;
  if (!response.ok) throw core.failure(response, error);
  if (!data || typeof (data as ReadableStream).getReader !== 'function') {
    throw new InfluConnectionError({ code: 'stream_interrupted', message: 'The event stream has no body' });
  }
  return data as ReadableStream<Uint8Array>;
}
