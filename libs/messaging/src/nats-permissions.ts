import {
  CampaignSubjects, EVENTS_STREAM, EVENTS_SUBJECT_ROOT, NATS_NAMESPACE, SERVICES, subject, Subjects, type ServiceName,
} from '@influgentic/contracts';
import { natsInboxPrefix } from './nats';

/** Every identity that connects to NATS: the gateway and one per service. */
export type NatsUser = 'gateway' | ServiceName;
export const NATS_USERS: readonly NatsUser[] = ['gateway', ...SERVICES];

export interface NatsUserPermissions {
  publish: string[];
  subscribe: string[];
  /** May publish replies to the requests it received (and only to those), whatever their inbox. */
  allowResponses: boolean;
}

/** Request subjects other services call, per calling service (the gateway may call any service subject). */
function serviceCalls(service: ServiceName): string[] {
  switch (service) {
    case 'campaigns':
      return [Subjects.registry.agentsResolve];
    case 'content':
      return [Subjects.registry.agentsResolve, CampaignSubjects.context, CampaignSubjects.reserve, CampaignSubjects.settle, CampaignSubjects.release];
    case 'analytics':
      return [CampaignSubjects.context];
    default:
      return [];
  }
}

/** What a service does with JetStream: manage and publish to the EVENTS stream, run durable pull consumers on it. */
function jetStreamSubjects(stream: string): string[] {
  return [
    '$JS.API.INFO',
    `$JS.API.STREAM.INFO.${stream}`, `$JS.API.STREAM.CREATE.${stream}`, `$JS.API.STREAM.UPDATE.${stream}`,
    `$JS.API.CONSUMER.INFO.${stream}.>`, `$JS.API.CONSUMER.CREATE.${stream}`, `$JS.API.CONSUMER.CREATE.${stream}.>`,
    `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.>`, `$JS.API.CONSUMER.MSG.NEXT.${stream}.>`,
    `$JS.ACK.${stream}.>`,
  ];
}

/**
 * The gateway's live event feed (GET /v1/events/stream): read the EVENTS stream through ephemeral ordered consumers
 * (one shared live one, short-lived ones for replays), which it creates, pulls from and deletes. No publishing.
 */
function eventFeedSubjects(stream: string): string[] {
  return [
    `$JS.API.STREAM.INFO.${stream}`, `$JS.API.CONSUMER.CREATE.${stream}`, `$JS.API.CONSUMER.CREATE.${stream}.>`,
    `$JS.API.CONSUMER.INFO.${stream}.>`, `$JS.API.CONSUMER.MSG.NEXT.${stream}.>`, `$JS.API.CONSUMER.DELETE.${stream}.>`,
  ];
}

/**
 * Subject permissions per identity, derived from the contracts' subject builders so they cannot drift from the code:
 * the gateway publishes requests to service subjects and talks to live streams; each service subscribes only to its
 * own request subjects, replies to what it received, publishes events and its stream subjects, and calls only the
 * services it depends on. `namespace` re-roots every subject (INFLUGENTIC_NATS_PREFIX); default: this process's.
 */
export function natsPermissions(namespace: string = NATS_NAMESPACE): Record<NatsUser, NatsUserPermissions> {
  const from = NATS_NAMESPACE ? `${NATS_NAMESPACE}.` : '';
  const to = namespace ? `${namespace}.` : '';
  const re = (s: string) => `${to}${from && s.startsWith(from) ? s.slice(from.length) : s}`;
  const bareStream = from ? EVENTS_STREAM.slice(NATS_NAMESPACE.length + 1) : EVENTS_STREAM;
  const stream = namespace ? `${namespace}_${bareStream}` : bareStream;
  // Each user's replies arrive under its own inbox prefix (see natsAuthOptions), which nobody else may read.
  const inbox = (user: NatsUser) => `${natsInboxPrefix(user)}.>`;
  const out = {} as Record<NatsUser, NatsUserPermissions>;
  out.gateway = {
    publish: [...[...SERVICES.map((s) => subject(`${s}.>`)), Subjects.gatewayEvict, Subjects.streamControl('*')].map(re), ...eventFeedSubjects(stream)],
    subscribe: [inbox('gateway'), ...[Subjects.gatewayEvict, Subjects.streamChunks('*')].map(re)],
    allowResponses: false,
  };
  for (const service of SERVICES) {
    const streams = service === 'content' ? { publish: [Subjects.streamChunks('*')], subscribe: [Subjects.streamControl('*')] } : { publish: [], subscribe: [] };
    out[service] = {
      publish: [
        // Its own health subject: the container probe connects as the service and asks it.
        ...[`${EVENTS_SUBJECT_ROOT}.>`, Subjects.health(service), ...serviceCalls(service), ...streams.publish].map(re),
        ...jetStreamSubjects(stream),
      ],
      subscribe: [inbox(service), ...[subject(`${service}.>`), ...streams.subscribe].map(re)],
      allowResponses: true,
    };
  }
  return out;
}

const quote = (s: string) => JSON.stringify(s);

/**
 * The `authorization` block of a nats-server configuration with one user per identity. `password(user)` returns the
 * configuration token for that user's password: by default a variable (`$NATS_GATEWAY_PASSWORD`), which nats-server
 * reads from its environment, so no secret lives in the file.
 */
export function natsAuthorizationConfig(
  password: (user: NatsUser) => string = (user) => `$NATS_${user.toUpperCase()}_PASSWORD`,
  namespace?: string,
): string {
  const perms = natsPermissions(namespace);
  const users = NATS_USERS.map((user) => {
    const p = perms[user];
    return [
      `    {`,
      `      user: ${quote(user)}`,
      `      password: ${password(user)}`,
      `      permissions: {`,
      `        publish: { allow: [${p.publish.map(quote).join(', ')}] }`,
      `        subscribe: { allow: [${p.subscribe.map(quote).join(', ')}] }`,
      ...(p.allowResponses ? [`        allow_responses: true`] : []),
      `      }`,
      `    }`,
    ].join('\n');
  });
  return `authorization {\n  users: [\n${users.join('\n')}\n  ]\n}\n`;
}

/**
 * The whole deploy/nats/nats.conf: one server with JetStream, monitoring for the compose healthcheck, and the
 * authorization block above (subjects without a namespace, as deployed).
 */
export function natsServerConfig(): string {
  return `# Generated by tools/nats-config-cli.ts from the contracts' subjects; edit that, not this file.
# NATS for docker-compose: one server with JetStream. (A three-node cluster for production is described in
# deploy/README.md.) Each service and the gateway connect as their own user (NATS_USER / NATS_PASSWORD); the
# passwords come from this server's environment ($NATS_<USER>_PASSWORD), never from this file.
server_name: influgentic-nats-1
port: 4222
# Monitoring endpoint; the compose healthcheck asks /healthz?js-enabled-only=true.
http_port: 8222

jetstream {
  # A named volume is mounted here, so streams and consumers survive a container restart.
  store_dir: /data/jetstream
  max_memory_store: 256MB
  max_file_store: 10GB
}

# Headroom for SSE chunks and batched analytics events.
max_payload: 8MB

${natsAuthorizationConfig(undefined, '')}`;
}
