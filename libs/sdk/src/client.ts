import { ApiCore, type TypedApi } from './core/api-core';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './core/retry';
import { Transport, type FetchFunction } from './core/transport';
import { AdminResource } from './resources/admin';
import { AgentsResource } from './resources/agents';
import { AnalyticsResource } from './resources/analytics';
import { ApiKeysResource } from './resources/api-keys';
import { CampaignsResource } from './resources/campaigns';
import { ContentResource } from './resources/content';
import { EventsResource } from './resources/events';
import { JobsResource } from './resources/jobs';
import { MediaResource } from './resources/media';
import { OperationsResource } from './resources/operations';
import { ReviewResource } from './resources/review';
import { WebhooksResource } from './resources/webhooks';

export interface InflugenticOptions {
  /** `ig_live_…` or `ig_test_…` (or the operator token for `admin`). Default: `INFLUGENTIC_API_KEY` where there is an environment. */
  apiKey?: string;
  /** The gateway's URL. Default: `INFLUGENTIC_BASE_URL`, else `http://localhost:3000`. */
  baseUrl?: string;
  /** Per-attempt timeout in milliseconds (default 60 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Backoff tuning beyond `maxRetries`. */
  retry?: Partial<Omit<RetryPolicy, 'maxRetries'>>;
  /** A `fetch` to use instead of the global one. */
  fetch?: FetchFunction;
  /** `X-Influgentic-Org` on every request. */
  organization?: string;
  /** `X-Influgentic-Agent` on every request. */
  agent?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

export const DEFAULT_BASE_URL = 'http://localhost:3000';
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Reads an environment variable where there is one (Node, Deno, Bun), without depending on Node's types. */
function fromEnvironment(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name] || undefined;
}

/**
 * The Influgentic API client.
 *
 * ```ts
 * const client = new Influgentic({ apiKey: process.env.INFLUGENTIC_API_KEY, baseUrl: 'http://localhost:3000' });
 * for await (const agent of client.agents.list({ category: 'automotive' })) console.log(agent.name);
 * ```
 *
 * Resource methods cover every operation; `api` is the typed client generated from the OpenAPI document
 * (`client.api.GET('/v1/agents/{id}', { params: { path: { id } } })`) and goes through the same retries and headers.
 */
export class Influgentic {
  readonly agents: AgentsResource;
  readonly campaigns: CampaignsResource;
  readonly content: ContentResource;
  readonly jobs: JobsResource;
  readonly media: MediaResource;
  readonly analytics: AnalyticsResource;
  readonly events: EventsResource;
  readonly webhooks: WebhooksResource;
  readonly apiKeys: ApiKeysResource;
  readonly admin: AdminResource;
  readonly review: ReviewResource;
  readonly operations: OperationsResource;
  /** Every operation of the OpenAPI document, typed (openapi-fetch). */
  readonly api: TypedApi;
  readonly baseUrl: string;

  constructor(options: InflugenticOptions = {}) {
    const apiKey = options.apiKey ?? fromEnvironment('INFLUGENTIC_API_KEY');
    if (!apiKey) throw new Error('An API key is required: new Influgentic({ apiKey }) or INFLUGENTIC_API_KEY');
    const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
    if (!fetchImpl) throw new Error('No fetch available: use Node 20+ or pass options.fetch');
    this.baseUrl = (options.baseUrl ?? fromEnvironment('INFLUGENTIC_BASE_URL') ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    const transport = new Transport({
      apiKey, fetch: fetchImpl, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retry: { ...DEFAULT_RETRY_POLICY, ...options.retry, ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}) },
      organization: options.organization, agent: options.agent, headers: options.headers,
    });
    const core = new ApiCore(transport, this.baseUrl);
    this.api = core.api;
    this.agents = new AgentsResource(core);
    this.campaigns = new CampaignsResource(core);
    this.content = new ContentResource(core);
    this.jobs = new JobsResource(core);
    this.media = new MediaResource(core);
    this.analytics = new AnalyticsResource(core);
    this.events = new EventsResource(core);
    this.webhooks = new WebhooksResource(core);
    this.apiKeys = new ApiKeysResource(core);
    this.admin = new AdminResource(core);
    this.review = new ReviewResource(core);
    this.operations = new OperationsResource(core);
  }
}
