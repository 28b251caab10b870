import type {
  AnalyticsParams, ApproveContentParams, CreateCampaignParams, GenerateContentParams, GenerateVideoParams, Influgentic,
  ListAgentsParams, ListCampaignsParams, ListContentParams, RejectContentParams,
} from '@influgentic/sdk';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import snapshot from './operation-schemas.json';
import type { OperationKey, OperationSchema, OperationSchemaSnapshot } from './operations';
import * as summarize from './summaries';
import type { OperationInput, ToolInputShape } from './tool-input';

/** What a tool answers with when its call succeeds. */
export interface ToolOutcome { summary: string; data: object }

/** One MCP tool over one API operation. */
export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  operation: OperationKey;
  shape: ToolInputShape;
  annotations: ToolAnnotations;
  run: (client: Influgentic, input: OperationInput) => Promise<ToolOutcome>;
}

const OPERATIONS = (snapshot as unknown as OperationSchemaSnapshot).operations;

/** The committed input schema of an operation. */
export function operationSchema(key: OperationKey): OperationSchema {
  return OPERATIONS[key];
}

// MCP's hint defaults are the cautious ones (a tool that is not read-only is assumed destructive), so every tool says
// what it is.
const READ: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
const CREATE: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false };
const CHANGE: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false };
const DESTROY: ToolAnnotations = { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false };

const id = (name: string, what: string, example: string): ToolInputShape['pathArguments'] => ({ [name]: { name: `${what}_id`, description: `The ${what}'s id (${example})` } });

/** Every tool the server offers. */
export const TOOLS: ToolDefinition[] = [
  {
    name: 'search_agents', title: 'Search AI influencer agents', operation: 'GET /v1/agents', shape: {}, annotations: READ,
    description: 'Find AI influencer agents in the catalog. Filter by category, use_case, language, tier, min_reach or '
      + 'visibility, search names and descriptions with q, and sort by reach, engagement, campaigns or rating. Returns up '
      + 'to `limit` agents (default 20, max 100); pass the returned cursor to get the next page. Use an agent id with '
      + 'get_agent, create_campaign or generate_content.',
    run: async (client, input) => {
      const page = await client.agents.list(input.query as ListAgentsParams);
      return { summary: summarize.agentsPage(page), data: { data: page.data, meta: page.meta } };
    },
  },
  {
    name: 'get_agent', title: 'Get an agent', operation: 'GET /v1/agents/{id}', shape: { pathArguments: id('id', 'agent', 'agent_…') }, annotations: READ,
    description: 'Get one agent with its persona, languages, capabilities (content types it writes), performance and pricing. '
      + 'Use it to check an agent fits before creating a campaign or generating content.',
    run: async (client, input) => {
      const agent = await client.agents.retrieve(input.path.id);
      return { summary: summarize.agent(agent), data: agent };
    },
  },
  {
    name: 'create_campaign', title: 'Create a campaign', operation: 'POST /v1/campaigns', shape: {}, annotations: CREATE,
    description: 'Create a campaign for one agent: agent_id, type (product_launch, lead_gen, …) and name are required; '
      + 'product describes what is promoted, config sets tone, languages, output formats, compliance mode, duration and '
      + 'start, and budget_usd caps spend (dollars, two decimals). A sandbox (ig_test_) key creates sandbox campaigns that '
      + 'are never billed. Each call creates a new campaign.',
    run: async (client, input) => {
      const campaign = await client.campaigns.create(input.body as CreateCampaignParams);
      return { summary: summarize.campaign(campaign, 'Created campaign'), data: campaign };
    },
  },
  {
    name: 'list_campaigns', title: 'List campaigns', operation: 'GET /v1/campaigns', shape: {}, annotations: READ,
    description: 'List the organization\'s campaigns, newest first, with spend and a performance summary; filter by status '
      + 'or agent_id. Pass the returned cursor to get the next page.',
    run: async (client, input) => {
      const page = await client.campaigns.list(input.query as ListCampaignsParams);
      return { summary: summarize.campaignsPage(page), data: { data: page.data, meta: page.meta } };
    },
  },
  {
    name: 'pause_campaign', title: 'Pause a campaign', operation: 'POST /v1/campaigns/{id}/pause', shape: { pathArguments: id('id', 'campaign', 'camp_…') }, annotations: CHANGE,
    description: 'Pause an active campaign: nothing more is generated or spent until it is resumed. A campaign that is not '
      + 'active answers with an invalid_state error.',
    run: async (client, input) => {
      const campaign = await client.campaigns.pause(input.path.id);
      return { summary: summarize.campaign(campaign), data: campaign };
    },
  },
  {
    name: 'cancel_campaign', title: 'Cancel a campaign', operation: 'POST /v1/campaigns/{id}/cancel', shape: { pathArguments: id('id', 'campaign', 'camp_…') }, annotations: DESTROY,
    description: 'Cancel a campaign for good: billing stops at once and it cannot be resumed. Destructive: confirm with the '
      + 'user first. Cancelling a cancelled campaign changes nothing.',
    run: async (client, input) => {
      const campaign = await client.campaigns.cancel(input.path.id);
      return { summary: summarize.campaign(campaign), data: campaign };
    },
  },
  {
    name: 'generate_content', title: 'Generate content with an agent', operation: 'POST /v1/agents/{agent_id}/content',
    shape: { pathArguments: id('agent_id', 'agent', 'agent_…'), omit: ['stream'] }, annotations: CREATE,
    description: 'Write one piece of content in an agent\'s voice: content_type (product_review, product_launch, …) and '
      + 'format (instagram_caption, x_post, linkedin_post, video_script, …) are required; product (name, key_claims, '
      + 'target_use) says what it is about; language, length, tone, platform, include_cta and campaign_id refine it. The '
      + 'new item enters the review queue (usually pending_review); approve or reject it with approve_content or reject_content.',
    run: async (client, input) => {
      const item = await client.content.generate(input.path.agent_id, input.body as GenerateContentParams);
      return { summary: summarize.content(item, 'Generated'), data: item };
    },
  },
  {
    name: 'list_review_queue', title: 'List the content review queue', operation: 'GET /v1/content',
    shape: { defaults: { status: 'pending_review' } }, annotations: READ,
    description: 'List content items, newest first: by default those pending review. Filter by status (approved, scheduled, '
      + 'published, rejected, …), agent_id, campaign_id, platform, or created_/scheduled_ after/before (ISO-8601). Pass the '
      + 'returned cursor to get the next page.',
    run: async (client, input) => {
      const page = await client.content.list(input.query as ListContentParams);
      return { summary: summarize.reviewQueue(page, input.query.status), data: { data: page.data, meta: page.meta } };
    },
  },
  {
    name: 'approve_content', title: 'Approve content', operation: 'POST /v1/content/{id}/approve', shape: { pathArguments: id('id', 'content', 'cnt_…') }, annotations: CHANGE,
    description: 'Approve a content item waiting for review, with an optional reason. An item with a future scheduled_at '
      + 'becomes scheduled; one in another state answers with an invalid_state error.',
    run: async (client, input) => {
      const item = await client.content.approve(input.path.id, (input.body ?? {}) as ApproveContentParams);
      return { summary: summarize.content(item), data: item };
    },
  },
  {
    name: 'reject_content', title: 'Reject content', operation: 'POST /v1/content/{id}/reject', shape: { pathArguments: id('id', 'content', 'cnt_…') }, annotations: DESTROY,
    description: 'Reject a content item, with an optional reason: it will not be published. Destructive: confirm with the '
      + 'user first.',
    run: async (client, input) => {
      const item = await client.content.reject(input.path.id, (input.body ?? {}) as RejectContentParams);
      return { summary: summarize.content(item), data: item };
    },
  },
  {
    name: 'generate_video', title: 'Generate a short video', operation: 'POST /v1/content/video/generate', shape: {}, annotations: CREATE,
    description: 'Render a short video for an agent (script, voice, burned-in captions, disclosure): agent_id, platform and '
      + 'scene_description are required; duration_seconds, aspect_ratio, language, script, voice, campaign_id and product '
      + 'refine it. Rendering runs in the background: this returns the content item and its job at once; poll get_job with '
      + 'the job id until the job is done.',
    run: async (client, input) => {
      const accepted = await client.media.generateVideo(input.body as GenerateVideoParams);
      return { summary: summarize.videoAccepted(accepted), data: accepted };
    },
  },
  {
    name: 'get_job', title: 'Get a background job', operation: 'GET /v1/jobs/{id}', shape: { pathArguments: id('id', 'job', 'job_…') }, annotations: READ,
    description: 'Get a background job (a video render, a week plan, an export): status (queued, processing, done, error, '
      + 'cancelled, stopped), progress 0–100, its result (final once done) and any error. Poll every few seconds while it runs.',
    run: async (client, input) => {
      const job = await client.jobs.retrieve(input.path.id);
      return { summary: summarize.job(job), data: job };
    },
  },
  {
    name: 'get_campaign_analytics', title: 'Campaign analytics', operation: 'GET /v1/analytics/campaigns/{campaign_id}',
    shape: { pathArguments: id('campaign_id', 'campaign', 'camp_…') }, annotations: READ,
    description: 'A campaign\'s report: impressions, engagements, clicks, leads, conversions, rates, revenue, spend and ROI, '
      + 'broken down by language and platform, with a daily timeseries and the top content. start and end (YYYY-MM-DD) '
      + 'bound the period.',
    run: async (client, input) => {
      const report = await client.analytics.campaign(input.path.campaign_id, input.query as AnalyticsParams);
      return { summary: summarize.analytics(report, `Campaign ${input.path.campaign_id}`), data: report };
    },
  },
  {
    name: 'analytics_overview', title: 'Organization analytics overview', operation: 'GET /v1/analytics/overview', shape: {}, annotations: READ,
    description: 'The organization\'s totals across every campaign, in the campaign report\'s shape (summary, breakdowns, '
      + 'daily timeseries, top content). start and end (YYYY-MM-DD) bound the period.',
    run: async (client, input) => {
      const report = await client.analytics.overview(input.query as AnalyticsParams);
      return { summary: summarize.analytics(report, 'All campaigns'), data: report };
    },
  },
];
