import { DomainError, MAX_REPORT_DAYS, type AnalyticsReportQuery } from '@influgentic/contracts';
import { daysBetween } from './report-builder';

const DAY_MS = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The report's period in UTC days. `end` defaults to today; `start` to `defaultStart` (a campaign's first day) when
 * that is not after `end`, else to 29 days before `end`. A reversed or over-long period is a 422 naming the field.
 */
export function resolvePeriod(query: AnalyticsReportQuery, now: Date, defaultStart?: Date | null): { start: string; end: string } {
  const end = query.end ?? dayOf(now.getTime());
  let start = query.start;
  if (!start) {
    const fallback = dayOf(Date.parse(`${end}T00:00:00Z`) - (30 - 1) * DAY_MS);
    const campaignStart = defaultStart ? dayOf(defaultStart.getTime()) : null;
    start = campaignStart && campaignStart <= end && daysBetween(campaignStart, end).length <= MAX_REPORT_DAYS ? campaignStart : fallback;
  }
  if (start > end) throw DomainError.validation([{ field: 'start', code: 'range', message: 'must not be after end' }]);
  if (daysBetween(start, end).length > MAX_REPORT_DAYS) {
    throw DomainError.validation([{ field: 'end', code: 'range', message: `a period spans at most ${MAX_REPORT_DAYS} days` }]);
  }
  return { start, end };
}
