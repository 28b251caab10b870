import type { components, operations } from './generated/openapi';

type Schemas = components['schemas'];

/** The query parameters of an operation (by operationId). */
export type QueryOf<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;
/** The JSON request body of an operation (by operationId). */
export type BodyOf<K extends keyof operations> = NonNullable<operations[K]['requestBody']> extends { content: { 'application/json': infer B } } ? B : never;

// Named shapes of the API, as the generated document describes them.
export type AgentSummary = Schemas['AgentSummary'];
export type Agent = Schemas['Agent'];
export type AgentBuildAccepted = Schemas['AgentBuildAccepted'];
export type AgentDeleted = Schemas['AgentDeleted'];
export type Campaign = Schemas['Campaign'];
export type ContentItem = Schemas['ContentItem'];
export type ContentDeleted = Schemas['ContentDeleted'];
export type ContentVariants = Schemas['ContentVariants'];
export type PublishStatus = Schemas['PublishStatus'];
export type ReviewLink = Schemas['ReviewLink'];
export type ReviewDecision = Schemas['ReviewDecision'];
export type Calendar = Schemas['Calendar'];
export type Job = Schemas['Job'];
export type GenerateWeekAccepted = Schemas['GenerateWeekAccepted'];
export type IngestAccepted = Schemas['IngestAccepted'];
export type AnalyticsReport = Schemas['AnalyticsReport'];
export type WebhookEndpoint = Schemas['WebhookEndpoint'];
export type WebhookEndpointWithSecret = Schemas['WebhookEndpointWithSecret'];
export type WebhookEndpointDeleted = Schemas['WebhookEndpointDeleted'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type ApiKey = Schemas['ApiKey'];
export type ApiKeyCreated = Schemas['ApiKeyCreated'];
export type ApiKeyRevoked = Schemas['ApiKeyRevoked'];
export type Organization = Schemas['Organization'];
export type OrganizationCreated = Schemas['OrganizationCreated'];
export type Health = Schemas['Health'];
export type Readiness = Schemas['Readiness'];
export type Problem = Schemas['Problem'];

export type CreateAgentParams = BodyOf<'postV1Agents'>;
export type UpdateAgentParams = BodyOf<'patchV1AgentsId'>;
export type ListAgentsParams = QueryOf<'getV1Agents'>;
export type CreateCampaignParams = BodyOf<'postV1Campaigns'>;
export type UpdateCampaignParams = BodyOf<'patchV1CampaignsId'>;
export type ListCampaignsParams = QueryOf<'getV1Campaigns'>;
export type CampaignStreamParams = BodyOf<'postV1CampaignsIdStream'>;
export type GenerateContentParams = Omit<BodyOf<'postV1AgentsAgentIdContent'>, 'stream'>;
export type ListContentParams = QueryOf<'getV1Content'>;
export type UpdateContentParams = BodyOf<'patchV1ContentId'>;
export type ApproveContentParams = BodyOf<'postV1ContentIdApprove'>;
export type RejectContentParams = BodyOf<'postV1ContentIdReject'>;
export type MediaDecisionParams = BodyOf<'postV1ContentIdMediaIndexApprove'>;
export type PublishContentParams = BodyOf<'postV1ContentIdPublish'>;
export type CreateVariantsParams = BodyOf<'postV1ContentIdVariants'>;
export type CreateReviewLinkParams = BodyOf<'postV1ContentReviewLinks'>;
export type GenerateWeekParams = BodyOf<'postV1ContentGenerateWeek'>;
export type CalendarParams = QueryOf<'getV1ContentCalendar'>;
export type IngestEventsParams = BodyOf<'postV1Events'>;
export type AnalyticsParams = QueryOf<'getV1AnalyticsOverview'>;
export type CreateExportParams = BodyOf<'postV1AnalyticsExports'>;
export type DownloadExportParams = QueryOf<'getV1AnalyticsExportsIdDownload'>;
export type CreateWebhookParams = BodyOf<'postV1Webhooks'>;
export type UpdateWebhookParams = BodyOf<'patchV1WebhooksId'>;
export type RotateWebhookSecretParams = BodyOf<'postV1WebhooksIdRotateSecret'>;
export type ListWebhooksParams = QueryOf<'getV1Webhooks'>;
export type ListDeliveriesParams = QueryOf<'getV1WebhooksIdDeliveries'>;
export type CreateApiKeyParams = BodyOf<'postV1ApiKeys'>;
export type ListApiKeysParams = QueryOf<'getV1ApiKeys'>;
export type CreateOrganizationParams = BodyOf<'postAdminV1Organizations'>;
export type UpdateOrganizationParams = BodyOf<'patchAdminV1OrganizationsId'>;
export type ListOrganizationsParams = QueryOf<'getAdminV1Organizations'>;
export type ReviewDecisionParams = BodyOf<'postReviewTokenItemsContentIdApprove'>;
