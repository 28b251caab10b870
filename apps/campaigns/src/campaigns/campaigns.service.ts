import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CampaignContextBody, DomainError, newId, UpdateCampaignBody, validateOrThrow, writableFields,
  type Campaign, type CampaignContext, type CreateCampaignBody, type ListCampaignsQuery, type Page, type RequestContext,
} from '@influgentic/contracts';
import { OutboxWriter, type Commit } from '@influgentic/messaging';
import { cursorKind, idKeysetPage } from '@influgentic/persistence';
import { AGENT_DIRECTORY, type AgentDirectory } from '../registry/agent-directory';
import { rateCentsFor, usdToCents } from '../spend/spend-rules';
import { checkAgentFit, checkAgentReady } from './agent-fit';
import { buildConfig, buildProduct, campaignWindow, configChanges, endFor } from './campaign-config';
import { CampaignEntity } from './campaign.entity';
import { applyTransition, isFinal, type CampaignAction, type Transition } from './campaign-state';
import { toCampaign, toContext, toEventData } from './campaign.view';
import { assertAgentScope, campaignNotFound } from './campaigns.errors';
import { CampaignsRepository, type CampaignFilter } from './campaigns.repository';
import { CAMPAIGN_PERFORMANCE, type PerformanceSource } from './performance';

/** How far ahead a campaign may be scheduled. */
const MAX_LEAD_DAYS = 366;

/** Columns a state change writes. */
function stateFields(c: CampaignEntity) {
  return { status: c.status, started_at: c.started_at, paused_at: c.paused_at, completed_at: c.completed_at, cancelled_at: c.cancelled_at, updated_at: c.updated_at };
}

function checkLeadTime(startsAt: string | null | undefined, now: Date): void {
  if (!startsAt) return;
  if (new Date(startsAt).getTime() - now.getTime() > MAX_LEAD_DAYS * 86_400_000) {
    throw DomainError.validation([{ field: 'config.starts_at', code: 'max', message: `must be within ${MAX_LEAD_DAYS} days from now` }]);
  }
}

@Injectable()
export class CampaignsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(AGENT_DIRECTORY) private readonly agents: AgentDirectory,
    @Inject(CAMPAIGN_PERFORMANCE) private readonly performance: PerformanceSource,
  ) {}

  /** `commit` runs the write's transaction; the handler passes one that records an Idempotency-Key's outcome in it. */
  async create(ctx: RequestContext, body: CreateCampaignBody, commit: Commit = (write) => this.campaigns.transaction(write)): Promise<Campaign> {
    assertAgentScope(ctx, body.agent_id);
    checkLeadTime(body.config?.starts_at, new Date());
    // The registry decides visibility: another organization's private agent is agent_not_found here too.
    const agent = await this.agents.resolve(ctx, body.agent_id);
    checkAgentFit(agent, body.type, body.config?.languages ?? undefined);
    checkAgentReady(agent);

    const now = new Date();
    const config = buildConfig(body.config, agent.languages);
    const window = campaignWindow(config.starts_at, config.duration_days, now);
    const campaign: CampaignEntity = {
      id: newId('campaign'), organization_id: ctx.organizationId, livemode: ctx.livemode, agent_id: agent.id, type: body.type,
      name: body.name.trim(), product: buildProduct(body.product), config, status: 'scheduled',
      budget_cents: body.budget_usd === undefined || body.budget_usd === null ? null : usdToCents(body.budget_usd),
      spent_cents: 0, held_cents: 0, rate_cents: rateCentsFor(agent.pricing),
      starts_at: window.starts_at, ends_at: window.ends_at, started_at: null, paused_at: null, completed_at: null, cancelled_at: null,
      created_at: now, updated_at: now,
    };
    return commit(async (m) => {
      const started = window.immediate ? applyTransition(campaign, 'start', now) : undefined;
      await this.campaigns.insert(m, campaign);
      await this.emit(m, 'campaign.created', campaign, ctx);
      if (started) await this.emit(m, started.event, campaign, ctx);
      return toCampaign(campaign);
    });
  }

  async list(ctx: RequestContext, query: ListCampaignsQuery): Promise<Page<Campaign>> {
    const limit = query.limit ?? 20;
    // Narrowed to one agent: asking for another agent's campaigns finds none.
    if (ctx.agentId && query.agent_id && query.agent_id !== ctx.agentId) return { data: [], meta: { total: 0, limit, next_cursor: null } };
    const filter: CampaignFilter = { status: query.status, agent_id: ctx.agentId ?? query.agent_id };
    // The cursor remembers its filter and the total, so later pages cost one indexed query.
    const kind = cursorKind('campaigns', filter);
    const page = await idKeysetPage({
      kind, cursor: query.cursor, limit,
      page: (after) => this.campaigns.page(ctx, filter, limit, after),
      count: () => this.campaigns.count(ctx, filter),
    });
    const perf = await this.performance.summaries(ctx, page.rows.map((c) => c.id));
    return {
      data: page.rows.map((c) => toCampaign(c, perf.get(c.id))),
      meta: { total: page.total, limit, next_cursor: page.nextCursor },
    };
  }

  async get(ctx: RequestContext, id: string): Promise<Campaign> {
    const campaign = await this.campaigns.findOwned(ctx, id);
    if (!campaign) throw campaignNotFound(id);
    assertAgentScope(ctx, campaign.agent_id);
    return this.withPerformance(ctx, campaign);
  }

  /** Internal, for the content service: the campaign and what billing it needs. */
  async context(ctx: RequestContext, rawBody: unknown): Promise<CampaignContext> {
    const { campaign_id } = validateOrThrow(CampaignContextBody, rawBody);
    const campaign = await this.campaigns.findOwned(ctx, campaign_id);
    if (!campaign) throw campaignNotFound(campaign_id);
    assertAgentScope(ctx, campaign.agent_id);
    return toContext(campaign, new Date());
  }

  /**
   * Merge-patch of name, config and budget. What a GET returned may be sent back: unchanged values (read-only ones
   * included) are no-ops, so only a real change is held against the campaign's state.
   */
  async update(ctx: RequestContext, id: string, body: UpdateCampaignBody): Promise<Campaign> {
    const current = await this.campaigns.findOwned(ctx, id);
    if (!current) throw campaignNotFound(id);
    assertAgentScope(ctx, current.agent_id);
    const patch = writableFields(UpdateCampaignBody, body, toCampaign(current) as unknown as Record<string, unknown>);
    const asked = patch.config ? configChanges(patch.config, current.config) : {};
    checkLeadTime(asked.starts_at, new Date());
    // Languages are the agent's to cover: ask the registry before taking the row lock, and only about a new list.
    let agentLanguages = current.config.languages;
    if ('languages' in asked) {
      const agent = await this.agents.resolve(ctx, current.agent_id);
      checkAgentFit(agent, undefined, asked.languages ?? undefined);
      agentLanguages = agent.languages;
    }

    const updated = await this.campaigns.transaction(async (m) => {
      const c = await this.campaigns.findOwned(ctx, id, m, true);
      if (!c) throw campaignNotFound(id);
      // Against the locked row: another PATCH may have landed since the first read.
      const config = patch.config ? configChanges(patch.config, c.config) : {};
      const name = patch.name !== undefined && patch.name.trim() !== c.name ? patch.name.trim() : undefined;
      const budget = patch.budget_usd === undefined ? undefined : patch.budget_usd === null ? null : usdToCents(patch.budget_usd);
      const budgetChanges = budget !== undefined && budget !== c.budget_cents;
      if (name === undefined && !budgetChanges && !Object.keys(config).length) return c;
      if (isFinal(c.status)) {
        throw new DomainError('invalid_state', `Campaign ${id} is ${c.status} and can no longer be changed`, undefined, `current status: ${c.status}`);
      }
      if ('languages' in config && !('languages' in asked)) {
        // The stored list moved since the first read, and the agent was not asked about the one sent.
        throw new DomainError('conflict', `Campaign ${id} changed while this request was applied; read it again and retry`);
      }
      const now = new Date();
      let started: Transition | undefined;
      if (name !== undefined) c.name = name;
      if (Object.keys(config).length) {
        const next = buildConfig(config, agentLanguages, c.config);
        if ('starts_at' in config) {
          if (c.status !== 'scheduled') {
            throw new DomainError('invalid_state', `Campaign ${id} is ${c.status}; starts_at can only change before it starts`, undefined, `current status: ${c.status}`);
          }
          const window = campaignWindow(next.starts_at, next.duration_days, now);
          c.starts_at = window.starts_at;
          c.ends_at = window.ends_at;
          if (window.immediate) started = applyTransition(c, 'start', now);
        } else if ('duration_days' in config) {
          // A new duration moves the end; a running campaign shortened into the past is completed by the scheduler.
          c.ends_at = endFor(c.starts_at, next.duration_days);
        }
        c.config = next;
      }
      if (budgetChanges) {
        const committed = c.spent_cents + c.held_cents;
        if (budget !== null && budget < committed) {
          throw DomainError.validation([{ field: 'budget_usd', code: 'min', message: `must be at least ${(committed / 100).toFixed(2)} (already spent or reserved)` }]);
        }
        c.budget_cents = budget;
      }
      c.updated_at = now;
      await this.campaigns.update(m, id, {
        name: c.name, config: c.config, budget_cents: c.budget_cents, starts_at: c.starts_at, ends_at: c.ends_at, ...stateFields(c),
      });
      if (started) await this.emit(m, started.event, c, ctx);
      return c;
    });
    return this.withPerformance(ctx, updated);
  }

  pause(ctx: RequestContext, id: string, commit?: Commit): Promise<Campaign> {
    return this.act(ctx, id, 'pause', commit);
  }

  resume(ctx: RequestContext, id: string, commit?: Commit): Promise<Campaign> {
    return this.act(ctx, id, 'resume', commit);
  }

  /** Cancelling also releases every open hold: billing stops at once, a late settle is refused. */
  cancel(ctx: RequestContext, id: string, commit?: Commit): Promise<Campaign> {
    return this.act(ctx, id, 'cancel', commit);
  }

  /** DELETE: a cancel whose repeat answers the cancelled campaign, as a repeated DELETE should. */
  remove(ctx: RequestContext, id: string, commit?: Commit): Promise<Campaign> {
    return this.act(ctx, id, 'cancel', commit, true);
  }

  /** The answer is made inside the transaction, so an Idempotency-Key's replay is the very answer the first one got. */
  private async act(
    ctx: RequestContext, id: string, action: CampaignAction, commit: Commit = (write) => this.campaigns.transaction(write), repeatable = false,
  ): Promise<Campaign> {
    const perf = await this.performance.summaries(ctx, [id]);
    return commit(async (m) => {
      const c = await this.campaigns.findOwned(ctx, id, m, true);
      if (!c) throw campaignNotFound(id);
      assertAgentScope(ctx, c.agent_id);
      if (repeatable && c.status === 'cancelled') return toCampaign(c, perf.get(c.id));
      const t = applyTransition(c, action, new Date());
      await this.campaigns.update(m, id, stateFields(c));
      if (action === 'cancel') c.held_cents -= (await this.campaigns.releaseHolds(m, id, 'campaign_cancelled')).cents;
      await this.emit(m, t.event, c, ctx);
      return toCampaign(c, perf.get(c.id));
    });
  }

  private async withPerformance(ctx: RequestContext, c: CampaignEntity): Promise<Campaign> {
    const perf = await this.performance.summaries(ctx, [c.id]);
    return toCampaign(c, perf.get(c.id));
  }

  private async emit(m: EntityManager, type: Transition['event'], c: CampaignEntity, ctx: RequestContext): Promise<void> {
    await this.outbox.enqueue(m, { type, organizationId: c.organization_id, livemode: c.livemode, data: toEventData(c) }, ctx);
  }
}
