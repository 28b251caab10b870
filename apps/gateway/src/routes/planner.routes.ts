import { CalendarQuery, GenerateWeekBody, PlannerSubjects } from '@influgentic/contracts';
import type { RouteDef } from './route';

/**
 * The week planner and the calendar. Static paths under /v1/content: Fastify matches a static segment before the
 * `:id` of `GET /v1/content/:id`, so neither is taken for an item id.
 */
export const plannerRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/v1/content/generate-week', tag: 'content', auth: 'key', scope: 'content:generate', rateClass: 'generate',
    summary: 'Plan and generate a week of content for an agent (202 with the job; poll GET /v1/jobs/{id})',
    status: 202, body: GenerateWeekBody, subject: PlannerSubjects.generateWeek,
  },
  {
    method: 'GET', path: '/v1/content/calendar', tag: 'content', auth: 'key', scope: 'content:read', rateClass: 'read',
    summary: 'Items going out (or gone out) per day: pending review, approved, scheduled and published, with per-day counts (at most 62 days)',
    status: 200, query: CalendarQuery, subject: PlannerSubjects.calendar,
  },
];
