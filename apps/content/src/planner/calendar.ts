import {
  addDays, daysBetween, DomainError, MAX_CALENDAR_DAYS, todayIn, type CalendarDay, type CalendarEntry, type ContentStatus,
} from '@influgentic/contracts';
import { localDate, zonedTime } from './planner';

export interface CalendarRange {
  from: string;
  to: string;
  timezone: string;
  /** The instants the range covers: [start, end). */
  start: Date;
  end: Date;
}

/**
 * The days a calendar request covers: `from` (default today in the zone) through `to` (default a week), both inclusive,
 * cut at local midnight. More than MAX_CALENDAR_DAYS days, or `to` before `from`, is a 422 naming `to`.
 */
export function calendarRange(q: { from?: string; to?: string; timezone?: string }, now: Date = new Date()): CalendarRange {
  const timezone = q.timezone ?? 'UTC';
  const from = q.from ?? todayIn(timezone, now);
  const to = q.to ?? addDays(from, 6);
  const span = daysBetween(from, to) + 1;
  if (span < 1) throw DomainError.validation([{ field: 'to', code: 'before_from', message: `must not be before from (${from})` }]);
  if (span > MAX_CALENDAR_DAYS) {
    throw DomainError.validation([{ field: 'to', code: 'range_too_long', message: `must be at most ${MAX_CALENDAR_DAYS} days after from, inclusive (asked for ${span})` }]);
  }
  return { from, to, timezone, start: zonedTime(from, '00:00', timezone), end: zonedTime(addDays(to, 1), '00:00', timezone) };
}

/** Every day of the range (empty ones too, so a client draws the grid as is), with its items in time order and counts. */
export function groupByDay(range: CalendarRange, entries: CalendarEntry[], counts: Array<{ date: string; status: ContentStatus; n: number }>): CalendarDay[] {
  const days = new Map<string, CalendarDay>();
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) days.set(d, { date: d, count: 0, counts: {}, items: [] });
  for (const c of counts) {
    const day = days.get(c.date);
    if (!day) continue;
    day.count += c.n;
    day.counts[c.status] = (day.counts[c.status] ?? 0) + c.n;
  }
  for (const e of [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))) {
    days.get(localDate(new Date(e.at), range.timezone))?.items.push(e);
  }
  return [...days.values()];
}
