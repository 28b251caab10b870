import type { BusClient } from '@influgentic/messaging';
import { opsRoutes, type OpsDeps } from '../ops/ops.routes';
import { publicReviewRoutes, type ReviewRouteDeps } from '../review/review.routes';
import type { OrganizationsService } from '../admin/organizations.service';
import type { ApiKeysService } from '../auth/api-keys.service';
import type { EventStreamService } from '../events/event-stream.service';
import { adminRoutes } from './admin.routes';
import { agentRoutes } from './agents.routes';
import { analyticsExportRoutes, withAnalyticsJobs } from './analytics-exports.routes';
import { analyticsRoutes } from './analytics.routes';
import { campaignRoutes } from './campaigns.routes';
import { contentRoutes } from './content.routes';
import { eventRoutes } from './events.routes';
import { jobRoutes } from './jobs.routes';
import { keyRoutes } from './keys.routes';
import { mediaJobRoutes } from './media-jobs.routes';
import { mediaRoutes } from './media.routes';
import { plannerRoutes } from './planner.routes';
import { publishedRoutes } from './published.routes';
import { reviewLinkRoutes } from './review-links.routes';
import type { RouteDef } from './route';
import { variantRoutes } from './variants.routes';
import { webhookDeliveryRoutes } from './webhook-deliveries.routes';
import { webhookRoutes } from './webhooks.routes';

export interface ApiRouteDeps {
  bus: BusClient;
  rpcTimeoutMs: number;
  events: EventStreamService;
  keys: ApiKeysService;
  /** The operator API's service; without it (no admin token configured) those routes do not exist. */
  orgs?: OrganizationsService;
}

/** Every public operation of the versioned API and the operator API, in the order they are registered. */
export function publicApiRoutes(deps: ApiRouteDeps): RouteDef[] {
  const rpc = { bus: deps.bus, rpcTimeoutMs: deps.rpcTimeoutMs };
  return [
    ...agentRoutes, ...campaignRoutes, ...contentRoutes, ...variantRoutes, ...reviewLinkRoutes, ...plannerRoutes, ...mediaJobRoutes, ...mediaRoutes(),
    ...withAnalyticsJobs(jobRoutes, rpc), ...analyticsRoutes, ...analyticsExportRoutes(rpc), ...publishedRoutes(rpc),
    ...eventRoutes(deps.events), ...webhookRoutes, ...webhookDeliveryRoutes, ...keyRoutes(deps.keys),
    ...(deps.orgs ? adminRoutes(deps.orgs) : []),
  ];
}

/**
 * Every operation the gateway serves (operations endpoints, the API, the operator API, the public review pages) with
 * placeholder dependencies: the rows and their classes are what the OpenAPI document is made from, so tests and
 * generators can build it without starting anything. Handlers of these rows must never be called.
 */
export function documentedRoutes(): RouteDef[] {
  return [
    ...opsRoutes({} as OpsDeps),
    ...publicApiRoutes({ bus: {} as BusClient, rpcTimeoutMs: 0, events: {} as EventStreamService, keys: {} as ApiKeysService, orgs: {} as OrganizationsService }),
    ...publicReviewRoutes({} as ReviewRouteDeps),
  ];
}
