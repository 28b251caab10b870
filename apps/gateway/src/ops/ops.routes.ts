import { createServer, type Server } from 'node:http';
import { DomainError, newId, Subjects, SERVICES, type HealthReply } from '@influgentic/contracts';
import type { BusClient } from '@influgentic/messaging';
import type { Pool } from 'pg';
import { AggregatorRegistry, type Registry } from 'prom-client';

import { Authenticator } from '../auth/authenticator';
import { safeEqual } from '../auth/tokens';
import type { RouteDef } from '../routes/route';
import { llmsTxtRoute } from './llms-txt';

type MetricsJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

/**
 * Who may read /metrics (its series name internal subjects, so it is not for the public): with `token`, only
 * `Authorization: Bearer <token>`; with `port`, only the separate listener on that port; with neither, the public
 * port serves it outside production only.
 */
export interface MetricsAccess { token?: string; port?: number; production: boolean }

export interface OpsDeps { pool: Pool; bus: BusClient; metrics: Registry; openapi: () => Record<string, unknown>; metricsAccess?: MetricsAccess }

/** The gateway's own series plus whatever each service answers within a second; series keep their `service` label. */
async function collectMetrics(deps: OpsDeps, requestId: string): Promise<string> {
  const ctx = { requestId, organizationId: '', livemode: true, scopes: [] };
  const fromServices = await Promise.all(SERVICES.map((s) => deps.bus.request<MetricsJson>(Subjects.metrics(s), {}, ctx, 1000).catch(() => [] as MetricsJson)));
  const merged = AggregatorRegistry.aggregate([await deps.metrics.getMetricsAsJSON(), ...fromServices]);
  return merged.metrics();
}

function metricsTokenAccepted(access: MetricsAccess | undefined, headers: Record<string, string | string[] | undefined>): boolean {
  if (!access?.token) return true;
  const given = Authenticator.extractToken(headers);
  return given !== undefined && safeEqual(given, access.token);
}

/** Whether the public port serves /metrics at all. */
export function metricsOnPublicPort(access: MetricsAccess | undefined): boolean {
  if (!access) return true;
  if (access.port !== undefined) return false;
  return access.token !== undefined || !access.production;
}

/** The separate metrics listener (METRICS_PORT): GET /metrics and nothing else. */
export async function startMetricsListener(deps: OpsDeps, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (!metricsTokenAccepted(deps.metricsAccess, req.headers)) {
      res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('unauthorized\n');
      return;
    }
    collectMetrics(deps, newId('request')).then(
      (text) => res.writeHead(200, { 'content-type': deps.metrics.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, host, () => resolve()); });
  return server;
}

/** Liveness, readiness (every service answered over NATS, database reachable), metrics and the API document. */
export function opsRoutes(deps: OpsDeps): RouteDef[] {
  return [
    { method: 'GET', path: '/health', tag: 'operations', summary: 'Liveness', auth: 'public', status: 200, local: async () => ({ status: 'ok' }) },
    {
      method: 'GET', path: '/ready', tag: 'operations', summary: 'Readiness of the database and every service', auth: 'public', status: 200, raw: true,
      local: async ({ reply, request }) => {
        const database = await deps.pool.query('SELECT 1').then(() => true, () => false);
        const services = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => {
          const h = await deps.bus.request<HealthReply>(Subjects.health(s), {}, { requestId: request.id, organizationId: '', livemode: true, scopes: [] }, 1500)
            .catch(() => null);
          return [s, h ? h.status : 'unavailable'] as const;
        })));
        const ready = database && Object.values(services).every((s) => s === 'ok');
        reply.code(ready ? 200 : 503).type('application/json').send({ status: ready ? 'ready' : 'not_ready', database: database ? 'ok' : 'unavailable', services });
      },
    },
    ...(metricsOnPublicPort(deps.metricsAccess) ? [{
      method: 'GET', path: '/metrics', tag: 'operations', summary: 'Prometheus metrics', auth: 'public', status: 200, raw: true,
      local: async ({ reply, request }) => {
        if (!metricsTokenAccepted(deps.metricsAccess, request.headers)) {
          reply.header('WWW-Authenticate', 'Bearer');
          throw new DomainError('unauthorized', '/metrics needs Authorization: Bearer <METRICS_TOKEN>');
        }
        reply.type(deps.metrics.contentType).send(await collectMetrics(deps, request.id));
      },
    } satisfies RouteDef] : []),
    {
      method: 'GET', path: '/openapi.json', tag: 'operations', summary: 'OpenAPI 3.1 document', auth: 'public', status: 200, raw: true,
      local: async ({ reply }) => { reply.type('application/json').send(deps.openapi()); },
    },
  ];
}

/**
 * Pages for readers of the API rather than operations of it (`/llms.txt`): registered apart from the route table, as
 * /docs is, so the OpenAPI document and the SDK generated from it leave them out. `documented` is the finished table.
 */
export function guideRoutes(documented: RouteDef[], publicBaseUrl?: string): RouteDef[] {
  return [llmsTxtRoute(documented, publicBaseUrl)];
}
