import {
  AgentReportParams, AnalyticsReportQuery, AnalyticsSubjects, CampaignReportParams, CreateExportBody, IngestEventsBody,
} from '@influgentic/contracts';
import type { RouteDef } from './route';

const read = { tag: 'analytics', auth: 'key', scope: 'analytics:read', rateClass: 'read' } as const;

/** Analytics section of the contract (the export download is in analytics-exports.routes.ts). */
export const analyticsRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/v1/events', tag: 'analytics', auth: 'key', scope: 'analytics:write', rateClass: 'ingest', status: 202,
    summary: 'Ingest up to 1,000 measured events (idempotent by event id); a lead emits lead.captured',
    // Validated once, by the analytics service (a fast check of the common case, class-validator for the rest).
    body: IngestEventsBody, bodyValidatedByService: true, subject: AnalyticsSubjects.ingest, timeoutMs: 15_000,
  },
  {
    ...read, method: 'GET', path: '/v1/analytics/campaigns/:campaign_id', status: 200, params: CampaignReportParams, query: AnalyticsReportQuery,
    summary: 'Campaign report: summary, rates and ROI, breakdowns by language and platform, a day timeseries and top content',
    subject: AnalyticsSubjects.campaignReport,
  },
  {
    ...read, method: 'GET', path: '/v1/analytics/agents/:agent_id', status: 200, params: AgentReportParams, query: AnalyticsReportQuery,
    summary: "Agent report (the organization's campaigns run by the agent), in the campaign report's shape",
    subject: AnalyticsSubjects.agentReport,
  },
  {
    ...read, method: 'GET', path: '/v1/analytics/overview', status: 200, query: AnalyticsReportQuery,
    summary: "Organization overview in the campaign report's shape", subject: AnalyticsSubjects.overview,
  },
  {
    method: 'POST', path: '/v1/analytics/exports', tag: 'analytics', auth: 'key', scope: 'analytics:read', rateClass: 'write', status: 202,
    summary: 'Export raw events (csv or json) as a job; its result holds a download link that expires after 1 hour',
    body: CreateExportBody, subject: AnalyticsSubjects.createExport,
  },
];
