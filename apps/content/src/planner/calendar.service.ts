import { Injectable } from '@nestjs/common';
import {
  CALENDAR_STATUSES, DomainError, MAX_CALENDAR_ITEMS, type Calendar, type CalendarEntry, type CalendarQuery, type RequestContext,
} from '@influgentic/contracts';
import type { ContentItemEntity } from '../items/content-item.entity';
import { ContentRepository } from '../items/content.repository';
import { calendarRange, groupByDay } from './calendar';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/**
 * `GET /v1/content/calendar`: what goes out (or went out) on each day of a range, in a time zone. It shows every
 * item with a date that is still alive: planned items waiting for review (`pending_review`) and approved ones as well
 * as `scheduled` and `published`, so a week plan is visible before anyone approved it; `status` narrows to one.
 */
@Injectable()
export class CalendarService {
  constructor(private readonly items: ContentRepository) {}

  async calendar(ctx: RequestContext, q: CalendarQuery): Promise<Calendar> {
    if (ctx.agentId && q.agent_id && q.agent_id !== ctx.agentId) throw new DomainError('forbidden', `This request is narrowed to agent ${ctx.agentId}`);
    const range = calendarRange(q);
    let found: Awaited<ReturnType<ContentRepository['calendar']>>;
    try {
      found = await this.items.calendar(ctx, {
        start: range.start, end: range.end, timeZone: range.timezone, statuses: q.status ? [q.status] : CALENDAR_STATUSES,
        agentId: ctx.agentId ?? q.agent_id, platform: q.platform, limit: MAX_CALENDAR_ITEMS,
      });
    } catch (err) {
      // A zone the runtime knows but this database's zone table does not.
      if ((err as { code?: string }).code === '22023') throw DomainError.validation([{ field: 'timezone', code: 'unknown', message: 'is not a time zone the database knows' }]);
      throw err;
    }
    const total = found.counts.reduce((n, c) => n + c.n, 0);
    return {
      from: range.from, to: range.to, timezone: range.timezone, total, truncated: total > found.rows.length,
      days: groupByDay(range, found.rows.map(toEntry), found.counts),
    };
  }
}

function toEntry(row: ContentItemEntity): CalendarEntry {
  return {
    id: row.id, agent_id: row.agent_id, campaign_id: row.campaign_id, platform: row.platform, content_type: row.content_type,
    format: row.format, language: row.language, status: row.status, title: row.title, caption: row.caption,
    at: iso(row.published_at ?? row.scheduled_at) as string, scheduled_at: iso(row.scheduled_at), published_at: iso(row.published_at),
  };
}
