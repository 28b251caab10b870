import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  AnalyticsSubjects, DomainError, ExportDownloadParams, ExportDownloadQuery, JobSubjects, type ExportFile, type Scope,
} from '@influgentic/contracts';
import type { BusClient } from '@influgentic/messaging';
import type { LocalCall, RouteDef } from './route';

export interface AnalyticsExportDeps { bus: BusClient; rpcTimeoutMs: number }

/** Where the analytics service writes finished exports (the same setting it reads). */
export function exportsDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.ANALYTICS_EXPORTS_DIR ?? join('.data', 'exports'));
}

const EXPORT_FILE = /^[a-z0-9_]+\.(csv|json)$/;

/**
 * `GET /v1/analytics/exports/{id}/download?expires&signature`: the link an export job's result holds. The API key is
 * required as everywhere, and the analytics service checks the signature, its expiry and that the export belongs to
 * the caller's organization and mode before the gateway streams the file.
 */
export function analyticsExportRoutes(deps: AnalyticsExportDeps): RouteDef[] {
  return [{
    method: 'GET', path: '/v1/analytics/exports/:id/download', tag: 'analytics', auth: 'key', scope: 'analytics:read', rateClass: 'read', status: 200,
    summary: 'Download a finished export (the signed link in its job result; expires after 1 hour)',
    params: ExportDownloadParams, query: ExportDownloadQuery, raw: true, fileTypes: ['text/csv'],
    local: async ({ ctx, params, command, reply }) => {
      const f = await deps.bus.request<ExportFile>(AnalyticsSubjects.exportDownload, command, ctx!, deps.rpcTimeoutMs);
      if (!EXPORT_FILE.test(f.file)) throw new DomainError('internal_error', 'The export could not be served');
      const path = join(exportsDirectory(), f.file);
      const size = await stat(path).then((s) => s.size, () => null);
      if (size === null) throw DomainError.notFound('Export', params.id);
      reply.header('Content-Type', f.content_type).header('Content-Length', String(size)).header('Cache-Control', 'private, no-store')
        .header('Content-Disposition', `attachment; filename="${f.filename}"`).header('X-Content-Type-Options', 'nosniff');
      // Streamed from disk straight to the socket (the file is never held in memory), with the headers set so far.
      reply.hijack();
      reply.raw.writeHead(200, reply.getHeaders() as Record<string, string>);
      await pipeline(createReadStream(path), reply.raw).catch(() => reply.raw.destroy());
    },
  }];
}

const isNotFound = (err: unknown) => err instanceof DomainError && err.code === 'not_found';
/** No analytics replica subscribed at all (an installation without it): it holds no jobs. A slow one stays a 503. */
const nobodyListening = (err: unknown) => err instanceof DomainError && err.code === 'service_unavailable' && err.detail === 'no service is listening';

/**
 * Jobs live with the service that runs them: the content service's (week plans …) and the analytics service's
 * (exports). `/v1/jobs/{id}` asks content first, then analytics when content has no such job, each only when the key
 * holds a scope of that service. The route rows stay as they are (documentation, scopes); only their handler changes.
 */
export function withAnalyticsJobs(jobRoutes: RouteDef[], deps: AnalyticsExportDeps): RouteDef[] {
  return jobRoutes.map((route) => {
    const analyticsSubject = route.subject === JobSubjects.get ? AnalyticsSubjects.jobGet : route.subject === JobSubjects.cancel ? AnalyticsSubjects.jobCancel : null;
    if (!analyticsSubject || !route.subject) return route;
    const contentSubject = route.subject;
    const contentScopes: Scope[] = route.subject === JobSubjects.get ? ['content:read', 'content:generate'] : ['content:write', 'content:generate'];
    // Reading a job takes either analytics scope; cancelling one takes the scope that starts exports.
    const analyticsScopes: Scope[] = route.subject === JobSubjects.get ? ['analytics:read', 'analytics:write'] : ['analytics:write'];
    const scopes = typeof route.scope === 'object' ? route.scope.anyOf : route.scope ? [route.scope] : [];
    const local = async ({ ctx, principal, params, command: payload }: LocalCall) => {
      const has = (wanted: Scope[]) => wanted.some((s) => principal!.scopes.includes(s));
      if (has(contentScopes)) {
        try {
          return await deps.bus.request(contentSubject, payload, ctx!, deps.rpcTimeoutMs);
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      }
      if (has(analyticsScopes)) {
        try {
          return await deps.bus.request(analyticsSubject, payload, ctx!, deps.rpcTimeoutMs);
        } catch (err) {
          if (!nobodyListening(err)) throw err;
        }
      }
      throw DomainError.notFound('Job', params.id);
    };
    return { ...route, scope: { anyOf: [...new Set([...scopes, ...analyticsScopes])] }, subject: undefined, local };
  });
}
