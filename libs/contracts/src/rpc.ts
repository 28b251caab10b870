export interface Page<T> {
  data: T[];
  meta: { total: number | null; limit: number; next_cursor: string | null };
}

export const SERVICES = ['registry', 'campaigns', 'content', 'analytics', 'webhooks'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface HealthReply { service: ServiceName; status: 'ok' | 'degraded'; database: boolean; uptime_s: number }

/*
 * Commands. A service answering a public operation receives one typed command, not the HTTP request: the gateway has
 * validated and converted the path, query and body (with the classes of the operation's route) and put their fields
 * side by side — `CreateAgentBody`, `AgentIdParams & ListAgentsQuery`. The service trusts that shape and checks only its
 * own invariants (existence, ownership, state).
 */

/** A merge patch of one resource: the path's fields, and the validated patch apart (it may repeat read-only fields). */
export type UpdateCommand<P, B> = P & { changes: B };

/** The start of a live session: the operation's command and the session id the gateway picked for its chunks. */
export type StreamStartCommand<C> = C & { session_id: string };
