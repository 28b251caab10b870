import type { ApiCore } from '../core/api-core';
import type { RequestOptions, WithResponse } from '../core/request-options';
import type { AnalyticsParams, AnalyticsReport, CreateExportParams, DownloadExportParams, IngestAccepted, IngestEventsParams, Job } from '../types';

/** Exports of raw events, as jobs with signed download links. */
export class AnalyticsExportsResource {
  constructor(private readonly core: ApiCore) {}

  create(params: CreateExportParams, options?: RequestOptions): Promise<WithResponse<Job>> {
    return this.core.unwrap(this.core.api.POST('/v1/analytics/exports', { body: params, ...this.core.init(options) }));
  }

  /** The export file as text (CSV, or a JSON array), with the `expires` and `signature` of the job's `download_url`. */
  async download(id: string, params: DownloadExportParams, options?: RequestOptions): Promise<string> {
    const { data, error, response } = await this.core.api.GET('/v1/analytics/exports/{id}/download', { params: { path: { id }, query: params }, parseAs: 'text', ...this.core.init(options) });
    if (!response.ok) throw this.core.failure(response, error);
    return data ?? '';
  }
}

/** `/v1/events` ingestion and the reports. */
export class AnalyticsResource {
  readonly exports: AnalyticsExportsResource;

  constructor(private readonly core: ApiCore) {
    this.exports = new AnalyticsExportsResource(core);
  }

  /** Ingests up to 1,000 events; an event id seen before is counted as a duplicate, not twice. */
  ingest(params: IngestEventsParams, options?: RequestOptions): Promise<WithResponse<IngestAccepted>> {
    return this.core.unwrap(this.core.api.POST('/v1/events', { body: params, ...this.core.init(options) }));
  }

  campaign(campaignId: string, params: AnalyticsParams = {}, options?: RequestOptions): Promise<WithResponse<AnalyticsReport>> {
    return this.core.unwrap(this.core.api.GET('/v1/analytics/campaigns/{campaign_id}', { params: { path: { campaign_id: campaignId }, query: params }, ...this.core.init(options) }));
  }

  agent(agentId: string, params: AnalyticsParams = {}, options?: RequestOptions): Promise<WithResponse<AnalyticsReport>> {
    return this.core.unwrap(this.core.api.GET('/v1/analytics/agents/{agent_id}', { params: { path: { agent_id: agentId }, query: params }, ...this.core.init(options) }));
  }

  overview(params: AnalyticsParams = {}, options?: RequestOptions): Promise<WithResponse<AnalyticsReport>> {
    return this.core.unwrap(this.core.api.GET('/v1/analytics/overview', { params: { query: params }, ...this.core.init(options) }));
  }
}
