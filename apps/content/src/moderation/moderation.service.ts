import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type ContentActor, type ContentItem, type RequestContext } from '@influgentic/contracts';
import type { Commit, IdempotentRun } from '@influgentic/messaging';
import { GenerationService } from '../generate/generation.service';
import type { ContentItemEntity } from '../items/content-item.entity';
import { ContentItemsService, contentNotFound } from '../items/content-items.service';
import { assertEditable, transition } from '../items/content-state';
import { ContentTransitions } from '../items/content-transitions';
import { ContentRepository } from '../items/content.repository';

/** Who made a decision: an API key, a review link, or the platform itself. */
export type Actor = ContentActor;

export interface DecisionOptions {
  /** Runs the write's transaction (an Idempotency-Key's record commits with it). */
  commit?: Commit;
  /** The agent of an agent-scoped route (`/v1/agents/{agent_id}/content/{content_id}/…`): the item must be its. */
  agentId?: string;
}

/**
 * Moderation: approve, reject, regenerate and per-media decisions. Every decision is one transaction with the row
 * locked: the move, its history entry (with the actor) and its event (`content.approved`, `content.rejected`).
 * Review links call `approve` / `reject` with a `review_link` actor.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly items: ContentRepository,
    private readonly queue: ContentItemsService,
    private readonly transitions: ContentTransitions,
    private readonly generation: GenerationService,
  ) {}

  /**
   * pending_review → approved. An item that already has a future `scheduled_at` (a planned week) goes on to
   * `scheduled`; one whose slot has passed stays approved rather than going out late by surprise.
   */
  approve(ctx: RequestContext, id: string, actor: Actor, reason?: string | null, opts: DecisionOptions = {}): Promise<ContentItem> {
    return this.decide(opts, async (m) => {
      const row = await this.queue.lockOwned(m, ctx, id, opts.agentId);
      let updated = await this.transitions.apply(m, ctx, row, 'approve', actor, { reason: reason ?? null });
      if (updated.scheduled_at && new Date(updated.scheduled_at).getTime() > Date.now()) {
        updated = await this.transitions.apply(m, ctx, updated, 'schedule', actor);
      }
      return this.queue.answer(m, updated);
    });
  }

  /** pending_review | approved → rejected, with the reason kept on the item and in its history. */
  reject(ctx: RequestContext, id: string, actor: Actor, reason?: string | null, opts: DecisionOptions = {}): Promise<ContentItem> {
    return this.decide(opts, async (m) => {
      const row = await this.queue.lockOwned(m, ctx, id, opts.agentId);
      const updated = await this.transitions.apply(m, ctx, row, 'reject', actor, { reason: reason ?? null, fields: { rejection_reason: reason ?? null } });
      return this.queue.answer(m, updated);
    });
  }

  /** Approves or rejects one media attachment; the item's status stays, the decision lands in its history. */
  decideMedia(ctx: RequestContext, id: string, rawIndex: string, decision: 'approved' | 'rejected', actor: Actor, reason?: string | null, opts: DecisionOptions = {}): Promise<ContentItem> {
    return this.decide(opts, async (m) => {
      const row = await this.queue.lockOwned(m, ctx, id, opts.agentId);
      // A path index that names no attachment is not found, like any path id.
      const index = /^\d{1,6}$/.test(rawIndex) ? Number(rawIndex) : -1;
      const at = row.media.findIndex((x) => x.index === index);
      if (at < 0) throw new DomainError('not_found', `Content ${id} has no media ${rawIndex.slice(0, 20)}`);
      assertEditable(row.status, row.id);
      const media = row.media.map((x, i) => (i === at ? { ...x, status: decision } : x));
      const updated = await this.items.update(m, row.id, { media });
      await this.items.addHistory(m, row.id, {
        from: row.status, to: row.status, action: decision === 'approved' ? 'approve_media' : 'reject_media', actor, reason: reason ?? null, media_index: index,
      });
      return this.queue.answer(m, updated);
    });
  }

  /**
   * A new generation of the item (same id, history kept), under the rules of a new one: agent status, languages,
   * campaign budget (a new hold) and compliance. Refused at once when the item may not be regenerated.
   */
  async regenerate(ctx: RequestContext, id: string, actor: Actor, opts: { agentId?: string; keyed?: IdempotentRun } = {}): Promise<ContentItem> {
    const found = await this.items.findForCaller(ctx, id);
    if (!found || (opts.agentId && found.agent_id !== opts.agentId)) throw contentNotFound(id);
    // A video's words and files are made together by its render: regenerating its text alone would strand its media.
    if (found.brief.media_job) {
      throw new DomainError('invalid_state', `Content ${id} is a video; make a new one with POST /v1/content/video/generate`, [
        { field: 'format', code: 'invalid_state', message: 'videos are not regenerated in place' },
      ]);
    }
    // Cheap refusals first: a wrong state costs no agent lookup and no spend hold.
    await this.items.transaction((m) => this.queue.lockOwned(m, ctx, id, opts.agentId).then((row) => transition(row.status, 'regenerate', row.id)));
    await this.generation.regenerate(ctx, found, (fresh) => this.restart(ctx, found, fresh, actor), opts.keyed);
    return this.items.transaction(async (m) => this.queue.answer(m, await this.queue.lockOwned(m, ctx, id)));
  }

  /** Turns the item back to `generating` with the new generation's settings, if it still may be regenerated. */
  private async restart(ctx: RequestContext, seen: ContentItemEntity, fresh: ContentItemEntity, actor: Actor): Promise<void> {
    await this.items.transaction(async (m) => {
      const row = await this.queue.lockOwned(m, ctx, seen.id);
      await this.transitions.apply(m, ctx, row, 'regenerate', actor, {
        fields: {
          title: null, body: '', caption: '', hashtags: [], cta: null, disclosures: [], sections: null, variants: [], selected_variant: null,
          compliance_mode: fresh.compliance_mode, compliance_flags: [], review_reasons: [], brief: fresh.brief, model: fresh.model,
          tokens_input: 0, tokens_output: 0, latency_ms: null, session_id: null, reservation_id: fresh.reservation_id,
          reservation_state: fresh.reservation_state, amount_cents: fresh.amount_cents, reservation_attempts: 0, reservation_retry_at: null,
          reservation_error: null, failure_reason: null, rejection_reason: null, published_at: null, post_id: null, post_url: null,
          publish_error: null, publish_attempts: 0, publish_claim: null, publish_claim_until: null,
        },
      });
    });
  }

  private decide<T>(opts: DecisionOptions, write: (m: EntityManager) => Promise<T>): Promise<T> {
    return opts.commit ? opts.commit(write) : this.items.transaction(write);
  }
}
