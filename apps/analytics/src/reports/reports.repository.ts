import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@influgentic/contracts';
import type { RollupScope } from '../ingest/event-batch';
import type { Counters } from '../ingest/event-batch';
import type { ContentRow, RollupGroups } from './report-builder';

const COUNTERS = ['impressions', 'engagements', 'clicks', 'leads', 'conversions', 'revenue_cents'];

export interface TopContentFilter {
  campaignId?: string;
  agentId?: string;
}

/** What reports read: daily rollups only, never the raw events. */
@Injectable()
export class ReportsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /**
   * One scope's rollups over a period of days (inclusive), summed by day, by language and by platform in the database:
   * one index range scan, and a few hundred rows back instead of days × languages × platforms.
   */
  async rollups(ctx: RequestContext, scope: RollupScope, scopeId: string, start: string, end: string): Promise<RollupGroups> {
    const rows: Array<Counters & { grouped_by: 'day' | 'language' | 'platform'; day: string; language: string; platform: string }> = await this.ds.query(
      `SELECT CASE WHEN GROUPING(day) = 0 THEN 'day' WHEN GROUPING(language) = 0 THEN 'language' ELSE 'platform' END AS grouped_by,
              to_char(day, 'YYYY-MM-DD') AS day, language, platform, ${COUNTERS.map((c) => `sum(${c})::float8 AS ${c}`).join(', ')}
         FROM analytics.daily_rollups
        WHERE organization_id = $1 AND livemode = $2 AND scope = $3 AND scope_id = $4 AND day BETWEEN $5::date AND $6::date
        GROUP BY GROUPING SETS ((day), (language), (platform))`,
      [ctx.organizationId, ctx.livemode, scope, scopeId, start, end]);
    const groups: RollupGroups = { byDay: [], byLanguage: [], byPlatform: [] };
    for (const r of rows) {
      if (r.grouped_by === 'day') groups.byDay.push(r);
      else if (r.grouped_by === 'language') groups.byLanguage.push(r);
      else groups.byPlatform.push(r);
    }
    return groups;
  }

  /** The period's content items with the most impressions (then engagements). */
  topContent(ctx: RequestContext, filter: TopContentFilter, start: string, end: string, limit = 5): Promise<ContentRow[]> {
    const params: unknown[] = [ctx.organizationId, ctx.livemode, start, end, limit];
    let where = '';
    if (filter.campaignId) where += ` AND campaign_id = $${params.push(filter.campaignId)}`;
    if (filter.agentId) where += ` AND agent_id = $${params.push(filter.agentId)}`;
    return this.ds.query(
      `SELECT content_id, campaign_id, (array_agg(platform ORDER BY impressions DESC) FILTER (WHERE platform IS NOT NULL))[1] AS platform, ${COUNTERS.map((c) => `sum(${c})::float8 AS ${c}`).join(', ')}
         FROM analytics.content_daily
        WHERE organization_id = $1 AND livemode = $2 AND day BETWEEN $3::date AND $4::date${where}
        GROUP BY content_id, campaign_id
        ORDER BY sum(impressions) DESC, sum(engagements) DESC, content_id
        LIMIT $5`,
      params);
  }
}
