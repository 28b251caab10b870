import { Injectable } from '@nestjs/common';
import {
  DomainError, newId, type AgentPerformanceData, type FieldError, type IngestEventBody,
  type IngestResult, type LeadCapturedData, type MilestoneReachedData, type RequestContext,
} from '@influgentic/contracts';
import type { Commit } from '@influgentic/messaging';
import { CampaignDirectory } from '../catalog/campaign-directory';
import { CatalogRepository, type KnownCampaign } from '../catalog/catalog.repository';
import { monthOf, EventPartitions } from '../store/partitions';
import { enqueueBatch, type BatchEvent } from '../store/outbox-batch';
import {
  agentDeltas, campaignDeltas, contentDeltas, crossedMilestones, dedupeWithinBatch, normalizeEvent, rollupDeltas, type NormalizedEvent,
} from './event-batch';
import { validateIngestBatch } from './batch-validation';
import { IngestRepository, type NewMilestone } from './ingest.repository';

/** Campaigns of one batch analytics may ask the campaigns service about; more unknown ones are refused as unknown. */
export const MAX_CAMPAIGN_LOOKUPS = 100;
const LOOKUP_CONCURRENCY = 8;

/**
 * `POST /v1/events`: validates the whole batch (one bad event refuses it, naming its index), resolves its campaigns,
 * then stores the new events, their rollups, the campaigns' running totals, milestones and the events it emits in one
 * transaction — accepted means committed, and a repeated event id changes nothing.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly repo: IngestRepository,
    private readonly catalog: CatalogRepository,
    private readonly directory: CampaignDirectory,
    private readonly partitions: EventPartitions,
  ) {}

  /** `batch` is the request body as the client sent it: the gateway left its validation to this service. */
  async ingest(ctx: RequestContext, batch: Record<string, unknown>, commit: Commit = (write) => this.repo.transaction(write)): Promise<IngestResult> {
    const events = validateIngestBatch(batch);
    const campaigns = await this.resolveCampaigns(ctx, events);
    const hints = await this.catalog.contentHints(ctx, [...new Set(events.filter((e) => e.content_id && (!e.platform || !e.language)).map((e) => e.content_id!))]);
    const now = new Date();
    const normalized = events.map((e) => normalizeEvent(e, campaigns.get(e.campaign_id)!.agent_id, now, e.content_id ? hints.get(e.content_id) : undefined));
    const { unique } = dedupeWithinBatch(normalized);
    await this.partitions.ensure(unique.map((e) => monthOf(e.occurred_at)));

    return commit(async (m) => {
      const fresh = await this.repo.claimIds(m, ctx, unique.map((e) => e.id));
      const accepted = unique.filter((e) => fresh.has(e.id));
      if (accepted.length) {
        await this.repo.insertEvents(m, ctx, accepted);
        await this.repo.addToContent(m, ctx, contentDeltas(accepted));
        await this.repo.addToRollups(m, ctx, rollupDeltas(accepted, ctx.organizationId));
        const deltas = campaignDeltas(accepted);
        const totals = await this.repo.addToCampaignTotals(m, ctx, deltas);
        const crossed: NewMilestone[] = totals.flatMap((after) => {
          const d = deltas.find((x) => x.campaign_id === after.campaign_id)!;
          const before = { impressions: after.impressions - d.impressions, leads: after.leads - d.leads };
          return crossedMilestones(before, after).map((x) => ({ ...x, campaign_id: after.campaign_id, event_id: newId('event') }));
        });
        const milestones = await this.repo.recordMilestones(m, ctx, crossed);
        await enqueueBatch(m, ctx, this.outgoingEvents(ctx, accepted, milestones, campaigns));
      }
      return { accepted: accepted.length, duplicates: events.length - accepted.length };
    });
  }

  /** The caller's campaigns named by the batch; unknown ones are asked of the campaigns service, then refused. */
  private async resolveCampaigns(ctx: RequestContext, events: IngestEventBody[]): Promise<Map<string, KnownCampaign>> {
    const ids = [...new Set(events.map((e) => e.campaign_id))];
    const known = await this.catalog.campaigns(ctx, ids);
    const unknown = ids.filter((id) => !known.has(id)).slice(0, MAX_CAMPAIGN_LOOKUPS);
    for (let i = 0; i < unknown.length; i += LOOKUP_CONCURRENCY) {
      await Promise.all(unknown.slice(i, i + LOOKUP_CONCURRENCY).map(async (id) => {
        const facts = await this.directory.lookup(ctx, id);
        if (!facts || facts.organization_id !== ctx.organizationId || facts.livemode !== ctx.livemode) return;
        await this.catalog.upsertCampaign(this.catalog.manager, facts);
      }));
    }
    const resolved = unknown.length ? await this.catalog.campaigns(ctx, ids) : known;

    const errors: FieldError[] = [];
    events.forEach((e, i) => {
      const c = resolved.get(e.campaign_id);
      if (!c) errors.push({ field: `events[${i}].campaign_id`, code: 'not_found', message: 'names no campaign of this organization' });
      else if (e.agent_id !== undefined && e.agent_id !== c.agent_id) errors.push({ field: `events[${i}].agent_id`, code: 'mismatch', message: 'is not the agent running this campaign' });
    });
    if (errors.length) throw DomainError.validation(errors);
    if (ctx.agentId) {
      const foreign = [...resolved.values()].find((c) => c.agent_id !== ctx.agentId);
      if (foreign) throw new DomainError('forbidden', `Campaign ${foreign.id} is run by another agent than X-Influgentic-Agent`);
    }
    return resolved;
  }

  /** Milestones reached, each lead captured and, for live data, what each agent's record gained. */
  private outgoingEvents(ctx: RequestContext, accepted: NormalizedEvent[], milestones: NewMilestone[], campaigns: Map<string, KnownCampaign>): BatchEvent[] {
    const reachedAt = new Date().toISOString();
    const out: BatchEvent[] = milestones.map((x) => ({
      id: x.event_id, type: 'analytics.milestone_reached',
      data: {
        campaign_id: x.campaign_id, agent_id: campaigns.get(x.campaign_id)?.agent_id ?? null, metric: x.metric, threshold: x.threshold,
        value: x.value, reached_at: reachedAt,
      } satisfies MilestoneReachedData,
    }));
    for (const e of accepted) {
      if (e.type !== 'lead') continue;
      out.push({
        type: 'lead.captured',
        data: {
          event_id: e.id, campaign_id: e.campaign_id, agent_id: e.agent_id, content_id: e.content_id,
          platform: e.platform === 'unknown' ? null : e.platform, language: e.language === 'unknown' ? null : e.language,
          count: e.count, value_usd: e.value_cents / 100, occurred_at: e.occurred_at.toISOString(), metadata: e.metadata ?? {},
        } satisfies LeadCapturedData,
      });
    }
    // Sandbox results are rehearsals: they never move an agent's public record.
    if (ctx.livemode) {
      for (const d of agentDeltas(accepted)) out.push({ type: 'analytics.agent_performance', data: d satisfies AgentPerformanceData });
    }
    return out;
  }
}
