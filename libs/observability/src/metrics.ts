import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * GC pauses are mostly well under a millisecond: the default buckets (1 ms, 10 ms, 100 ms …) cannot tell a pause
 * percentile apart, these can.
 */
const GC_PAUSE_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1];

/** A process's Prometheus registry: labelled with its service name, with Node's own metrics (GC, event loop, memory). */
export function processRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, gcDurationBuckets: GC_PAUSE_BUCKETS });
  return registry;
}

/** One Prometheus registry per process, labelled with the service name. */
export function createMetrics(service: string) {
  const registry = processRegistry(service);
  return {
    registry,
    rpcDuration: new Histogram({
      name: 'influgentic_rpc_duration_seconds', help: 'Duration of NATS request handlers',
      labelNames: ['subject', 'outcome'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5], registers: [registry],
    }),
    dbPoolWait: poolWaitHistogram(registry),
    eventsPublished: new Counter({ name: 'influgentic_outbox_published_total', help: 'Outbox events published to JetStream', labelNames: ['type'], registers: [registry] }),
    eventsConsumed: new Counter({ name: 'influgentic_events_consumed_total', help: 'Events consumed', labelNames: ['consumer', 'outcome'], registers: [registry] }),
  };
}
export type ServiceMetrics = ReturnType<typeof createMetrics>;

/** How long checkouts of pooled database connections waited (see timePoolWaits in the persistence library). */
export function poolWaitHistogram(registry: Registry): Histogram {
  return new Histogram({
    name: 'influgentic_db_pool_wait_seconds', help: 'Time a query waited for a pooled database connection',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5], registers: [registry],
  });
}
