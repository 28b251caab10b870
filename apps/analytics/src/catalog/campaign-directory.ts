import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CampaignSubjects, DomainError, type CampaignContext, type RequestContext } from '@influgentic/contracts';
import { BusClient } from '@influgentic/messaging';
import type { CampaignFacts } from './catalog.repository';
import { usdToCents } from './spend';

const CALL_TIMEOUT_MS = () => Number(process.env.ANALYTICS_UPSTREAM_TIMEOUT_MS ?? 2000);

/** The facts analytics keeps from a campaign as the campaigns service shows it (events and the context reply alike). */
export function campaignFacts(c: Omit<CampaignContext, 'organization_id' | 'rate_cents' | 'remaining_cents' | 'accepting_spend' | 'performance'>, organizationId: string): CampaignFacts {
  return {
    id: c.id, organization_id: organizationId, livemode: c.livemode, agent_id: c.agent_id, name: c.name ?? null, status: c.status ?? null,
    starts_at: c.starts_at ?? null, ends_at: c.ends_at ?? null, budget_cents: usdToCents(c.budget_usd),
    spent_cents: usdToCents(c.spent_usd) ?? 0, per_item_cents: usdToCents(c.per_item_usd) ?? 0, updated_at: c.updated_at,
  };
}

/**
 * Asks the campaigns service about a campaign analytics has not heard of yet (its events may still be on the way).
 * Visibility is the campaigns service's: another organization's or mode's campaign is not found.
 */
@Injectable()
export class CampaignDirectory implements OnModuleInit, OnApplicationShutdown {
  private readonly bus = new BusClient('influgentic-analytics-client');

  async onModuleInit(): Promise<void> {
    await this.bus.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close().catch(() => undefined);
  }

  /** The campaign, or null when the caller has none with this id. */
  async lookup(ctx: RequestContext, campaignId: string): Promise<CampaignFacts | null> {
    try {
      // Without the agent narrowing: the caller's own check of the campaign's agent comes after, as a 403.
      const c = await this.bus.request<CampaignContext>(CampaignSubjects.context, { campaign_id: campaignId }, { ...ctx, agentId: undefined }, CALL_TIMEOUT_MS());
      return campaignFacts(c, c.organization_id);
    } catch (err) {
      if (err instanceof DomainError && (err.code === 'not_found' || err.code === 'validation_error')) return null;
      throw err;
    }
  }
}
