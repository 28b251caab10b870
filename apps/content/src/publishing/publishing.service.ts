import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  DomainError, systemContext, type ContentActor, type ContentItem, type PublishedPost, type PublishStatus, type RequestContext,
} from '@influgentic/contracts';
import { SERVICE_LOGGER, type Commit } from '@influgentic/messaging';
import { assertAgentScope } from '../generate/generation.errors';
import type { ContentItemEntity } from '../items/content-item.entity';
import { toPublishStatus } from '../items/content-item.view';
import { ContentItemsService, contentNotFound, futureInstant } from '../items/content-items.service';
import { transition } from '../items/content-state';
import { actorOf, ContentTransitions } from '../items/content-transitions';
import { ContentRepository } from '../items/content.repository';
import { PUBLISHER, PublishRefused, type Publisher, type PublishRequest } from './publisher';

/** How long a poster keeps an item from the others while it talks to the platform (well above one call). */
export const PUBLISH_LEASE_MS = () => Number(process.env.CONTENT_PUBLISH_LEASE_MS ?? 60_000);
/** Transient failures the scheduler retries before the item becomes `publish_failed`. */
export const PUBLISH_MAX_ATTEMPTS = () => Number(process.env.CONTENT_PUBLISH_MAX_ATTEMPTS ?? 5);
const RETRY_BASE_MS = () => Number(process.env.CONTENT_PUBLISH_RETRY_MS ?? 30_000);

const SYSTEM: ContentActor = { kind: 'system', id: null };

function postOf(row: ContentItemEntity): PublishRequest {
  return {
    content_id: row.id, organization_id: row.organization_id, livemode: row.livemode, agent_id: row.agent_id, platform: row.platform,
    format: row.format, title: row.title, caption: row.caption, body: row.body, hashtags: row.hashtags,
  };
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/**
 * Scheduling and publishing through the publisher port. Whoever posts an item (a request, or the scheduler on any
 * replica) first claims it with a lease in a short transaction, calls the platform outside any transaction, then
 * records the outcome only if its claim still stands (an unpublish meanwhile wins), with the history entry and the
 * `content.published` / `content.publish_failed` event in that same transaction.
 */
@Injectable()
export class PublishingService {
  constructor(
    private readonly items: ContentRepository,
    private readonly queue: ContentItemsService,
    private readonly transitions: ContentTransitions,
    @Inject(PUBLISHER) private readonly publisher: Publisher,
    @Inject(SERVICE_LOGGER) private readonly log: Logger,
  ) {}

  /** `POST /v1/content/{id}/publish {at?}`: a future `at` (`when`) schedules the post (or moves its slot); otherwise it goes out now. */
  async publish(ctx: RequestContext, id: string, when: string | null | undefined, commit: Commit = (w) => this.items.transaction(w)): Promise<ContentItem> {
    const now = new Date();
    if (when && new Date(when).getTime() > now.getTime()) {
      const at = futureInstant(when, 'at', now);
      return commit(async (m) => {
        const row = await this.queue.lockOwned(m, ctx, id);
        if (row.status === 'scheduled') {
          const moved = await this.items.update(m, row.id, { scheduled_at: at });
          await this.items.addHistory(m, row.id, { from: 'scheduled', to: 'scheduled', action: 'reschedule', actor: actorOf(ctx) });
          return this.queue.answer(m, moved);
        }
        return this.queue.answer(m, await this.transitions.apply(m, ctx, row, 'schedule', actorOf(ctx), { fields: { scheduled_at: at, publish_error: null } }));
      });
    }
    return this.postNow(ctx, id, 'publish', commit);
  }

  /** `POST /v1/content/{id}/publish/retry`: a refused post, tried again now. */
  retry(ctx: RequestContext, id: string): Promise<ContentItem> {
    return this.postNow(ctx, id, 'retry');
  }

  /** `POST /v1/content/{id}/unpublish`: a scheduled post is cancelled, a published or refused one pulled; back to approved. */
  async unpublish(ctx: RequestContext, id: string, commit: Commit = (w) => this.items.transaction(w)): Promise<ContentItem> {
    return commit(async (m) => {
      const row = await this.queue.lockOwned(m, ctx, id);
      transition(row.status, 'unpublish', row.id);
      // The local adapter has nothing to take down; a real connector's call belongs here, before the state moves.
      if (row.status === 'published' && row.post_id) await this.publisher.unpublish(postOf(row), { post_id: row.post_id, post_url: row.post_url ?? null });
      const updated = await this.transitions.apply(m, ctx, row, 'unpublish', actorOf(ctx), {
        fields: { scheduled_at: null, published_at: null, post_id: null, post_url: null, publish_error: null, publish_claim: null, publish_claim_until: null },
      });
      return this.queue.answer(m, updated);
    });
  }

  async status(ctx: RequestContext, id: string): Promise<PublishStatus> {
    const row = await this.items.findForCaller(ctx, id);
    if (!row) throw contentNotFound(id);
    assertAgentScope(ctx, row.agent_id);
    return toPublishStatus(row);
  }

  /** The public page of a published post, by id alone: what is out on the platform is public anyway. */
  async page(id: string): Promise<PublishedPost> {
    // Tenant-free, so a request without an id must never reach a query that would then match any post.
    if (typeof id !== 'string' || !id) throw DomainError.notFound('Published post', String(id));
    const row = await this.items.findPublished(id);
    if (!row || !row.post_id || !row.published_at) throw DomainError.notFound('Published post', id);
    return {
      content_id: row.id, agent_id: row.agent_id, platform: row.platform, title: row.title, caption: row.caption, body: row.body,
      post_id: row.post_id, published_at: new Date(row.published_at).toISOString(),
    };
  }

  /** One scheduler pass: posts what is due, on any number of replicas at once. */
  async runDue(batch = 20): Promise<number> {
    const claim = randomUUID();
    const due = await this.items.claimDue(claim, PUBLISH_LEASE_MS(), batch);
    for (const row of due) {
      const ctx = systemContext(row.organization_id, row.livemode, `publish-${row.id}`);
      try {
        const ref = await this.publisher.publish(postOf(row));
        await this.record(ctx, row.id, claim, 'publish', SYSTEM, { ok: true, ...ref });
      } catch (err) {
        const attempts = (row.publish_attempts ?? 0) + 1;
        if (err instanceof PublishRefused || attempts >= PUBLISH_MAX_ATTEMPTS()) {
          await this.record(ctx, row.id, claim, 'publish', SYSTEM, { ok: false, error: describe(err) });
        } else {
          // Transient: leave it scheduled and try again later, further apart each time.
          this.log.warn({ content_id: row.id, attempts, err: describe(err) }, 'publishing failed; will retry');
          await this.items.releaseClaim(row.id, claim, RETRY_BASE_MS() * 2 ** (attempts - 1), describe(err));
        }
      }
    }
    return due.length;
  }

  /** Posts one item now for a request; a refusal leaves it `publish_failed` with the platform's reason. */
  private async postNow(ctx: RequestContext, id: string, action: 'publish' | 'retry', commit?: Commit): Promise<ContentItem> {
    const claim = randomUUID();
    const row = await this.items.transaction(async (m) => {
      const r = await this.queue.lockOwned(m, ctx, id);
      transition(r.status, action, r.id);
      if (!(await this.items.claimOne(m, r.id, claim, PUBLISH_LEASE_MS()))) {
        throw new DomainError('conflict', `Content ${id} is being published right now; read it again in a moment`);
      }
      return r;
    });
    let outcome: Outcome;
    try {
      outcome = { ok: true, ...(await this.publisher.publish(postOf(row))) };
    } catch (err) {
      outcome = { ok: false, error: describe(err) };
    }
    return this.record(ctx, row.id, claim, action, actorOf(ctx), outcome, commit);
  }

  /** Records a post's outcome if `claim` still holds the item; answers the item as it then stands. */
  private async record(
    ctx: RequestContext, id: string, claim: string, action: 'publish' | 'retry', actor: ContentActor, outcome: Outcome,
    commit: Commit = (w) => this.items.transaction(w),
  ): Promise<ContentItem> {
    return commit(async (m) => {
      const row = await this.items.lockClaimed(m, id, claim);
      if (!row) {
        // Unpublished or deleted while the platform was called: that decision stands.
        this.log.warn({ content_id: id }, 'publication outcome arrived after the item was taken back; not recorded');
        const current = await this.items.lockForCaller(m, ctx, id);
        if (!current) throw contentNotFound(id);
        return this.queue.answer(m, current);
      }
      const attempts = (row.publish_attempts ?? 0) + 1;
      const release = { publish_claim: null, publish_claim_until: null, publish_attempts: attempts };
      const updated = outcome.ok
        ? await this.transitions.apply(m, ctx, row, action, actor, {
          fields: { ...release, post_id: outcome.post_id, post_url: outcome.post_url, published_at: new Date(), publish_error: null },
        })
        : await this.transitions.apply(m, ctx, row, 'publish_fail', actor, { reason: outcome.error, fields: { ...release, publish_error: outcome.error } });
      return this.queue.answer(m, updated);
    });
  }
}

type Outcome = { ok: true; post_id: string; post_url: string | null } | { ok: false; error: string };
