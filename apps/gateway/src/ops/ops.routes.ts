import { Subjects, SERVICES, type HealthReply } from '@influgentic/contracts';
import type { BusClient } from '@influgentic/messaging';
import type { Pool } from 'pg';
import { AggregatorRegistry, type Registry } from 'prom-client';

type MetricsJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;
import type { RouteDef } from '../routes/route';

export interface OpsDeps { pool: Pool; bus: BusClient; metrics: Registry; openapi: () => Record<string, unknown> }

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
    {
      method: 'GET', path: '/metrics', tag: 'operations', summary: 'Prometheus metrics', auth: 'public', status: 200, raw: true,
      local: async ({ reply, request }) => {
        // The gateway's own series plus whatever each service answers within a second; series keep their `service` label.
        const ctx = { requestId: request.id, organizationId: '', livemode: true, scopes: [] };
        const fromServices = await Promise.all(SERVICES.map((s) => deps.bus.request<MetricsJson>(Subjects.metrics(s), {}, ctx, 1000).catch(() => [] as MetricsJson)));
        const merged = AggregatorRegistry.aggregate([await deps.metrics.getMetricsAsJSON(), ...fromServices]);
        reply.type(deps.metrics.contentType).send(await merged.metrics());
      },
    },
    {
      method: 'GET', path: '/openapi.json', tag: 'operations', summary: 'OpenAPI 3.1 document', auth: 'public', status: 200, raw: true,
      local: async ({ reply }) => { reply.type('application/json').send(deps.openapi()); },
    },
  ];
}
