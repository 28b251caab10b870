export type MediaProviderFailure =
  /** The provider answered with an HTTP error. */
  | 'http'
  /** The provider could not be reached. */
  | 'network'
  /** The whole call took longer than its time limit. */
  | 'timeout'
  /** The caller's signal stopped the call. */
  | 'aborted'
  /** The provider ran the job and reported that it failed or was canceled. */
  | 'failed'
  /** The provider answered something this adapter cannot use (bad JSON, no output, not a PNG/MP4, too large). */
  | 'invalid_response';

/** A paid media service failed; the message carries the provider's own words when it gave any. */
export class MediaProviderError extends Error {
  override readonly name = 'MediaProviderError';

  constructor(
    readonly provider: string,
    /** The HTTP status the provider answered with, or null when there was no HTTP error. */
    readonly status: number | null,
    message: string,
    readonly failure: MediaProviderFailure = 'http',
    options?: { cause?: unknown },
  ) {
    super(`${provider}: ${message}`, options);
  }
}
