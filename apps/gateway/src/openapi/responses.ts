import {
  AGENT_CATEGORIES, AGENT_STATUSES, AGENT_TIERS, AGENT_VISIBILITIES, CAMPAIGN_STATUSES, CAMPAIGN_TYPES, COMPLIANCE_MODES,
  CONTENT_FORMATS, CONTENT_STATUSES, CONTENT_TYPES, PLANS, PLATFORMS, SCOPES,
  JOB_STATUSES, JOB_TYPES, MAX_CALENDAR_DAYS, MEDIA_STEPS,
} from '@influgentic/contracts';

type Schema = Record<string, unknown>;

/**
 * Success shapes of every public operation, as the services build them (the interfaces in libs/contracts and the
 * gateway's own views). The fuzz suite validates every 2xx body against these, so a field that changes shape fails
 * a test. Responses do not forbid extra properties: adding a field is a compatible change for clients.
 */
const str: Schema = { type: 'string' };
const strOrNull: Schema = { type: ['string', 'null'] };
const instant: Schema = { type: 'string', format: 'date-time' };
const instantOrNull: Schema = { type: ['string', 'null'], format: 'date-time' };
const count: Schema = { type: 'integer', minimum: 0 };
const usd: Schema = { type: 'number', minimum: 0, multipleOf: 0.01 };
const strings: Schema = { type: 'array', items: str };
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, Schema>, optional: string[] = []): Schema => ({
  type: 'object', properties, required: Object.keys(properties).filter((k) => !optional.includes(k)),
});
const page = (item: string): Schema => object({
  data: { type: 'array', items: ref(item) },
  meta: object({ total: { type: ['integer', 'null'], minimum: 0 }, limit: { type: 'integer', minimum: 1, maximum: 100 }, next_cursor: strOrNull }),
});

const agentSummary = {
  id: str, name: str, category: { type: 'string', enum: [...AGENT_CATEGORIES] }, subcategories: strings, use_cases: strings,
  languages: strings, reach: count, engagement_rate: { type: 'number', minimum: 0 }, total_campaigns: count,
  rating: { type: 'number', minimum: 0, maximum: 5 }, tier: { type: 'string', enum: [...AGENT_TIERS] },
  status: { type: 'string', enum: [...AGENT_STATUSES] }, created_at: instant,
};

const webhookEndpoint = {
  id: { type: 'string', pattern: '^wh_' }, object: { type: 'string', const: 'webhook_endpoint' }, url: { type: 'string', format: 'uri' },
  events: { type: 'array', minItems: 1, items: str }, description: strOrNull, status: { type: 'string', enum: ['enabled', 'disabled'] },
  disabled_reason: strOrNull, disabled_at: instantOrNull, rate_limit_per_minute: { type: ['integer', 'null'], minimum: 1 },
  previous_secret_expires_at: { ...instantOrNull, description: 'Until then the secret replaced by the last rotation still signs too' },
  livemode: { type: 'boolean' }, created_at: instant, updated_at: instant,
};

export const RESPONSE_SCHEMAS: Record<string, Schema> = {
  AgentSummary: object(agentSummary),
  AgentList: page('AgentSummary'),
  Agent: object({
    ...agentSummary,
    headline: str, persona_prompt: str, expertise_domains: strings, target_audience: strOrNull,
    visibility: { type: 'string', enum: [...AGENT_VISIBILITIES] }, organization_id: strOrNull, livemode: { type: 'boolean' },
    timezone: { ...strOrNull, description: 'IANA zone the agent posts from (week plans default to it); null when none' },
    capabilities: object({ content_types: strings, languages: count, tone_modes: strings, real_time_streaming: { type: 'boolean' } }),
    performance: object({ avg_engagement_rate: { type: 'number' }, total_reach: count, campaigns_completed: count, avg_conversion_rate: { type: 'number' } }),
    pricing: object({ model: str, base_rate_usd: { type: 'number', minimum: 0 }, per_item_usd: { type: 'number', minimum: 0 }, included_in_plans: strings }),
    style_profile: { type: ['object', 'null'] }, failure_reason: strOrNull, updated_at: instant,
  }, ['persona_prompt']),
  AgentBuildAccepted: object({ id: str, name: str, status: { type: 'string', const: 'training' }, estimated_ready_at: instant, dashboard_url: { type: 'string', format: 'uri' }, api_endpoint: { type: 'string', format: 'uri' } }),
  AgentDeleted: object({ id: str, deleted: { type: 'boolean', const: true } }),
  Campaign: object({
    id: str, agent_id: str, type: { type: 'string', enum: [...CAMPAIGN_TYPES] }, name: str,
    product: { type: ['object', 'null'] },
    config: object({
      tone: strOrNull, languages: strings, output_formats: { type: 'array', items: { type: 'string', enum: [...CONTENT_FORMATS] } },
      compliance_mode: { type: 'string', enum: [...COMPLIANCE_MODES] }, duration_days: { type: 'integer', minimum: 1 }, starts_at: strOrNull,
    }),
    budget_usd: { ...usd, type: ['number', 'null'] }, spent_usd: usd, reserved_usd: usd, per_item_usd: usd,
    status: { type: 'string', enum: [...CAMPAIGN_STATUSES] }, livemode: { type: 'boolean' },
    starts_at: instant, ends_at: instant, started_at: instantOrNull, paused_at: instantOrNull, completed_at: instantOrNull,
    cancelled_at: instantOrNull, created_at: instant, updated_at: instant,
    performance: object({ impressions: count, engagements: count, leads: count, conversions: count }),
  }),
  CampaignList: page('Campaign'),
  ContentItem: object({
    id: str, agent_id: str, campaign_id: strOrNull, content_type: { type: 'string', enum: [...CONTENT_TYPES] },
    format: { type: 'string', enum: [...CONTENT_FORMATS] }, platform: { type: ['string', 'null'], enum: [...PLATFORMS, null] },
    language: str, status: { type: 'string', enum: [...CONTENT_STATUSES] }, title: strOrNull, body: str, caption: str,
    hashtags: strings, cta: strOrNull, disclosures: strings, variants: { type: 'array', items: { type: 'object' } },
    selected_variant: { type: ['integer', 'null'] }, media: { type: 'array', items: { type: 'object' } },
    scheduled_at: instantOrNull, published_at: instantOrNull, rejection_reason: strOrNull, failure_reason: strOrNull,
    compliance: object({ mode: { type: 'string', enum: [...COMPLIANCE_MODES] }, review_reasons: strings, flags: { type: 'array', items: { type: 'object' } } }),
    model: str, tokens: count, livemode: { type: 'boolean' }, created_at: instant, updated_at: instant,
    history: {
      type: 'array', description: 'Every status change and decision, oldest first (single-item answers only)',
      items: object({
        from: { type: ['string', 'null'], enum: [...CONTENT_STATUSES, null] }, to: { type: 'string', enum: [...CONTENT_STATUSES] }, action: str,
        actor: object({ kind: { type: 'string', enum: ['key', 'review_link', 'system'] }, id: strOrNull }), at: instant, reason: strOrNull,
        media_index: { type: 'integer', minimum: 0 },
      }, ['media_index']),
    },
  }, ['rejection_reason', 'failure_reason', 'history']),
  ContentList: page('ContentItem'),
  ContentDeleted: object({ id: str, deleted: { type: 'boolean', const: true } }),
  PublishStatus: object({
    content_id: str, status: { type: 'string', enum: [...CONTENT_STATUSES] }, platform: { type: ['string', 'null'], enum: [...PLATFORMS, null] },
    scheduled_at: instantOrNull, attempts: count, last_error: strOrNull, post_id: strOrNull,
    post_url: { ...strOrNull, description: 'The post’s page (relative to the gateway without PUBLIC_BASE_URL)' }, published_at: instantOrNull,
  }),
  ApiKey: object({
    id: str, name: str, mode: { type: 'string', enum: ['live', 'test'] }, scopes: { type: 'array', items: { type: 'string', enum: [...SCOPES] } },
    token_hint: str, created_at: instant, expires_at: instantOrNull, last_used_at: instantOrNull,
  }),
  ApiKeyCreated: {
    allOf: [ref('ApiKey'), object({ token: { type: 'string', pattern: '^ig_(live|test)_', description: 'Shown once, at creation' } })],
  },
  ApiKeyList: page('ApiKey'),
  ApiKeyRevoked: object({ id: str, revoked: { type: 'boolean', const: true } }),
  Organization: object({ id: str, name: str, plan: { type: 'string', enum: [...PLANS] }, created_at: instant, updated_at: instant }),
  OrganizationList: page('Organization'),
  OrganizationCreated: object({
    organization: ref('Organization'),
    api_key: object({ id: str, token: { type: 'string', pattern: '^ig_live_' }, scopes: { type: 'array', items: { type: 'string', enum: [...SCOPES] } }, mode: { type: 'string', const: 'live' } }),
  }),
  Job: object({
    id: str, type: { type: 'string', enum: [...JOB_TYPES] }, status: { type: 'string', enum: [...JOB_STATUSES] },
    progress: { type: 'integer', minimum: 0, maximum: 100 }, result: { type: ['object', 'null'] },
    error: { type: ['object', 'null'], required: ['code', 'message'], properties: { code: str, message: str } },
    agent_id: strOrNull, attempts: count, livemode: { type: 'boolean' }, created_at: instant, updated_at: instant,
    started_at: instantOrNull, finished_at: instantOrNull,
  }),
  GenerateWeekAccepted: object({ job: ref('Job') }),
  MediaJobAccepted: object({ content: ref('ContentItem'), job: ref('Job') }),
  VideoStatus: object({
    id: str, content_id: str, job_id: str, status: { type: 'string', enum: [...JOB_STATUSES] }, progress: { type: 'integer', minimum: 0, maximum: 100 },
    step: { type: 'string', enum: [...MEDIA_STEPS] },
    result: object({
      video_url: { ...strOrNull, description: 'Signed link to the MP4; expires (read the status again for a fresh one)' },
      duration_seconds: { type: ['number', 'null'], minimum: 0, description: 'Measured from the file' }, credits_billed: count,
      captions: { type: ['object', 'null'], required: ['srt_url', 'vtt_url'], properties: { srt_url: str, vtt_url: str } },
      audio_url: strOrNull, thumbnail_url: strOrNull,
    }),
    error: { type: ['object', 'null'], required: ['code', 'message'], properties: { code: str, message: str } },
  }),
  BulkBatch: object({
    id: { type: 'string', pattern: '^batch_' }, object: { type: 'string', const: 'bulk_batch' }, agent_id: str,
    status: { type: 'string', enum: ['processing', 'done', 'error', 'cancelled', 'stopped'] }, total_rows: { type: 'integer', minimum: 1, maximum: 100 },
    rows_done: count, rows_failed: count, progress: { type: 'integer', minimum: 0, maximum: 100 },
    rows: {
      type: 'array',
      items: object({
        line: { type: 'integer', minimum: 2 }, content_id: str, job_id: str, status: { type: 'string', enum: [...JOB_STATUSES] },
        progress: { type: 'integer', minimum: 0, maximum: 100 }, video_url: strOrNull,
        error: { type: ['object', 'null'], required: ['code', 'message'], properties: { code: str, message: str } },
      }),
    },
    created_at: instant,
  }),
  MediaFile: { description: 'The file: MP4 video, PNG image, WAV speech or SRT/WebVTT captions', type: 'string', format: 'binary' },
  IngestAccepted: object({ accepted: count, duplicates: count }),
  ExportDownload: { description: 'The export file as its format says: CSV (text/csv, a header row then one row per event) or a JSON array of events', type: ['string', 'array'] },
  AnalyticsMetricCounts: object({ impressions: count, engagements: count, clicks: count, leads: count, conversions: count }),
  AnalyticsReport: object({
    campaign_id: str, agent_id: str, organization_id: str, livemode: { type: 'boolean' },
    period: object({ start: { type: 'string', format: 'date' }, end: { type: 'string', format: 'date' } }), granularity: { type: 'string', const: 'day' },
    summary: object({
      total_impressions: count, total_engagements: count, total_clicks: count, engagement_rate: { type: ['number', 'null'], minimum: 0 },
      click_through_rate: { type: ['number', 'null'], minimum: 0 }, leads_generated: count, conversions: count,
      conversion_rate: { type: ['number', 'null'], minimum: 0 }, estimated_revenue_usd: usd, spend_usd: usd, roi_multiplier: { type: ['number', 'null'], minimum: 0 },
    }),
    breakdown_by_language: { type: 'object', additionalProperties: ref('AnalyticsMetricCounts') },
    breakdown_by_platform: { type: 'object', additionalProperties: ref('AnalyticsMetricCounts') },
    timeseries: { type: 'array', items: object({ date: { type: 'string', format: 'date' }, impressions: count, engagements: count, clicks: count, leads: count, conversions: count, revenue_usd: usd }) },
    top_content: {
      type: 'array', maxItems: 5,
      items: object({ content_id: str, campaign_id: str, platform: strOrNull, impressions: count, engagements: count, clicks: count, leads: count, conversions: count, engagement_rate: { type: ['number', 'null'], minimum: 0 } }),
    },
  }, ['campaign_id', 'agent_id', 'organization_id']),
  Calendar: object({
    from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' }, timezone: str, total: count, truncated: { type: 'boolean' },
    days: {
      type: 'array', maxItems: MAX_CALENDAR_DAYS,
      items: object({
        date: { type: 'string', format: 'date' }, count, counts: { type: 'object', additionalProperties: count },
        items: {
          type: 'array',
          items: object({
            id: str, agent_id: str, campaign_id: strOrNull, platform: { type: ['string', 'null'], enum: [...PLATFORMS, null] },
            content_type: { type: 'string', enum: [...CONTENT_TYPES] }, format: { type: 'string', enum: [...CONTENT_FORMATS] }, language: str,
            status: { type: 'string', enum: [...CONTENT_STATUSES] }, title: strOrNull, caption: str, at: instant,
            scheduled_at: instantOrNull, published_at: instantOrNull,
          }),
        },
      }),
    },
  }),
  Health: object({ status: { type: 'string', const: 'ok' } }),
  Readiness: object({
    status: { type: 'string', enum: ['ready', 'not_ready'] }, database: { type: 'string', enum: ['ok', 'unavailable'] },
    services: { type: 'object', additionalProperties: { type: 'string' } },
  }),
  OpenApiDocument: { type: 'object', required: ['openapi', 'info', 'paths'], properties: { openapi: str, info: { type: 'object' }, paths: { type: 'object' } } },
  ContentVariants: object({
    content_id: str, selected_variant: { type: ['integer', 'null'], minimum: 0 },
    data: { type: 'array', maxItems: 3, items: object({ idx: { type: 'integer', minimum: 0 }, style: { type: 'string', enum: ['story-led', 'question-led', 'cta-led', 'punchy'] }, caption: str, created_at: instant }) },
  }),
  ReviewLink: object({
    id: { type: 'string', pattern: '^rvl_' }, url: { type: ['string', 'null'], format: 'uri', description: 'Shown once; null when the answer is replayed or the link revoked' },
    expires_at: instant, content_ids: { type: 'array', minItems: 1, items: str }, agent_id: strOrNull, week: { type: ['string', 'null'], format: 'date' },
    note: strOrNull, livemode: { type: 'boolean' }, revoked_at: instantOrNull, created_at: instant,
  }),
  WebhookEndpoint: object(webhookEndpoint),
  WebhookEndpointWithSecret: object({
    ...webhookEndpoint,
    secret: { type: ['string', 'null'], pattern: '^(igsec|whsec)_', description: 'The signing secret, shown in this answer only; null when the answer is replayed' },
  }),
  WebhookEndpointList: page('WebhookEndpoint'),
  WebhookEndpointDeleted: object({ id: str, deleted: { type: 'boolean', const: true } }),
  WebhookDelivery: object({
    id: { type: 'string', pattern: '^whd_' }, object: { type: 'string', const: 'webhook_delivery' }, endpoint_id: str, event_id: str, event_type: str,
    status: { type: 'string', enum: ['pending', 'succeeded', 'failed'] }, attempts_count: count, next_attempt_at: instantOrNull,
    last_attempt_at: instantOrNull, last_status_code: { type: ['integer', 'null'] }, last_error: strOrNull, livemode: { type: 'boolean' },
    created_at: instant, updated_at: instant,
    attempts: {
      type: 'array', description: 'Only when one delivery is read',
      items: object({
        attempt: { type: 'integer', minimum: 1 }, started_at: instant, latency_ms: count, address: strOrNull, status_code: { type: ['integer', 'null'] },
        response_snippet: strOrNull, location: strOrNull, error_code: strOrNull, error_message: strOrNull,
      }),
    },
  }, ['attempts']),
  WebhookDeliveryList: page('WebhookDelivery'),
  ReviewDecision: object({ content_id: str, decision: { type: 'string', enum: ['approve', 'reject'] }, status: { type: 'string', enum: [...CONTENT_STATUSES] } }),
};

/** Which schema each operation answers with on success (`METHOD path`, Fastify path syntax). */
export const OPERATION_RESPONSES: Record<string, string> = {
  'GET /health': 'Health',
  'GET /ready': 'Readiness',
  'GET /openapi.json': 'OpenApiDocument',
  'GET /v1/agents': 'AgentList',
  'GET /v1/agents/:id': 'Agent',
  'POST /v1/agents': 'AgentBuildAccepted',
  'PATCH /v1/agents/:id': 'Agent',
  'DELETE /v1/agents/:id': 'AgentDeleted',
  'POST /v1/campaigns': 'Campaign',
  'GET /v1/campaigns': 'CampaignList',
  'GET /v1/campaigns/:id': 'Campaign',
  'PATCH /v1/campaigns/:id': 'Campaign',
  'DELETE /v1/campaigns/:id': 'Campaign',
  'POST /v1/campaigns/:id/pause': 'Campaign',
  'POST /v1/campaigns/:id/resume': 'Campaign',
  'POST /v1/campaigns/:id/cancel': 'Campaign',
  'POST /v1/agents/:agent_id/content': 'ContentItem',
  'GET /v1/content/:id': 'ContentItem',
  'GET /v1/content': 'ContentList',
  'PATCH /v1/content/:id': 'ContentItem',
  'DELETE /v1/content/:id': 'ContentDeleted',
  'POST /v1/content/:id/approve': 'ContentItem',
  'POST /v1/content/:id/reject': 'ContentItem',
  'POST /v1/content/:id/regenerate': 'ContentItem',
  'POST /v1/content/:id/media/:index/approve': 'ContentItem',
  'POST /v1/content/:id/media/:index/reject': 'ContentItem',
  'POST /v1/agents/:agent_id/content/:content_id/approve': 'ContentItem',
  'POST /v1/agents/:agent_id/content/:content_id/reject': 'ContentItem',
  'POST /v1/agents/:agent_id/content/:content_id/regenerate': 'ContentItem',
  'POST /v1/content/:id/publish': 'ContentItem',
  'GET /v1/content/:id/publish/status': 'PublishStatus',
  'POST /v1/content/:id/publish/retry': 'ContentItem',
  'POST /v1/content/:id/unpublish': 'ContentItem',
  'POST /v1/content/generate-week': 'GenerateWeekAccepted',
  'POST /v1/content/video/generate': 'MediaJobAccepted',
  'GET /v1/content/video/:id/status': 'VideoStatus',
  'POST /v1/content/video/:id/stop': 'VideoStatus',
  'POST /v1/content/video/:id/continue': 'VideoStatus',
  'POST /v1/content/:id/media': 'MediaJobAccepted',
  'POST /v1/content/bulk': 'BulkBatch',
  'GET /v1/content/bulk/:id': 'BulkBatch',
  'GET /media/:organization/:mode/:content_id/:file': 'MediaFile',
  'GET /v1/content/calendar': 'Calendar',
  'POST /v1/events': 'IngestAccepted',
  'GET /v1/analytics/campaigns/:campaign_id': 'AnalyticsReport',
  'GET /v1/analytics/agents/:agent_id': 'AnalyticsReport',
  'GET /v1/analytics/overview': 'AnalyticsReport',
  'POST /v1/analytics/exports': 'Job',
  'GET /v1/analytics/exports/:id/download': 'ExportDownload',
  'GET /v1/jobs/:id': 'Job',
  'POST /v1/jobs/:id/cancel': 'Job',
  'POST /v1/api-keys': 'ApiKeyCreated',
  'GET /v1/api-keys': 'ApiKeyList',
  'GET /v1/api-keys/:id': 'ApiKey',
  'DELETE /v1/api-keys/:id': 'ApiKeyRevoked',
  'POST /admin/v1/organizations': 'OrganizationCreated',
  'GET /admin/v1/organizations': 'OrganizationList',
  'GET /admin/v1/organizations/:id': 'Organization',
  'PATCH /admin/v1/organizations/:id': 'Organization',
  'POST /v1/content/:id/variants': 'ContentVariants',
  'GET /v1/content/:id/variants': 'ContentVariants',
  'PUT /v1/content/:id/variants/:idx/select': 'ContentItem',
  'POST /v1/content/review-links': 'ReviewLink',
  'DELETE /v1/content/review-links/:id': 'ReviewLink',
  'POST /v1/webhooks': 'WebhookEndpointWithSecret',
  'GET /v1/webhooks': 'WebhookEndpointList',
  'GET /v1/webhooks/:id': 'WebhookEndpoint',
  'PATCH /v1/webhooks/:id': 'WebhookEndpoint',
  'DELETE /v1/webhooks/:id': 'WebhookEndpointDeleted',
  'POST /v1/webhooks/:id/rotate-secret': 'WebhookEndpointWithSecret',
  'GET /v1/webhooks/:id/deliveries': 'WebhookDeliveryList',
  'GET /v1/webhooks/:id/deliveries/:delivery_id': 'WebhookDelivery',
  'POST /v1/webhooks/:id/deliveries/:delivery_id/retry': 'WebhookDelivery',
  'POST /v1/webhooks/:id/test': 'WebhookDelivery',
  'POST /review/:token/items/:content_id/approve': 'ReviewDecision',
  'POST /review/:token/items/:content_id/reject': 'ReviewDecision',
};
