import { context } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';
import { ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import type { FastifyInstance } from 'fastify';

/** A Fastify route written the way OpenAPI and trace viewers write it: `/v1/agents/:id` → `/v1/agents/{id}`. */
export function routeTemplate(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, '{$1}');
}

/**
 * Names the HTTP server span of each request after its route (`GET /v1/agents/{id}`, with `http.route`), so traces
 * group by operation rather than by method alone, and never by a raw path that names an id. Requests that no route
 * answers keep the method-only name. When tracing is off there is no span and this costs one context lookup.
 */
export function nameServerSpansByRoute(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (req, _reply, done) => {
    const url = req.routeOptions.url;
    const rpc = url ? getRPCMetadata(context.active()) : undefined;
    if (url && rpc?.type === RPCType.HTTP) {
      const route = routeTemplate(url);
      // The HTTP instrumentation reads the route back when the response ends (for the span and its duration metric).
      rpc.route = route;
      rpc.span.updateName(`${req.method} ${route}`);
      rpc.span.setAttribute(ATTR_HTTP_ROUTE, route);
    }
    done();
  });
}
