import { CampaignIdParams, CampaignSubjects, CreateCampaignBody, ListCampaignsQuery, UpdateCampaignBody } from '@influgentic/contracts';
import type { RouteDef } from './route';

const read = { tag: 'campaigns', auth: 'key', scope: 'campaigns:read', rateClass: 'read' } as const;
const write = { tag: 'campaigns', auth: 'key', scope: 'campaigns:write', rateClass: 'write' } as const;

/** Campaigns section of the contract (the live `/stream` route belongs to the content routes). */
export const campaignRoutes: RouteDef[] = [
  { ...write, method: 'POST', path: '/v1/campaigns', summary: 'Create a campaign', status: 201, body: CreateCampaignBody, subject: CampaignSubjects.create },
  { ...read, method: 'GET', path: '/v1/campaigns', summary: 'List campaigns with a performance summary', status: 200, query: ListCampaignsQuery, subject: CampaignSubjects.list },
  { ...read, method: 'GET', path: '/v1/campaigns/:id', summary: 'Get a campaign', status: 200, params: CampaignIdParams, subject: CampaignSubjects.get },
  { ...write, method: 'PATCH', path: '/v1/campaigns/:id', summary: 'Update name, config (merge) or budget', status: 200, params: CampaignIdParams, body: UpdateCampaignBody, subject: CampaignSubjects.update },
  { ...write, method: 'DELETE', path: '/v1/campaigns/:id', summary: 'Cancel a campaign (as POST …/cancel; repeating it answers the cancelled campaign again)', status: 200, params: CampaignIdParams, subject: CampaignSubjects.remove },
  { ...write, method: 'POST', path: '/v1/campaigns/:id/pause', summary: 'Pause an active campaign', status: 200, params: CampaignIdParams, subject: CampaignSubjects.pause },
  { ...write, method: 'POST', path: '/v1/campaigns/:id/resume', summary: 'Resume a paused campaign', status: 200, params: CampaignIdParams, subject: CampaignSubjects.resume },
  { ...write, method: 'POST', path: '/v1/campaigns/:id/cancel', summary: 'Cancel a campaign: billing stops at once', status: 200, params: CampaignIdParams, subject: CampaignSubjects.cancel },
];
