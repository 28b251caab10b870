import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  DomainError, variantIndex, variantStyles, type ContentItem, type ContentVariant, type ContentVariants, type CreateVariantsBody,
  type RequestContext,
} from '@influgentic/contracts';
import { SERVICE_LOGGER, type Commit } from '@influgentic/messaging';
import { finalizeRewrite, platformViolations } from '../generation';
import { assertAgentScope, describeFailure, failureError } from '../generate/generation.errors';
import { GeneratorProvider } from '../generate/generators';
import { PlatformClients } from '../generate/platform-clients';
import type { ContentItemEntity } from '../items/content-item.entity';
import { ContentItemsService, contentNotFound } from '../items/content-items.service';
import { actorOf } from '../items/content-transitions';
import { ContentRepository } from '../items/content.repository';
import { assertVariantsOpen, rewriteRequestFor, variantAt } from './variants.policy';

const view = (row: Pick<ContentItemEntity, 'id' | 'variants' | 'selected_variant'>): ContentVariants => ({
  content_id: row.id, data: row.variants, selected_variant: row.selected_variant,
});

/**
 * Caption variants: 2–3 rewrites of an item's caption, one style each, written by the item's generator (the offline
 * engine or the configured model), kept on the item (`variants`, replaced by the next request), and one of them
 * selected into `caption`. Locked once the item is published.
 */
@Injectable()
export class VariantsService {
  constructor(
    private readonly items: ContentRepository,
    private readonly queue: ContentItemsService,
    private readonly generators: GeneratorProvider,
    private readonly clients: PlatformClients,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
  ) {}

  async create(ctx: RequestContext, id: string, body: CreateVariantsBody, commit: Commit): Promise<ContentVariants> {
    const row = await this.items.findForCaller(ctx, id);
    if (!row) throw contentNotFound(id);
    assertAgentScope(ctx, row.agent_id);
    assertVariantsOpen(row.status, id);

    // The model call happens outside any transaction; the write below checks the caption is still the one rewritten.
    const agent = await this.clients.agent(ctx, row.agent_id);
    const { generator } = await this.generators.forAgent(ctx.organizationId, ctx.livemode, row.agent_id);
    const styles = variantStyles(body.count, body.styles);
    const round = new Date(row.updated_at).getTime();
    let variants: ContentVariant[];
    try {
      variants = await Promise.all(styles.map(async (style, idx) => {
        const request = rewriteRequestFor(row, agent, style, `${row.id}|${style}|${round}`);
        const { caption } = finalizeRewrite((await generator.rewrite(request)).caption, request);
        const violations = platformViolations({ title: null, body: caption, caption, hashtags: [], cta: null }, row.platform, row.format);
        if (violations.length) this.log.error({ content_id: row.id, style, violations }, 'caption variant breaks its platform limits');
        return { idx, style, caption, created_at: new Date().toISOString() };
      }));
    } catch (err) {
      throw failureError(describeFailure(err));
    }

    return commit(async (m) => {
      const locked = await this.queue.lockOwned(m, ctx, id);
      assertVariantsOpen(locked.status, id);
      if (locked.caption !== row.caption) {
        throw new DomainError('conflict', `Content ${id} changed while its variants were written; ask again`);
      }
      const updated = await this.items.update(m, id, { variants, selected_variant: null });
      return view(updated);
    });
  }

  async list(ctx: RequestContext, id: string): Promise<ContentVariants> {
    const row = await this.items.findForCaller(ctx, id);
    if (!row) throw contentNotFound(id);
    assertAgentScope(ctx, row.agent_id);
    return view(row);
  }

  /**
   * Copies variant `idx` (the path segment, text: one that names no index is not found) into `caption`, recorded in
   * the item's history; selecting it again changes nothing.
   */
  async select(ctx: RequestContext, id: string, rawIdx: string): Promise<ContentItem> {
    const idx = variantIndex(rawIdx);
    return this.items.transaction(async (m) => {
      const row = await this.queue.lockOwned(m, ctx, id);
      const variant = variantAt(row.variants, idx, row.id);
      if (row.selected_variant === variant.idx && row.caption === variant.caption) return this.queue.answer(m, row);
      assertVariantsOpen(row.status, row.id);
      const updated = await this.items.update(m, row.id, { caption: variant.caption, selected_variant: variant.idx });
      await this.items.addHistory(m, row.id, {
        from: row.status, to: row.status, action: 'select_variant', actor: actorOf(ctx), reason: `variant ${variant.idx} (${variant.style})`,
      });
      return this.queue.answer(m, updated);
    });
  }
}
