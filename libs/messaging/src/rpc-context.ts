import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { headers as natsHeaders, type MsgHdrs } from 'nats';
import { HEADER, type RequestContext, type Scope } from '@influgentic/contracts';

/** Serializes a request context into NATS headers (plus the active trace context). */
export function contextToHeaders(ctx: RequestContext, trace: Record<string, string> = {}): MsgHdrs {
  const h = natsHeaders();
  h.set(HEADER.requestId, ctx.requestId);
  h.set(HEADER.organizationId, ctx.organizationId);
  h.set(HEADER.livemode, ctx.livemode ? 'true' : 'false');
  if (ctx.agentId) h.set(HEADER.agentId, ctx.agentId);
  if (ctx.keyId) h.set(HEADER.keyId, ctx.keyId);
  if (ctx.scopes.length) h.set(HEADER.scopes, ctx.scopes.join(' '));
  for (const [k, v] of Object.entries(trace)) h.set(k, v);
  return h;
}

export function headersToRecord(h: MsgHdrs | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  for (const key of h.keys()) out[key.toLowerCase()] = h.get(key);
  return out;
}

export function contextFromHeaders(h: Record<string, string>): RequestContext {
  return {
    requestId: h[HEADER.requestId] || 'unknown',
    organizationId: h[HEADER.organizationId] || '',
    // Never "missing means live": requests without the header are refused before they reach a handler.
    livemode: h[HEADER.livemode] === 'true',
    agentId: h[HEADER.agentId] || undefined,
    keyId: h[HEADER.keyId] || undefined,
    scopes: (h[HEADER.scopes] ? h[HEADER.scopes].split(' ') : []) as Scope[],
    traceparent: h[HEADER.traceparent],
  };
}

/**
 * Why a request cannot be served on behalf of a tenant (no organization, or no explicit livemode), or null when it
 * can. Services refuse such a message rather than guess, since anyone able to publish on the bus could send one.
 */
export function tenancyProblem(h: Record<string, string>): string | null {
  if (!/^org_[A-Za-z0-9_]{1,251}$/.test(h[HEADER.organizationId] ?? '')) return `the ${HEADER.organizationId} header is missing or malformed`;
  const livemode = h[HEADER.livemode];
  if (livemode !== 'true' && livemode !== 'false') return `the ${HEADER.livemode} header must be "true" or "false"`;
  return null;
}

/** Handler parameter: the caller's RequestContext, read from the NATS headers of the request. */
export const Caller = createParamDecorator((_data: unknown, exec: ExecutionContext): RequestContext => {
  const natsCtx = exec.switchToRpc().getContext<NatsContext>();
  return contextFromHeaders(headersToRecord(natsCtx.getHeaders()));
});
