import { parseRoute, routeHref } from './routes';

describe('hash routes', () => {
  it('reads the page, id and query', () => {
    expect(parseRoute('#/agent/agent_velo_automotive?tab=x')).toEqual({ page: 'agent', id: 'agent_velo_automotive', query: { tab: 'x' } });
    expect(parseRoute('#/catalog?q=velo&sort=reach')).toEqual({ page: 'catalog', query: { q: 'velo', sort: 'reach' } });
  });

  it('falls back to the catalog for empty or unknown hashes', () => {
    expect(parseRoute('').page).toBe('catalog');
    expect(parseRoute('#/nowhere/x').page).toBe('catalog');
    expect(parseRoute('#/nowhere/x').id).toBeUndefined();
  });

  it('round-trips through routeHref, dropping empty values', () => {
    const href = routeHref('analytics', 'camp_1/2', { granularity: 'day', empty: '', missing: undefined });
    expect(href).toBe('#/analytics/camp_1%2F2?granularity=day');
    expect(parseRoute(href)).toEqual({ page: 'analytics', id: 'camp_1/2', query: { granularity: 'day' } });
  });
});
