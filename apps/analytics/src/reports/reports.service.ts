import { Injectable } from '@nestjs/common';
import { DomainError, type AnalyticsReport, type AnalyticsReportQuery, type RequestContext } from '@influgentic/contracts';
import { CampaignDirectory } from '../catalog/campaign-directory';
import { CatalogRepository, type KnownCampaign } from '../catalog/catalog.repository';
import { spendCents } from '../catalog/spend';
import type { RollupScope } from '../ingest/event-batch';
import { resolvePeriod } from './period';
import { reportFromGroups } from './report-builder';
import { ReportsRepository, type TopContentFilter } from './reports.repository';

const totalSpend = (campaigns: KnownCampaign[]) => campaigns.reduce((sum, c) => sum + spendCents(c), 0);

/** Campaign, agent and organization reports, read from the daily rollups (see report-builder for the arithmetic). */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly catalog: CatalogRepository,
    private readonly directory: CampaignDirectory,
  ) {}

  async campaign(ctx: RequestContext, campaign_id: string, query: AnalyticsReportQuery): Promise<AnalyticsReport> {
    const campaign = await this.findCampaign(ctx, campaign_id);
    if (ctx.agentId && campaign.agent_id !== ctx.agentId) throw new DomainError('forbidden', `Campaign ${campaign_id} is run by another agent than X-Influgentic-Agent`);
    const period = resolvePeriod(query, new Date(), campaign.starts_at);
    return { campaign_id, ...(await this.build(ctx, 'campaign', campaign_id, period, spendCents(campaign), { campaignId: campaign_id })) };
  }

  async agent(ctx: RequestContext, agent_id: string, query: AnalyticsReportQuery): Promise<AnalyticsReport> {
    if (ctx.agentId && agent_id !== ctx.agentId) throw new DomainError('forbidden', 'X-Influgentic-Agent narrows this request to another agent');
    // An agent the organization never ran a campaign with has no analytics here.
    const campaigns = await this.catalog.campaignsOfAgent(ctx, agent_id);
    if (!campaigns.length) throw DomainError.notFound('Agent analytics for', agent_id);
    const period = resolvePeriod(query, new Date());
    return { agent_id, ...(await this.build(ctx, 'agent', agent_id, period, totalSpend(campaigns), { agentId: agent_id })) };
  }

  /** The organization's whole picture; narrowed by X-Influgentic-Agent to that agent's campaigns. */
  async overview(ctx: RequestContext, query: AnalyticsReportQuery): Promise<AnalyticsReport> {
    const period = resolvePeriod(query, new Date());
    if (ctx.agentId) {
      const campaigns = await this.catalog.campaignsOfAgent(ctx, ctx.agentId);
      return { organization_id: ctx.organizationId, ...(await this.build(ctx, 'agent', ctx.agentId, period, totalSpend(campaigns), { agentId: ctx.agentId })) };
    }
    const campaigns = await this.catalog.campaignsOfOrganization(ctx);
    return { organization_id: ctx.organizationId, ...(await this.build(ctx, 'organization', ctx.organizationId, period, totalSpend(campaigns), {})) };
  }

  private async build(ctx: RequestContext, scope: RollupScope, scopeId: string, period: { start: string; end: string }, spend: number, top: TopContentFilter) {
    const [groups, content] = await Promise.all([
      this.reports.rollups(ctx, scope, scopeId, period.start, period.end),
      this.reports.topContent(ctx, top, period.start, period.end),
    ]);
    return { livemode: ctx.livemode, period, granularity: 'day' as const, ...reportFromGroups(groups, period, spend, content) };
  }

  /** The caller's campaign; one analytics has not heard of yet is asked of the campaigns service. */
  private async findCampaign(ctx: RequestContext, id: string): Promise<KnownCampaign> {
    const known = (await this.catalog.campaigns(ctx, [id])).get(id);
    if (known) return known;
    const facts = await this.directory.lookup(ctx, id);
    if (!facts || facts.organization_id !== ctx.organizationId || facts.livemode !== ctx.livemode) throw DomainError.notFound('Campaign', id);
    await this.catalog.upsertCampaign(this.catalog.manager, facts);
    const learned = (await this.catalog.campaigns(ctx, [id])).get(id);
    if (!learned) throw DomainError.notFound('Campaign', id);
    return learned;
  }
}
