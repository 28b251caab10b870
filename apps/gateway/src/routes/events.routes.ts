import { EventStreamQuery, SCOPES } from '@influgentic/contracts';
import type { EventStreamService } from '../events/event-stream.service';
import type { RouteDef } from './route';

/** Any read scope opens the stream: it carries the organization's events of every kind. */
const READ_SCOPES = SCOPES.filter((s) => s.endsWith(':read'));

/** The organization's live event stream (API.md, Webhooks). */
export const eventRoutes = (events: EventStreamService): RouteDef[] => [
  {
    method: 'GET', path: '/v1/events/stream', tag: 'gateway', auth: 'key', scope: { anyOf: READ_SCOPES }, rateClass: 'read',
    summary: 'Stream the organization\'s events live (Server-Sent Events; resume with Last-Event-ID)',
    status: 200, query: EventStreamQuery, raw: true, sse: true, local: (call) => events.stream(call),
  },
];
