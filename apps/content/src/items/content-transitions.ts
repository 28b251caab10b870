import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContentActor, EventType, RequestContext } from '@influgentic/contracts';
import { OutboxWriter } from '@influgentic/messaging';
import type { ContentItemEntity } from './content-item.entity';
import { transition, type ContentAction } from './content-state';
import { ContentRepository } from './content.repository';

/** Who a request acts as: its API key (decisions are attributed to it), or the platform for internal work. */
export function actorOf(ctx: RequestContext): ContentActor {
  return ctx.keyId ? { kind: 'key', id: ctx.keyId } : { kind: 'system', id: null };
}

/** Events a transition emits (API.md, Webhooks); other moves are visible in the item's history. */
const EVENTS: Partial<Record<ContentAction, EventType>> = {
  approve: 'content.approved', reject: 'content.rejected', publish: 'content.published', retry: 'content.published',
  publish_fail: 'content.publish_failed',
};

export interface TransitOptions {
  reason?: string | null;
  /** Other columns written with the status. */
  fields?: Partial<ContentItemEntity>;
}

/**
 * Applies one legal move to a row the caller holds locked: the status (and `fields`), its history entry and its
 * event, all in the caller's transaction. An illegal move is 409 invalid_state naming the current state.
 */
@Injectable()
export class ContentTransitions {
  constructor(private readonly items: ContentRepository, @Inject(OutboxWriter) private readonly outbox: OutboxWriter) {}

  async apply(m: EntityManager, ctx: RequestContext, row: ContentItemEntity, action: ContentAction, actor: ContentActor, opts: TransitOptions = {}): Promise<ContentItemEntity> {
    const t = transition(row.status, action, row.id);
    const updated = await this.items.update(m, row.id, { ...opts.fields, status: t.to });
    await this.items.addHistory(m, row.id, { from: t.from, to: t.to, action, actor, reason: opts.reason ?? null });
    const type = EVENTS[action];
    if (type) {
      await this.outbox.enqueue(m, {
        type, organizationId: updated.organization_id, livemode: updated.livemode,
        data: {
          content_id: updated.id, agent_id: updated.agent_id, campaign_id: updated.campaign_id, platform: updated.platform,
          status: updated.status, from: t.from, actor, reason: opts.reason ?? null,
          ...(type === 'content.published' ? { post_id: updated.post_id ?? null, post_url: updated.post_url ?? null, published_at: updated.published_at?.toISOString() ?? null } : {}),
          ...(type === 'content.publish_failed' ? { error: updated.publish_error ?? null, attempts: updated.publish_attempts ?? 0 } : {}),
        },
      }, ctx);
    }
    return updated;
  }
}
