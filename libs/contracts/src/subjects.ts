import type { ServiceName } from './rpc';

/**
 * Optional namespace for every subject and stream, so independent installations (or a test run beside a running
 * platform) can share one NATS server without answering each other's requests.
 */
export const NATS_NAMESPACE = (process.env.INFLUGENTIC_NATS_PREFIX ?? '').replace(/[^A-Za-z0-9_-]/g, '');
const ns = (subject: string) => (NATS_NAMESPACE ? `${NATS_NAMESPACE}.${subject}` : subject);

/** Versioned NATS subjects. Request/reply subjects are `<service>.<resource>.<verb>.v<n>`. */
export const Subjects = {
  health: (service: ServiceName) => ns(`${service}.health.v1`),
  /** Every replica answers with its Prometheus metrics as JSON (the gateway aggregates them on /metrics). */
  metrics: (service: ServiceName) => ns(`${service}.metrics.v1`),
  registry: {
    agentsList: ns('registry.agents.list.v1'),
    agentsGet: ns('registry.agents.get.v1'),
    agentsCreate: ns('registry.agents.create.v1'),
    agentsUpdate: ns('registry.agents.update.v1'),
    agentsDelete: ns('registry.agents.delete.v1'),
    /** Internal: other services ask for an agent's facts (visibility-checked). */
    agentsResolve: ns('registry.agents.resolve.v1'),
  },
  /** Gateway replicas broadcast cache evictions (revoked keys, plan changes) to each other. */
  gatewayEvict: ns('gateway.cache.evict.v1'),
  /** Per-session live generation chunks (core NATS). */
  streamChunks: (sessionId: string) => ns(`stream.${sessionId}.chunks`),
  streamControl: (sessionId: string) => ns(`stream.${sessionId}.control`),
} as const;

/** JetStream stream holding every domain event on `evt.<type>`. */
export const EVENTS_STREAM = NATS_NAMESPACE ? `${NATS_NAMESPACE}_EVENTS` : 'EVENTS';
export const EVENTS_SUBJECT_ROOT = ns('evt');
export const eventSubject = (type: string) => `${EVENTS_SUBJECT_ROOT}.${type}`;

/** Names a request/reply subject inside the namespace; services declare theirs with it. */
export const subject = ns;
