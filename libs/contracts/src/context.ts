import type { Scope } from './scopes';

/** Who is asking and on whose behalf; travels in NATS headers on every hop. */
export interface RequestContext {
  requestId: string;
  organizationId: string;
  livemode: boolean;
  /** Narrowing from X-Influgentic-Agent. */
  agentId?: string;
  /** The API key behind the request (decisions are attributed to it); absent for service-internal work. */
  keyId?: string;
  scopes: Scope[];
  traceparent?: string;
}

export const HEADER = {
  requestId: 'x-request-id',
  organizationId: 'x-influgentic-org',
  livemode: 'x-influgentic-livemode',
  agentId: 'x-influgentic-agent',
  keyId: 'x-influgentic-key',
  scopes: 'x-influgentic-scopes',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;

/** A service-internal context (scheduler, consumer) that is not tied to an API caller. */
export function systemContext(organizationId: string, livemode: boolean, requestId = 'system'): RequestContext {
  return { requestId, organizationId, livemode, scopes: [] };
}
