import { ContentIdParams, ContentWorkflowSubjects, type PublishedPost, type RequestContext } from '@influgentic/contracts';
import type { BusClient } from '@influgentic/messaging';
import type { RouteDef } from './route';

export interface PublishedRouteDeps { bus: BusClient; rpcTimeoutMs: number }

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The post as the local publisher put it out: a small standalone page, no scripts, nothing loaded from elsewhere. */
export function renderPublishedPage(post: PublishedPost): string {
  const title = post.title ?? `${post.platform ?? 'Post'} by ${post.agent_id}`;
  const caption = escapeHtml(post.caption).replace(/\n/g, '<br>');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#111}
.meta{color:#555;font-size:.875rem}article{border:1px solid #ddd;border-radius:.75rem;padding:1rem 1.25rem}</style></head>
<body><article><p class="meta">${escapeHtml(post.platform ?? 'post')} · ${escapeHtml(post.agent_id)} · <time datetime="${escapeHtml(post.published_at)}">${escapeHtml(post.published_at)}</time></p>
${post.title ? `<h1>${escapeHtml(post.title)}</h1>` : ''}<p>${caption}</p></article><p class="meta">Post ${escapeHtml(post.post_id)}</p></body></html>`;
}

/**
 * `GET /published/{id}`: where the default publisher's `post_url` points. Public, like the post itself; an item that
 * is not (or no longer) published is a 404 problem.
 */
export function publishedRoutes(deps: PublishedRouteDeps): RouteDef[] {
  return [{
    method: 'GET', path: '/published/:id', tag: 'content', auth: 'public', status: 200, params: ContentIdParams, html: true, raw: true,
    summary: 'The public page of a post published by the local publisher',
    local: async ({ command, request, reply }) => {
      // The subject is tenant-free: a published post is found by its id alone.
      const ctx: RequestContext = { requestId: request.id, organizationId: '', livemode: false, scopes: [] };
      const post = await deps.bus.request<PublishedPost>(ContentWorkflowSubjects.publishedPage, command, ctx, deps.rpcTimeoutMs);
      reply.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'").header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'public, max-age=60').code(200).type('text/html; charset=utf-8').send(renderPublishedPage(post));
    },
  }];
}
