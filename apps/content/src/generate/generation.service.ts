import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { Logger } from 'pino';
import {
  AgentContentParams, CampaignIdParams, CampaignStreamBody, DomainError, GenerateContentBody, isFormatAllowed, newId,
  StreamSessionFields, validateOrThrow, type CampaignContext, type CampaignType, type ContentFormat, type ContentItem,
  type ContentLength, type ContentType, type Platform, type RequestContext, type ResolvedAgent, type RpcRequest,
  type SpendReservation, type StreamStartReply,
} from '@influgentic/contracts';
import { NATS_CONNECTION, OutboxWriter, SERVICE_LOGGER, type IdempotentRun } from '@influgentic/messaging';
import {
  buildGenerationRequest, GenerationError, platformViolations, TEMPLATE_LANGUAGES, TEMPLATE_MODEL,
  type GenerationProduct, type GenerationRequest, type TextGenerator,
} from '../generation';
import type { ContentItemEntity } from '../items/content-item.entity';
import { toContentItem } from '../items/content-item.view';
import { ContentRepository } from '../items/content.repository';
import { LiveBody } from '../streaming/live-body';
import { StreamSession } from '../streaming/stream-session';
import { assertAgentScope, describeFailure, failureError } from './generation.errors';
import { GeneratorProvider } from './generators';
import { PlatformClients } from './platform-clients';
import { SpendHolds } from './spend-holds';

/** The content type a campaign's pieces are written as. */
export const CAMPAIGN_CONTENT_TYPE: Record<CampaignType, ContentType> = {
  product_launch: 'product_launch', brand_launch: 'product_launch', product_review: 'product_review', review: 'product_review',
  lead_gen: 'lead_magnet', testimonial: 'testimonial', trivia: 'trivia', collab_content: 'collab_content',
};

/** One piece to write, whichever endpoint asked for it. */
interface PieceSpec {
  agentId: string;
  campaignId: string | null;
  /** Already resolved (campaign stream) or to be resolved (campaign_id in the body). */
  campaign?: CampaignContext | null;
  content_type: ContentType;
  format: ContentFormat;
  length: ContentLength;
  language?: string | null;
  include_cta: boolean;
  platform?: Platform | null;
  tone?: string | null;
  product?: GenerationProduct;
}

/** Everything settled before the first word: checks passed, spend held, the item exists as `generating`. */
interface Prepared {
  ctx: RequestContext;
  startedAt: number;
  row: ContentItemEntity;
  agent: ResolvedAgent;
  campaign: CampaignContext | null;
  request: GenerationRequest;
  generator: TextGenerator;
  reservation: SpendReservation | null;
}

const field = (name: string, code: string, message: string) => [{ field: name, code, message }];

/**
 * The generation use case: validates the brief against the agent (status, languages) and the campaign (product,
 * tone, languages, compliance mode, budget), holds the spend, writes the piece through the configured generator with
 * compliance and the platform fit applied, stores it and emits `agent.content_generated` — either as one answer or
 * as a live session whose chunks, concatenated, are the stored body.
 */
@Injectable()
export class GenerationService implements BeforeApplicationShutdown {
  private readonly running = new Map<string, { abort: AbortController; done: Promise<unknown> }>();

  constructor(
    private readonly items: ContentRepository,
    private readonly clients: PlatformClients,
    private readonly generators: GeneratorProvider,
    private readonly holds: SpendHolds,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
  ) {}

  /** `POST /v1/agents/{agent_id}/content` answered as JSON: the stored item. */
  async generate(ctx: RequestContext, req: RpcRequest, keyed?: IdempotentRun): Promise<ContentItem> {
    const prepared = await this.prepare(ctx, this.agentPiece(req), null, keyed);
    return this.execute(prepared, null);
  }

  /**
   * The answer for an Idempotency-Key whose earlier attempt made item `id`: the item once it is written; undefined
   * when that attempt did not finish, so the retry writes it (again under `id` when no row exists, so the spend hold
   * of that attempt, keyed by the item, is found rather than doubled). The caller holds the key's lock, so a row still
   * `generating` lost its worker: it fails here and its hold goes back to the budget.
   */
  async resolveKeyed(ctx: RequestContext, id: string): Promise<ContentItem | undefined> {
    const row = await this.items.findForCaller(ctx, id);
    if (!row || row.status === 'failed') return undefined;
    if (row.status === 'generating') {
      const reason = 'abandoned: the generation stopped without finishing';
      const failed = await this.items.fail(row.id, reason);
      if (failed?.reservation_state === 'held' && failed.reservation_id) {
        await this.holds.close(ctx, { id: failed.id, reservation_id: failed.reservation_id }, 'released', reason);
      }
      return undefined;
    }
    return toContentItem(row);
  }

  /** The same request as a live session on `session_id`; answers as soon as the piece is accepted. */
  async startStream(ctx: RequestContext, req: RpcRequest & { session_id?: unknown }): Promise<StreamStartReply> {
    const { session_id } = validateOrThrow(StreamSessionFields, { session_id: req.session_id });
    return this.startSession(ctx, session_id, this.agentPiece(req));
  }

  /** `POST /v1/campaigns/{id}/stream`: the campaign's next piece, live. */
  async startCampaignStream(ctx: RequestContext, req: RpcRequest & { session_id?: unknown }): Promise<StreamStartReply> {
    const { session_id } = validateOrThrow(StreamSessionFields, { session_id: req.session_id });
    const { id } = validateOrThrow(CampaignIdParams, req.params);
    const body = validateOrThrow(CampaignStreamBody, req.body ?? {});
    const campaign = await this.clients.campaign(ctx, id);
    const content_type = body.content_type ?? CAMPAIGN_CONTENT_TYPE[campaign.type] ?? 'product_launch';
    if (body.format && !isFormatAllowed(content_type, body.format)) {
      throw DomainError.validation(field('format', 'format_not_allowed', `${body.format} is not a format of ${content_type}`));
    }
    const formats = campaign.config.output_formats.filter((f) => isFormatAllowed(content_type, f));
    const rotation = formats.length ? formats : (['social_post'] as ContentFormat[]);
    // Languages the configured writer cannot handle are skipped, or the rotation would stop on them for good.
    const { generator } = await this.generators.forAgent(ctx.organizationId, ctx.livemode, campaign.agent_id);
    const all = campaign.config.languages ?? [];
    const writable = generator.model === TEMPLATE_MODEL ? all.filter((l) => TEMPLATE_LANGUAGES.includes(l)) : all;
    const languages = writable.length ? writable : all;
    // The next piece: formats in turn, then the next language, so a campaign covers every format in every language.
    const n = body.format && body.language ? 0 : await this.items.countForCampaign(ctx, campaign.id);
    return this.startSession(ctx, session_id, {
      agentId: campaign.agent_id, campaignId: campaign.id, campaign, content_type,
      format: body.format ?? rotation[n % rotation.length],
      language: body.language ?? (languages.length ? languages[Math.floor(n / rotation.length) % languages.length] : null),
      length: body.length ?? 'medium', include_cta: body.include_cta ?? true, platform: body.platform, tone: body.tone,
    });
  }

  async get(ctx: RequestContext, id: string): Promise<ContentItem> {
    const row = await this.items.findForCaller(ctx, id);
    if (!row) throw DomainError.notFound('Content item', id);
    assertAgentScope(ctx, row.agent_id);
    return toContentItem(row);
  }

  /** Stops every live generation (the gateway hears an error, holds are released) before the connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    const restarting = new DomainError('service_unavailable', 'The content service is restarting; retry the request');
    for (const run of this.running.values()) run.abort.abort(restarting);
    await Promise.race([
      Promise.allSettled([...this.running.values()].map((r) => r.done)),
      new Promise((r) => setTimeout(r, 5000).unref()),
    ]);
  }

  // -------------------------------------------------------------------------------------------------------------

  private agentPiece(req: RpcRequest): PieceSpec {
    const { agent_id } = validateOrThrow(AgentContentParams, req.params);
    const body = validateOrThrow(GenerateContentBody, req.body);
    return {
      agentId: agent_id, campaignId: body.campaign_id ?? null, content_type: body.content_type, format: body.format,
      length: body.length, language: body.language, include_cta: body.include_cta, platform: body.platform, tone: body.tone,
      product: body.product ? { ...body.product } : undefined,
    };
  }

  private async startSession(ctx: RequestContext, sessionId: string, spec: PieceSpec): Promise<StreamStartReply> {
    const prepared = await this.prepare(ctx, spec, sessionId);
    const abort = new AbortController();
    let session: StreamSession;
    try {
      session = await StreamSession.open(this.nc, sessionId, (reason) => abort.abort(new GenerationError('aborted', reason)));
    } catch (err) {
      await this.abandon(prepared, err);
      throw err;
    }
    void this.execute(prepared, session, abort).catch(() => undefined);
    return {
      session_id: sessionId, content_id: prepared.row.id, agent_id: prepared.agent.id, agent: prepared.agent.name,
      model: prepared.generator.model,
    };
  }

  /** Every check that can refuse the request, then the spend hold and the `generating` row. */
  private async prepare(ctx: RequestContext, spec: PieceSpec, sessionId: string | null = null, keyed?: IdempotentRun): Promise<Prepared> {
    const startedAt = performance.now();
    if (ctx.agentId && ctx.agentId !== spec.agentId) {
      throw new DomainError('forbidden', `This request is narrowed to agent ${ctx.agentId}`);
    }
    const [agent, campaign] = await Promise.all([
      this.clients.agent(ctx, spec.agentId),
      spec.campaign !== undefined ? Promise.resolve(spec.campaign) : spec.campaignId ? this.clients.campaign(ctx, spec.campaignId) : Promise.resolve(null),
    ]);
    if (campaign && campaign.agent_id !== agent.id) {
      throw DomainError.validation(field('campaign_id', 'agent_mismatch', `belongs to agent ${campaign.agent_id}, not ${agent.id}`));
    }
    if (agent.status === 'training') {
      throw new DomainError('agent_not_ready', `Agent ${agent.id} is still training; it can write once its status is ready`);
    }
    if (agent.status === 'failed') {
      throw new DomainError('agent_not_ready', `Agent ${agent.id} failed training${agent.failure_reason ? ` (${agent.failure_reason})` : ''}; update its persona to train it again`);
    }

    const campaignLanguages = campaign?.config.languages ?? [];
    const language = spec.language ?? campaignLanguages.find((l) => agent.languages.includes(l)) ?? agent.languages[0] ?? 'en';
    if (!agent.languages.includes(language)) {
      throw new DomainError('unsupported_language', `${agent.name} does not write in ${language}`,
        field('language', 'unsupported', `must be one of the agent's languages: ${agent.languages.join(', ')}`));
    }
    if (campaignLanguages.length && !campaignLanguages.includes(language)) {
      throw new DomainError('unsupported_language', `Campaign ${campaign!.id} runs in ${campaignLanguages.join(', ')}, not ${language}`,
        field('language', 'unsupported', `must be one of the campaign's languages: ${campaignLanguages.join(', ')}`));
    }

    let selected: Awaited<ReturnType<GeneratorProvider['forAgent']>>;
    try {
      selected = await this.generators.forAgent(ctx.organizationId, ctx.livemode, agent.id);
    } catch (err) {
      throw failureError(describeFailure(err));
    }
    if (selected.generator.model === TEMPLATE_MODEL && !TEMPLATE_LANGUAGES.includes(language)) {
      throw new DomainError('unsupported_language',
        `The built-in writer covers ${TEMPLATE_LANGUAGES.join(', ')}; configure a language model to write in ${language}`,
        field('language', 'unsupported', `the offline engine writes ${TEMPLATE_LANGUAGES.join(', ')}`));
    }

    const contentId = keyed?.previousResource && !(await this.items.findForCaller(ctx, keyed.previousResource)) ? keyed.previousResource : newId('content');
    const product = spec.product ?? (campaign ? productFromCampaign(campaign, agent) : undefined);
    if (!product) throw DomainError.validation(field('product', 'required', 'is required without a campaign_id'));
    const request = buildGenerationRequest({
      body: {
        content_type: spec.content_type, product, format: spec.format, length: spec.length, language, include_cta: spec.include_cta,
        platform: spec.platform ?? null, tone: spec.tone ?? null,
      },
      agent,
      campaign: campaign ? { name: campaign.name, product: campaign.product ?? undefined, config: campaign.config } : null,
      seed: contentId,
    });

    // The key points at the item before its hold is taken: a retry finds this id, not a second hold.
    await keyed?.point(contentId);
    // Spend is held before a word is written; nothing is charged unless the piece is stored.
    const reservation = campaign ? await this.clients.reserve(ctx, campaign.id, contentId) : null;
    const now = new Date();
    const row: ContentItemEntity = {
      id: contentId, organization_id: ctx.organizationId, livemode: ctx.livemode, agent_id: agent.id, campaign_id: campaign?.id ?? null,
      content_type: request.content_type, format: request.format, platform: request.platform, language: request.language,
      length: request.length, status: 'generating', title: null, body: '', caption: '', hashtags: [], cta: null, disclosures: [],
      sections: null, variants: [], selected_variant: null, media: [], compliance_mode: request.compliance_mode, compliance_flags: [],
      review_reasons: [],
      brief: {
        product: request.product, tone: request.tone, include_cta: request.include_cta, sponsored: request.sponsored,
        seed: String(request.seed), campaign_name: request.campaign_name ?? null,
      },
      model: selected.generator.model, tokens_input: 0, tokens_output: 0, latency_ms: null, session_id: sessionId,
      reservation_id: reservation?.reservation_id ?? null, reservation_state: reservation ? 'held' : null,
      amount_cents: reservation?.amount_cents ?? null, failure_reason: null, rejection_reason: null, scheduled_at: null,
      published_at: null, created_at: now, updated_at: now,
    };
    try {
      await this.items.insert(row);
    } catch (err) {
      if (reservation) await this.clients.release(ctx, reservation.reservation_id, 'the item could not be stored').catch(() => undefined);
      throw err;
    }
    return { ctx, startedAt, row, agent, campaign, request, generator: selected.generator, reservation };
  }

  /** Writes the piece; with a session the chunks go out as they settle, otherwise the item is the answer. */
  private async execute(p: Prepared, session: StreamSession | null, abort = new AbortController()): Promise<ContentItem> {
    const id = p.row.id;
    const run = (async () => {
      const live = new LiveBody(p.request, (chunks) => session?.chunk(chunks), {
        live: session !== null, minIntervalMs: Number(process.env.CONTENT_STREAM_SETTLE_MS ?? 25),
      });
      try {
        live.begin();
        const stream = p.generator.stream(p.request, { signal: abort.signal });
        for await (const piece of stream) live.push(piece);
        const [result, usage] = await Promise.all([stream.result, stream.usage]);
        const final = live.finish(result);
        if (live.diverged) this.log.warn({ content_id: id, model: p.generator.model }, 'final body did not extend the streamed text; stored what was streamed');
        const violations = platformViolations(final, p.request.platform, p.request.format);
        if (violations.length) this.log.error({ content_id: id, violations }, 'generated piece breaks its platform limits');
        const latency = Math.round(performance.now() - p.startedAt);
        const stored = await this.items.transaction(async (m) => {
          const row = await this.items.complete(m, id, {
            status: 'pending_review', title: final.title, body: final.body, caption: final.caption, hashtags: final.hashtags,
            cta: final.cta, disclosures: final.disclosures, sections: final.sections ?? null,
            compliance_flags: final.flags.map((f) => ({ ...f })), review_reasons: final.review?.reasons ?? [],
            model: usage.model, tokens_input: usage.inputTokens, tokens_output: usage.outputTokens, latency_ms: latency,
          });
          if (!row) throw new GenerationError('aborted', 'the item stopped generating before it was stored');
          await this.outbox.enqueue(m, {
            type: 'agent.content_generated', organizationId: row.organization_id, livemode: row.livemode,
            data: {
              content_id: row.id, agent_id: row.agent_id, campaign_id: row.campaign_id, content_type: row.content_type, format: row.format,
              platform: row.platform, language: row.language, status: row.status, model: row.model,
              tokens: row.tokens_input + row.tokens_output, review_reasons: row.review_reasons, disclosures: row.disclosures,
            },
          }, p.ctx);
          return row;
        });
        if (p.reservation) await this.settle(p.ctx, stored);
        const item = toContentItem(stored);
        session?.complete(item.id, item.tokens, latency);
        return item;
      } catch (err) {
        const failure = describeFailure(err);
        await this.abandon(p, err);
        session?.error(failure.code, failure.message);
        throw failureError(failure);
      } finally {
        session?.close();
      }
    })();
    this.running.set(id, { abort, done: run.catch(() => undefined) });
    try {
      return await run;
    } finally {
      this.running.delete(id);
    }
  }

  /** The piece will not be stored: the row becomes `failed` and the spend hold goes back to the budget. */
  private async abandon(p: Prepared, err: unknown): Promise<void> {
    const failure = describeFailure(err);
    if (failure.code === 'internal_error') this.log.error({ content_id: p.row.id, err: err instanceof Error ? err.stack : String(err) }, 'generation failed');
    await this.items.fail(p.row.id, failure.reason).catch((e) => this.log.warn({ content_id: p.row.id, err: String(e) }, 'could not mark item failed'));
    // An unreachable ledger leaves the hold to the sweeper (with backoff); a refusal for good ends it here.
    if (p.reservation) await this.holds.close(p.ctx, { id: p.row.id, reservation_id: p.reservation.reservation_id }, 'released', failure.reason);
  }

  private async settle(ctx: RequestContext, row: ContentItemEntity): Promise<void> {
    await this.holds.close(ctx, row, 'settled');
  }
}

/**
 * A campaign's product as a generation brief: its features are the claims and the agent's field the use; a campaign
 * without a product (a brand launch) promotes itself by name.
 */
export function productFromCampaign(campaign: CampaignContext, agent: ResolvedAgent): GenerationProduct {
  const p = campaign.product ?? { name: campaign.name };
  return {
    name: p.name, key_claims: p.key_features ?? [], description: p.description, target_audience: p.target_audience,
    target_use: agent.expertise_domains[0] ?? agent.category.replace(/_/g, ' '),
    brand: p.brand, url: p.url, price: p.price, currency: p.currency, promo_code: p.promo_code,
  };
}
