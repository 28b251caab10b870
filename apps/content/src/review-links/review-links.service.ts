import { Injectable } from '@nestjs/common';
import {
  DomainError, newId, REVIEW_LINK_MAX_ITEMS, ReviewDecideRequest, ReviewPageRequest, validateOrThrow, type CreateReviewLinkBody,
  type RequestContext, type ReviewDecisionResult, type ReviewLink, type ReviewPage,
} from '@influgentic/contracts';
import type { Commit } from '@influgentic/messaging';
import { assertAgentScope } from '../generate/generation.errors';
import { PlatformClients } from '../generate/platform-clients';
import { contentNotFound } from '../items/content-items.service';
import { actorOf } from '../items/content-transitions';
import { ContentRepository } from '../items/content.repository';
import { ModerationService } from '../moderation/moderation.service';
import {
  expiryOf, linkContext, linkNotFound, newReviewToken, publicBaseUrl, reviewTokenHash, toPageItem, toReviewLink, weekRange,
} from './review-links.policy';
import { ReviewLinksRepository, type ReviewLinkRow } from './review-links.repository';

/**
 * Review links: an expiring URL that shows chosen items (or an agent's planned week) as they will appear and lets
 * someone without an account approve or reject each with a comment. The token is the credential: only its hash is
 * kept, and the page and its decisions act in the organization and mode the link was made in, through moderation,
 * so every decision lands in the item's history as the link's.
 */
@Injectable()
export class ReviewLinksService {
  constructor(
    private readonly links: ReviewLinksRepository,
    private readonly items: ContentRepository,
    private readonly clients: PlatformClients,
    private readonly moderation: ModerationService,
  ) {}

  /**
   * The URL (with the token) is in this answer only: the record an Idempotency-Key keeps has `url: null`, so no
   * clear token is ever at rest (a client that lost the answer revokes the link and makes another).
   */
  async create(ctx: RequestContext, body: CreateReviewLinkBody, commit: Commit): Promise<ReviewLink> {
    const ids = body.content_ids ? await this.chosenItems(ctx, body.content_ids) : await this.plannedWeek(ctx, body.agent_id as string, body.week as string);
    const token = newReviewToken();
    const stored = await commit(async (m) => toReviewLink(await this.links.insert(m, {
      id: newId('review_link'), organization_id: ctx.organizationId, livemode: ctx.livemode, token_hash: reviewTokenHash(token) as string,
      content_ids: ids, agent_id: body.content_ids ? null : body.agent_id ?? null, week: body.content_ids ? null : body.week ?? null,
      note: body.note?.trim() || null, created_by: actorOf(ctx).id, expires_at: expiryOf(body.expires_in_hours, new Date()),
    }), null));
    return { ...stored, url: `${publicBaseUrl()}/review/${token}` };
  }

  /** Revokes at once; a repeated DELETE answers like the first. */
  async revoke(ctx: RequestContext, id: string): Promise<ReviewLink> {
    const row = await this.links.revoke(ctx, id);
    if (!row) throw DomainError.notFound('Review link', id);
    return toReviewLink(row, null);
  }

  /** Public (tenant-free subject): what the page shows. */
  async page(requestId: string, payload: unknown): Promise<ReviewPage> {
    const { token } = validateOrThrow(ReviewPageRequest, payload);
    const link = await this.usable(token);
    const ctx = linkContext(link, requestId);
    const rows = new Map((await this.items.findManyForCaller(ctx, link.content_ids)).map((r) => [r.id, r]));
    const items = link.content_ids.filter((id) => rows.has(id)).map((id) => toPageItem(rows.get(id)!));
    return { link: { id: link.id, note: link.note, expires_at: new Date(link.expires_at).toISOString() }, items };
  }

  /** Public (tenant-free subject): one approve or reject, attributed to the link. */
  async decide(requestId: string, payload: unknown): Promise<ReviewDecisionResult> {
    const body = validateOrThrow(ReviewDecideRequest, payload);
    const link = await this.usable(body.token);
    if (!link.content_ids.includes(body.content_id)) throw linkNotFound();
    const ctx = linkContext(link, requestId);
    const actor = { kind: 'review_link' as const, id: link.id };
    const comment = body.comment?.trim() || null;
    const item = body.decision === 'approve'
      ? await this.moderation.approve(ctx, body.content_id, actor, comment)
      : await this.moderation.reject(ctx, body.content_id, actor, comment);
    return { content_id: item.id, decision: body.decision, status: item.status };
  }

  private async usable(token: string): Promise<ReviewLinkRow> {
    const hash = reviewTokenHash(token);
    const link = hash ? await this.links.findUsable(hash) : null;
    if (!link) throw linkNotFound();
    return link;
  }

  /** Every id must name an item of the caller (another organization's is simply not found), within its agent narrowing. */
  private async chosenItems(ctx: RequestContext, ids: string[]): Promise<string[]> {
    const rows = new Map((await this.items.findManyForCaller(ctx, ids)).map((r) => [r.id, r]));
    for (const id of ids) {
      const row = rows.get(id);
      if (!row) throw contentNotFound(id);
      assertAgentScope(ctx, row.agent_id);
    }
    return ids;
  }

  /** The agent's week: the items its week plan made and whatever else is scheduled that week, resolved now. */
  private async plannedWeek(ctx: RequestContext, agentId: string, week: string): Promise<string[]> {
    assertAgentScope(ctx, agentId);
    const agent = await this.clients.agent(ctx, agentId);
    const timeZone = (agent as { timezone?: string; time_zone?: string }).timezone ?? (agent as { time_zone?: string }).time_zone ?? 'UTC';
    const { start, end } = weekRange(week, timeZone);
    const planned = (await this.items.plannedItems(ctx, agent.id, week)).map((p) => p.id);
    const scheduled = await this.items.scheduledIdsBetween(ctx, agent.id, start, end, REVIEW_LINK_MAX_ITEMS);
    const ids = [...new Set([...planned, ...scheduled])].slice(0, REVIEW_LINK_MAX_ITEMS);
    if (!ids.length) {
      throw DomainError.validation([{ field: 'week', code: 'empty', message: `agent ${agent.id} has no content planned or scheduled in the week of ${week}` }]);
    }
    return ids;
  }
}
