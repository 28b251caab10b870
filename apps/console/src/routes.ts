// Hash routes (`#/catalog?q=velo`): the gateway serves one index.html, and client routes never reach the server.

export const PAGES = ['catalog', 'agent', 'campaigns', 'studio', 'review', 'calendar', 'analytics', 'webhooks', 'keys', 'videos', 'build'] as const;
export type PageName = (typeof PAGES)[number];

export interface Route {
  page: PageName;
  /** The path segment after the page, e.g. the agent id of `#/agent/agent_velo_automotive`. */
  id?: string;
  query: Record<string, string>;
}

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const [path, search = ''] = text.split('?', 2);
  const [first, ...rest] = path.split('/').filter(Boolean).map(decodeSegment);
  const page = (PAGES as readonly string[]).includes(first ?? '') ? (first as PageName) : 'catalog';
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) query[k] = v;
  const id = page === first && rest.length ? rest.join('/') : undefined;
  return { page, ...(id ? { id } : {}), query };
}

export function routeHref(page: PageName, id?: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
  const search = params.toString();
  return `#/${page}${id ? `/${encodeURIComponent(id)}` : ''}${search ? `?${search}` : ''}`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
