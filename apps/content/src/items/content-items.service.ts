import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DomainError, UpdateContentBody, writableFields, type ContentDeleted, type ContentItem, type FieldError, type ListContentQuery, type Page,
  type RequestContext,
} from '@influgentic/contracts';
import type { Commit } from '@influgentic/messaging';
import { cursorKind, cursorValuesOrThrow, encodeCursor } from '@influgentic/persistence';
import { assertAgentScope } from '../generate/generation.errors';
import type { ContentItemEntity } from './content-item.entity';
import { toContentItem } from './content-item.view';
import { editText } from './content-patch';
import { assertEditable } from './content-state';
import { actorOf, ContentTransitions } from './content-transitions';
import { ContentRepository, type ContentFilter } from './content.repository';

/** How far ahead a post may be scheduled. */
const MAX_SCHEDULE_DAYS = 366;

export const contentNotFound = (id: string) => DomainError.notFound('Content item', id);

/** A requested publishing time: in the future and within a year, or a 422 naming `field`. */
export function futureInstant(value: string, field: string, now: Date): Date {
  const at = new Date(value);
  const errors: FieldError[] = [];
  if (at.getTime() <= now.getTime()) errors.push({ field, code: 'min', message: 'must be in the future' });
  if (at.getTime() - now.getTime() > MAX_SCHEDULE_DAYS * 86_400_000) errors.push({ field, code: 'max', message: `must be within ${MAX_SCHEDULE_DAYS} days from now` });
  if (errors.length) throw DomainError.validation(errors);
  return at;
}

/** The queue: list, read, edit and delete items. */
@Injectable()
export class ContentItemsService {
  constructor(private readonly items: ContentRepository, private readonly transitions: ContentTransitions) {}

  async list(ctx: RequestContext, q: ListContentQuery): Promise<Page<ContentItem>> {
    const limit = q.limit ?? 20;
    // Narrowed to one agent: asking for another agent's items finds none.
    if (ctx.agentId && q.agent_id && q.agent_id !== ctx.agentId) return { data: [], meta: { total: 0, limit, next_cursor: null } };
    const filter: ContentFilter = {
      status: q.status, agent_id: ctx.agentId ?? q.agent_id, campaign_id: q.campaign_id, platform: q.platform,
      created_after: q.created_after, created_before: q.created_before, scheduled_after: q.scheduled_after, scheduled_before: q.scheduled_before,
    };
    const kind = cursorKind('content', filter);
    let after: { created_at: string; id: string } | undefined;
    let total: number | undefined;
    if (q.cursor) {
      const [createdAt, id, n] = cursorValuesOrThrow(kind, q.cursor, ['string', 'string', 'count'], 'is not a cursor of this list (filters must stay the same)');
      if (Number.isNaN(Date.parse(String(createdAt)))) throw DomainError.validation([{ field: 'cursor', code: 'invalid', message: 'is not a cursor of this list' }]);
      after = { created_at: String(createdAt), id: String(id) };
      total = Number(n);
    }
    const [rows, counted] = await Promise.all([
      this.items.page(ctx, filter, limit, after),
      total === undefined ? this.items.count(ctx, filter) : Promise.resolve(total),
    ]);
    const more = rows.length > limit;
    const data = rows.slice(0, limit);
    const last = data[data.length - 1];
    return {
      data: data.map((r) => toContentItem(r)),
      meta: { total: counted, limit, next_cursor: more && last ? encodeCursor(kind, [new Date(last.created_at).toISOString(), last.id, counted]) : null },
    };
  }

  async get(ctx: RequestContext, id: string): Promise<ContentItem> {
    const row = await this.items.findForCaller(ctx, id);
    if (!row) throw contentNotFound(id);
    assertAgentScope(ctx, row.agent_id);
    return toContentItem(row, await this.items.history(row.id));
  }

  /** An item of the caller, locked in `m`, checked against the agent narrowing (and the path's agent, on mirrors). */
  async lockOwned(m: EntityManager, ctx: RequestContext, id: string, pathAgentId?: string): Promise<ContentItemEntity> {
    if (pathAgentId) assertAgentScope(ctx, pathAgentId);
    const row = await this.items.lockForCaller(m, ctx, id);
    // On the agent-scoped mirror another agent's item is not there at all.
    if (!row || (pathAgentId && row.agent_id !== pathAgentId)) throw contentNotFound(id);
    assertAgentScope(ctx, row.agent_id);
    return row;
  }

  /** The answer to a single-item request: the item with its history, read inside the write's transaction. */
  async answer(m: EntityManager, row: ContentItemEntity): Promise<ContentItem> {
    return toContentItem(row, await this.items.history(row.id, m));
  }

  /**
   * Edits caption, hashtags, CTA, body and the publishing time. What a GET returned may be sent back: unchanged
   * values are no-ops, so only a real change is held against the item's state (published or generating → 409).
   * `scheduled_at` on an approved item schedules it; null on a scheduled one takes it back to approved.
   */
  async update(ctx: RequestContext, id: string, body: UpdateContentBody): Promise<ContentItem> {
    return this.items.transaction(async (m) => {
      const row = await this.lockOwned(m, ctx, id);
      const patch = writableFields(UpdateContentBody, body, toContentItem(row) as unknown as Record<string, unknown>);
      const { changes, errors } = editText(row, patch);
      const now = new Date();
      let scheduledAt: Date | null | undefined;
      if (patch.scheduled_at !== undefined) {
        const asked = patch.scheduled_at === null ? null : new Date(patch.scheduled_at);
        const same = asked === null ? row.scheduled_at === null : row.scheduled_at !== null && asked.getTime() === new Date(row.scheduled_at).getTime();
        if (!same) {
          if (patch.scheduled_at !== null) {
            try { futureInstant(patch.scheduled_at, 'scheduled_at', now); } catch (err) { errors.push(...((err as DomainError).errors ?? [])); }
          }
          scheduledAt = asked;
        }
      }
      if (!Object.keys(changes).length && scheduledAt === undefined) return this.answer(m, row);
      assertEditable(row.status, row.id);
      if (errors.length) throw DomainError.validation(errors);

      const actor = actorOf(ctx);
      let updated = await this.items.update(m, row.id, { ...changes, ...(scheduledAt !== undefined ? { scheduled_at: scheduledAt } : {}) });
      if (scheduledAt !== undefined) {
        if (scheduledAt && (updated.status === 'approved' || updated.status === 'publish_failed')) {
          updated = await this.transitions.apply(m, ctx, updated, 'schedule', actor, { fields: { publish_error: null } });
        } else if (!scheduledAt && updated.status === 'scheduled') {
          updated = await this.transitions.apply(m, ctx, updated, 'unschedule', actor);
        } else if (updated.status === 'scheduled') {
          await this.items.addHistory(m, row.id, { from: 'scheduled', to: 'scheduled', action: 'reschedule', actor });
        }
      }
      return this.answer(m, updated);
    });
  }

  /**
   * Soft deletion: the item is gone for every later read. A repeat answers like the first; a published item must be
   * unpublished first, and one being written cannot be deleted under its writer.
   */
  async remove(ctx: RequestContext, id: string, commit: Commit = (w) => this.items.transaction(w)): Promise<ContentDeleted> {
    const gone = await this.items.wasDeletedByCaller(ctx, id);
    if (gone) {
      assertAgentScope(ctx, gone.agent_id);
      return { id, deleted: true };
    }
    return commit(async (m) => {
      const row = await this.lockOwned(m, ctx, id);
      if (row.status === 'published' || row.status === 'generating') {
        const why = row.status === 'published' ? 'is published; unpublish it before deleting it' : 'is still being generated';
        throw new DomainError('invalid_state', `Content ${id} ${why}`, undefined, `current status: ${row.status}`);
      }
      await this.items.update(m, row.id, { deleted_at: new Date(), publish_claim: null, publish_claim_until: null });
      await this.items.addHistory(m, row.id, { from: row.status, to: row.status, action: 'delete', actor: actorOf(ctx) });
      return { id, deleted: true as const };
    });
  }
}
