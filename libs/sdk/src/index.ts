// @influgentic/sdk — a client of the public HTTP API only: it imports nothing of the services, and nothing of Node
// (fetch, Web Streams and Web Crypto), so it runs in Node 20+ and in browsers.
export { Influgentic, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, type InflugenticOptions } from './client';
export { Influgentic as default } from './client';
export * from './core/errors';
export { PagePromise, type Page, type ListResponse } from './core/pagination';
export type { RequestOptions, ResponseMeta, WithResponse } from './core/request-options';
export { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay, type RetryPolicy } from './core/retry';
export type { FetchFunction } from './core/transport';
export type { TypedApi } from './core/api-core';
export { GenerationStream, type GenerationEvent, type GenerationResult } from './streaming/generation-stream';
export { EventStream, type EventStreamParams, type InfluEvent, type StreamGap } from './streaming/event-stream';
export {
  verifyWebhook, WebhookVerificationError, DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  type VerifyWebhookOptions, type WebhookHeaders, type WebhookVerificationCode,
} from './webhooks/verify-webhook';
export type * from './types';
export type * from './resources/media';
export type { paths, components, operations } from './generated/openapi';
