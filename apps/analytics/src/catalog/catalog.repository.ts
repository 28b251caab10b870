import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '@influgentic/contracts';
import type { CampaignBilling } from './spend';

/** A campaign as analytics knows it. */
export interface KnownCampaign extends CampaignBilling {
  id: string;
  organization_id: string;
  agent_id: string;
  name: string | null;
  status: string | null;
  starts_at: Date | null;
}

/** The campaign facts every campaign event (and the campaigns service's context reply) carries. */
export interface CampaignFacts {
  id: string;
  organization_id: string;
  livemode: boolean;
  agent_id: string;
  name: string | null;
  status: string | null;
  starts_at: string | null;
  ends_at: string | null;
  budget_cents: number | null;
  spent_cents: number;
  per_item_cents: number;
  /** The campaign's own `updated_at`: an older snapshot never overwrites a newer one. */
  updated_at: string;
}

export interface ContentFacts {
  id: string;
  organization_id: string;
  livemode: boolean;
  campaign_id: string | null;
  agent_id: string | null;
  platform: string | null;
  language: string | null;
  status: string | null;
  generated_at?: string | null;
  published_at?: string | null;
}

const CAMPAIGN_COLUMNS = `id, organization_id, livemode, agent_id, name, status, starts_at, budget_cents::float8 AS budget_cents,
  spent_cents::float8 AS spent_cents, per_item_cents::float8 AS per_item_cents, generated_items`;

/** Campaigns and content items learned from the bus: every statement against them. */
@Injectable()
export class CatalogRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** Outside any caller's transaction (what a lookup learned is kept whatever happens next). */
  get manager(): EntityManager {
    return this.ds.manager;
  }

  /** The caller's campaigns among `ids` (another organization's or mode's are simply absent). */
  async campaigns(ctx: RequestContext, ids: readonly string[], m: EntityManager = this.ds.manager): Promise<Map<string, KnownCampaign>> {
    if (!ids.length) return new Map();
    const rows: KnownCampaign[] = await m.query(
      `SELECT ${CAMPAIGN_COLUMNS} FROM analytics.campaigns WHERE organization_id = $1 AND livemode = $2 AND id = ANY($3::text[])`,
      [ctx.organizationId, ctx.livemode, ids]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The caller's campaigns run by one agent (an agent report's spend). */
  async campaignsOfAgent(ctx: RequestContext, agentId: string): Promise<KnownCampaign[]> {
    return this.ds.query(`SELECT ${CAMPAIGN_COLUMNS} FROM analytics.campaigns WHERE organization_id = $1 AND livemode = $2 AND agent_id = $3`,
      [ctx.organizationId, ctx.livemode, agentId]);
  }

  /** Every campaign of the caller's organization and mode (the overview's spend). */
  async campaignsOfOrganization(ctx: RequestContext): Promise<KnownCampaign[]> {
    return this.ds.query(`SELECT ${CAMPAIGN_COLUMNS} FROM analytics.campaigns WHERE organization_id = $1 AND livemode = $2`,
      [ctx.organizationId, ctx.livemode]);
  }

  /**
   * Records what a campaign event (or the campaigns service) said. The newest snapshot wins; spend only grows, and
   * the count of generated items is analytics' own and never overwritten.
   */
  async upsertCampaign(m: EntityManager, c: CampaignFacts): Promise<void> {
    await m.query(
      `INSERT INTO analytics.campaigns AS c (id, organization_id, livemode, agent_id, name, status, starts_at, ends_at, budget_cents,
         spent_cents, per_item_cents, source_updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET
         name = CASE WHEN EXCLUDED.source_updated_at >= c.source_updated_at THEN EXCLUDED.name ELSE c.name END,
         status = CASE WHEN EXCLUDED.source_updated_at >= c.source_updated_at THEN EXCLUDED.status ELSE c.status END,
         starts_at = CASE WHEN EXCLUDED.source_updated_at >= c.source_updated_at THEN EXCLUDED.starts_at ELSE c.starts_at END,
         ends_at = CASE WHEN EXCLUDED.source_updated_at >= c.source_updated_at THEN EXCLUDED.ends_at ELSE c.ends_at END,
         budget_cents = CASE WHEN EXCLUDED.source_updated_at >= c.source_updated_at THEN EXCLUDED.budget_cents ELSE c.budget_cents END,
         spent_cents = GREATEST(c.spent_cents, EXCLUDED.spent_cents),
         per_item_cents = EXCLUDED.per_item_cents,
         source_updated_at = GREATEST(c.source_updated_at, EXCLUDED.source_updated_at)
       WHERE c.organization_id = EXCLUDED.organization_id AND c.livemode = EXCLUDED.livemode`,
      [c.id, c.organization_id, c.livemode, c.agent_id, c.name, c.status, c.starts_at, c.ends_at, c.budget_cents, c.spent_cents, c.per_item_cents, c.updated_at]);
  }

  /**
   * A generated content item: remembered (for language and platform defaults, top content) and counted against its
   * campaign's spend. The inbox makes this run once per event.
   */
  async recordGenerated(m: EntityManager, item: ContentFacts): Promise<void> {
    await this.upsertContent(m, item);
    if (item.campaign_id) {
      await m.query(`UPDATE analytics.campaigns SET generated_items = generated_items + 1 WHERE id = $1 AND organization_id = $2 AND livemode = $3`,
        [item.campaign_id, item.organization_id, item.livemode]);
    }
  }

  async upsertContent(m: EntityManager, item: ContentFacts): Promise<void> {
    await m.query(
      `INSERT INTO analytics.content_items AS i (id, organization_id, livemode, campaign_id, agent_id, platform, language, status, generated_at, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET
         campaign_id = COALESCE(EXCLUDED.campaign_id, i.campaign_id), agent_id = COALESCE(EXCLUDED.agent_id, i.agent_id),
         platform = COALESCE(EXCLUDED.platform, i.platform), language = COALESCE(EXCLUDED.language, i.language),
         status = COALESCE(EXCLUDED.status, i.status), generated_at = COALESCE(i.generated_at, EXCLUDED.generated_at),
         published_at = COALESCE(EXCLUDED.published_at, i.published_at)
       WHERE i.organization_id = EXCLUDED.organization_id AND i.livemode = EXCLUDED.livemode`,
      [item.id, item.organization_id, item.livemode, item.campaign_id, item.agent_id, item.platform, item.language, item.status,
        item.generated_at ?? null, item.published_at ?? null]);
  }

  /** Platform and language of the caller's content items among `ids`. */
  async contentHints(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, { platform: string | null; language: string | null }>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: string; platform: string | null; language: string | null }> = await this.ds.query(
      `SELECT id, platform, language FROM analytics.content_items WHERE organization_id = $1 AND livemode = $2 AND id = ANY($3::text[])`,
      [ctx.organizationId, ctx.livemode, ids]);
    return new Map(rows.map((r) => [r.id, { platform: r.platform, language: r.language }]));
  }
}
