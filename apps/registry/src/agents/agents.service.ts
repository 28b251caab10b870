import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError, newId, sameJson, UpdateAgentBody, writableFields, type CreateAgentBody, type ListAgentsQuery, type AgentDetail, type AgentSort, type ResolvedAgent, type AgentSummary, type Page, type RequestContext,
} from '@influgentic/contracts';
import { JsonText, OutboxWriter, type Commit } from '@influgentic/messaging';
import { cursorKind, cursorValuesOrThrow, encodeCursor } from '@influgentic/persistence';
import { AgentEntity } from './agent.entity';
import { AgentsRepository, SORT_COLUMNS, type AgentFilter } from './agents.repository';

const TRAINING_DELAY_MS = () => Number(process.env.REGISTRY_TRAINING_DELAY_MS ?? 1500);
const publicBaseUrl = () => (process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');

const iso = (d: Date | string) => new Date(d).toISOString();

export function toSummary(a: Pick<AgentEntity, keyof AgentSummary>): AgentSummary {
  return {
    id: a.id, name: a.name, category: a.category, subcategories: a.subcategories, use_cases: a.use_cases,
    languages: a.languages, reach: Number(a.reach), engagement_rate: a.engagement_rate, total_campaigns: a.total_campaigns,
    rating: Math.round(a.rating * 100) / 100, tier: a.tier, status: a.status, created_at: iso(a.created_at),
  };
}

export function toDetail(a: AgentEntity, ctx: RequestContext): AgentDetail {
  const own = a.organization_id !== null && a.organization_id === ctx.organizationId;
  const caps = a.capabilities as { content_types?: string[]; tone_modes?: string[]; real_time_streaming?: boolean };
  const perf = a.performance ?? {};
  const pricing = a.pricing as { model?: string; base_rate_usd?: number; per_item_usd?: number; included_in_plans?: string[] };
  return {
    ...toSummary(a),
    headline: a.headline,
    ...(own ? { persona_prompt: a.persona_prompt ?? '' } : {}),
    expertise_domains: a.expertise_domains,
    target_audience: a.target_audience,
    visibility: a.visibility,
    organization_id: a.organization_id,
    livemode: a.livemode,
    timezone: a.timezone ?? null,
    capabilities: {
      content_types: caps.content_types ?? [], languages: a.languages.length,
      tone_modes: caps.tone_modes ?? a.tone_modes, real_time_streaming: caps.real_time_streaming ?? true,
    },
    performance: {
      avg_engagement_rate: perf.avg_engagement_rate ?? a.engagement_rate, total_reach: perf.total_reach ?? Number(a.reach),
      campaigns_completed: perf.campaigns_completed ?? 0, avg_conversion_rate: perf.avg_conversion_rate ?? 0,
    },
    pricing: {
      model: pricing.model ?? 'per_campaign', base_rate_usd: pricing.base_rate_usd ?? 0,
      per_item_usd: pricing.per_item_usd ?? 0, included_in_plans: pricing.included_in_plans ?? [],
    },
    style_profile: own || a.organization_id === null ? a.style_profile : null,
    failure_reason: a.failure_reason,
    updated_at: iso(a.updated_at),
  };
}

function slug(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 24) || 'agent';
}

/** Fields whose change means the persona must be trained again. */
const RETRAIN_FIELDS: (keyof UpdateAgentBody)[] = ['persona_prompt', 'category', 'expertise_domains', 'tone_modes', 'languages', 'use_cases', 'target_audience', 'name'];

@Injectable()
export class AgentsService {
  constructor(
    private readonly agents: AgentsRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  /** A page of AgentSummary (Page<AgentSummary> as JSON text: the rows come written by Postgres). */
  async list(ctx: RequestContext, query: ListAgentsQuery): Promise<JsonText> {
    const sort: AgentSort = query.sort ?? 'reach';
    const limit = query.limit ?? 20;
    const filter: AgentFilter = {
      q: query.q?.trim() || undefined, category: query.category, use_case: query.use_case, language: query.language,
      min_reach: query.min_reach, tier: query.tier, visibility: query.visibility, agent_id: ctx.agentId,
    };
    // The cursor remembers (a hash of) the filter it belongs to and the total, so later pages cost one indexed query.
    const kind = cursorKind(`agents:${sort}`, filter);
    let after: [unknown, string] | undefined;
    let total: number | undefined;
    if (query.cursor) {
      const decoded = cursorValuesOrThrow(kind, query.cursor, [SORT_COLUMNS[sort].cursor, 'string', 'count'], 'is not a cursor of this list (filters and sort must stay the same)');
      after = [decoded[0], String(decoded[1])];
      total = Number(decoded[2]);
    }
    const [rows, counted] = await Promise.all([
      this.agents.page(ctx, filter, sort, limit, after),
      total === undefined ? this.agents.count(ctx, filter) : Promise.resolve(total),
    ]);
    const data = rows.slice(0, limit);
    const last = data[data.length - 1];
    const next = rows.length > limit && last ? encodeCursor(kind, [last.sort_value, last.id, counted]) : null;
    const meta: Page<AgentSummary>['meta'] = { total: counted, limit, next_cursor: next };
    return new JsonText(`{"data":[${data.map((r) => r.doc).join(',')}],"meta":${JSON.stringify(meta)}}`);
  }

  async get(ctx: RequestContext, id: string): Promise<AgentDetail> {
    const agent = await this.agents.findVisible(ctx, id);
    if (!agent) throw DomainError.notFound('Agent', id);
    if (ctx.agentId && ctx.agentId !== id) throw new DomainError('forbidden', `This request is narrowed to agent ${ctx.agentId}`);
    return toDetail(agent, ctx);
  }

  /** For other services: the full agent, persona included, under the caller's visibility rules. */
  async resolve(ctx: RequestContext, id: string): Promise<ResolvedAgent> {
    const agent = await this.agents.findVisible(ctx, id);
    if (!agent) throw new DomainError('agent_not_found', `Agent ${id} does not exist or is not visible to this organization`, [{ field: 'agent_id', code: 'not_found', message: 'no such agent' }]);
    return { ...toDetail(agent, ctx), persona_prompt: agent.persona_prompt };
  }

  /** `commit` runs the insert's transaction; the handler passes one that records an Idempotency-Key's outcome in it. */
  async create(ctx: RequestContext, body: CreateAgentBody, commit: Commit = (write) => this.agents.transaction(write)) {
    const now = new Date();
    const readyAt = new Date(now.getTime() + TRAINING_DELAY_MS());
    const id = `agent_${slug(body.name)}_${newId('agent').slice('agent_'.length)}`;
    const agent: Partial<AgentEntity> = {
      id, organization_id: ctx.organizationId, livemode: ctx.livemode, name: body.name.trim(), category: body.category,
      subcategories: [], use_cases: body.use_cases ?? [], languages: body.languages?.length ? body.languages : ['en'],
      reach: 0, engagement_rate: 0, total_campaigns: 0, rating: 0, tier: 'emerging', status: 'training', headline: '',
      persona_prompt: body.persona_prompt, expertise_domains: body.expertise_domains ?? [], target_audience: body.target_audience ?? null,
      tone_modes: body.tone_modes ?? [], visibility: body.visibility ?? 'private', timezone: body.timezone ?? null, capabilities: {},
      performance: { avg_engagement_rate: 0, total_reach: 0, campaigns_completed: 0, avg_conversion_rate: 0 },
      pricing: { model: 'per_post', base_rate_usd: 0, per_item_usd: 0, included_in_plans: ['starter', 'growth', 'enterprise'] },
      style_profile: null, keywords: [], failure_reason: null, train_after: readyAt, created_at: now, updated_at: now, deleted_at: null,
    };
    const answer = {
      id, name: agent.name as string, status: 'training' as const, estimated_ready_at: readyAt.toISOString(),
      dashboard_url: `${publicBaseUrl()}/docs#/agents`, api_endpoint: `${publicBaseUrl()}/v1/agents/${id}`,
    };
    try {
      return await commit(async (m) => {
        await this.agents.insert(agent, m);
        return answer;
      });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') {
        throw new DomainError('conflict', `An agent named "${body.name}" already exists in this organization`, [{ field: 'name', code: 'unique', message: 'is already used by another agent' }]);
      }
      throw err;
    }
  }

  /**
   * Merge-patch of an own agent. What a GET returned may be sent back: values equal to the current ones (read-only
   * ones included) change nothing, and only a real change to the persona's fields sends it back to training.
   */
  async update(ctx: RequestContext, id: string, body: UpdateAgentBody): Promise<AgentDetail> {
    const result = await this.agents.transaction(async (m) => {
      const agent = await this.ownedOrRefuse(ctx, id, m);
      const patch = writableFields(UpdateAgentBody, body, toDetail(agent, ctx) as unknown as Record<string, unknown>);
      const changes = Object.entries(patch).filter(([key, value]) => !sameJson(value, (agent as unknown as Record<string, unknown>)[key]));
      if (!changes.length) return agent;
      const retrain = changes.some(([key]) => (RETRAIN_FIELDS as string[]).includes(key));
      Object.assign(agent, Object.fromEntries(changes));
      agent.updated_at = new Date();
      if (retrain) {
        agent.status = 'training';
        agent.failure_reason = null;
        agent.train_after = new Date(Date.now() + TRAINING_DELAY_MS());
      }
      try {
        await this.agents.save(agent, m);
      } catch (err) {
        if ((err as { code?: string }).code === '23505') throw new DomainError('conflict', 'Another agent already has that name', [{ field: 'name', code: 'unique', message: 'is already used by another agent' }]);
        throw err;
      }
      await this.outbox.enqueue(m, { type: 'agent.updated', organizationId: ctx.organizationId, livemode: ctx.livemode, data: { agent_id: id, retraining: retrain } }, ctx);
      return agent;
    });
    return toDetail(result, ctx);
  }

  async remove(ctx: RequestContext, id: string): Promise<{ id: string; deleted: true }> {
    if (!(ctx.agentId && ctx.agentId !== id) && await this.agents.wasDeletedByOwner(ctx, id)) return { id, deleted: true };
    await this.agents.transaction(async (m) => {
      const agent = await this.ownedOrRefuse(ctx, id, m);
      agent.deleted_at = new Date();
      agent.updated_at = agent.deleted_at;
      await this.agents.save(agent, m);
      await this.outbox.enqueue(m, { type: 'agent.deleted', organizationId: ctx.organizationId, livemode: ctx.livemode, data: { agent_id: id } }, ctx);
    });
    return { id, deleted: true };
  }

  /** The caller's own agent, locked; a visible agent owned by someone else is 403, an invisible one 404. */
  private async ownedOrRefuse(ctx: RequestContext, id: string, m: Parameters<AgentsRepository['findOwned']>[2]) {
    if (ctx.agentId && ctx.agentId !== id) throw new DomainError('forbidden', `This request is narrowed to agent ${ctx.agentId}`);
    const agent = await this.agents.findOwned(ctx, id, m, true);
    if (agent) return agent;
    if (await this.agents.findVisible(ctx, id)) throw new DomainError('forbidden', 'Only the owning organization can change this agent');
    throw DomainError.notFound('Agent', id);
  }
}

