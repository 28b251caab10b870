import { Injectable } from '@nestjs/common';
import type { CampaignPerformance, RequestContext } from '@influgentic/contracts';

/**
 * Where a campaign's performance summary comes from. The analytics service owns the numbers; until it answers over
 * NATS this reports zeros. Swap the provider bound to CAMPAIGN_PERFORMANCE for one that asks analytics (one batched
 * request per list page) and nothing else in the service changes.
 */
export interface PerformanceSource {
  summaries(ctx: RequestContext, campaignIds: readonly string[]): Promise<Map<string, CampaignPerformance>>;
}

export const CAMPAIGN_PERFORMANCE = Symbol('CAMPAIGN_PERFORMANCE');

export const ZERO_PERFORMANCE: Readonly<CampaignPerformance> = Object.freeze({ impressions: 0, engagements: 0, leads: 0, conversions: 0 });

@Injectable()
export class ZeroPerformanceSource implements PerformanceSource {
  async summaries(_ctx: RequestContext, campaignIds: readonly string[]): Promise<Map<string, CampaignPerformance>> {
    return new Map(campaignIds.map((id) => [id, { ...ZERO_PERFORMANCE }]));
  }
}
