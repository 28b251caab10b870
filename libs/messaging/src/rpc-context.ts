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
    livemode: h[HEADER.livemode] !== 'false',
    agentId: h[HEADER.agentId] || undefined,
    scopes: (h[HEADER.scopes] ? h[HEADER.scopes].split(' ') : []) as Scope[],
    traceparent: h[HEADER.traceparent],
  };
}

/** Handler parameter: the caller's RequestContext, read from the NATS headers of the request. */
export const Caller = createParamDecorator((_data: unknown, exec: ExecutionContext): RequestContext => {
  const natsCtx = exec.switchToRpc().getContext<NatsContext>();
  return contextFromHeaders(headersToRecord(natsCtx.getHeaders()));
});
