import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AgentSummary, ListAgentsParams } from '@influgentic/sdk';
import { useConsole } from '../api/console-context';
import type { UserProblem } from '../api/problems';
import { formatCount, formatPercent, humanize } from '../format';
import { routeHref } from '../routes';
import { Field, PageHeader, ProblemMessage, toProblem } from '../ui/forms';

export const CATEGORIES = ['automotive', 'fashion_lifestyle', 'sustainable_fashion', 'beauty', 'fitness', 'food', 'travel', 'tech', 'finance', 'gaming',
  'health_wellness', 'home_living', 'parenting', 'sports', 'music', 'education', 'pets', 'entertainment'] as const;
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ja', 'zh', 'ko', 'hi', 'ar'] as const;
const SORTS = ['reach', 'engagement', 'campaigns', 'rating'] as const;
const PAGE_SIZE = 50;
const ROW_HEIGHT = 64;

interface Filters { q: string; category: string; language: string; sort: string }

/** The agent catalog: filters, full-text search, sorts; a virtualized list that fetches the next page as you scroll. */
export function CatalogPage({ query }: { query: Record<string, string> }) {
  const { client } = useConsole();
  const [filters, setFilters] = useState<Filters>({ q: query.q ?? '', category: query.category ?? '', language: query.language ?? '', sort: query.sort ?? 'reach' });
  const [typed, setTyped] = useState(filters.q);
  const [agents, setAgents] = useState<AgentSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<UserProblem>();
  // The filters the rows on screen answer; the browser test waits on it to time a filter change.
  const [shownFor, setShownFor] = useState('');
  const generation = useRef(0);
  const filterKey = JSON.stringify(filters);

  const params = useMemo<ListAgentsParams>(() => ({
    limit: PAGE_SIZE, sort: filters.sort as ListAgentsParams['sort'],
    ...(filters.q ? { q: filters.q } : {}), ...(filters.category ? { category: filters.category as ListAgentsParams['category'] } : {}),
    ...(filters.language ? { language: filters.language as ListAgentsParams['language'] } : {}),
  }), [filters]);

  // Search as the user types, once they pause.
  useEffect(() => {
    if (typed === filters.q) return;
    const timer = setTimeout(() => setFilters((f) => ({ ...f, q: typed })), 200);
    return () => clearTimeout(timer);
  }, [typed, filters.q]);

  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    setProblem(undefined);
    client.agents.list(params).then((page) => {
      if (mine !== generation.current) return;
      setAgents(page.data);
      setCursor(page.meta.next_cursor);
      setShownFor(filterKey);
    }, (err: unknown) => {
      if (mine !== generation.current) return;
      setAgents([]);
      setCursor(null);
      setProblem(toProblem(err));
      setShownFor(filterKey);
    }).finally(() => { if (mine === generation.current) setLoading(false); });
  }, [client, params, filterKey]);

  const loadMore = () => {
    if (loading || !cursor) return;
    const mine = generation.current;
    setLoading(true);
    client.agents.list({ ...params, cursor }).then((page) => {
      if (mine !== generation.current) return;
      setAgents((prev) => [...prev, ...page.data]);
      setCursor(page.meta.next_cursor);
    }, (err: unknown) => setProblem(toProblem(err))).finally(() => { if (mine === generation.current) setLoading(false); });
  };

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: agents.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;
  useEffect(() => {
    if (lastIndex >= agents.length - 10 && cursor && !loading) loadMore();
    // loadMore reads the latest state; these are what decide whether another page is due.
  }, [lastIndex, agents.length, cursor, loading]);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <section>
      <PageHeader title="Agent catalog">
        <a className="button" href={routeHref('build')}>Build an agent</a>
      </PageHeader>
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); set({ q: typed }); }}>
        <Field label="Search">
          <input type="search" value={typed} placeholder="Name, expertise, category…" onChange={(e) => setTyped(e.target.value)} />
        </Field>
        <Field label="Category">
          <select value={filters.category} onChange={(e) => set({ category: e.target.value })}>
            <option value="">All categories</option>
            {CATEGORIES.map((c) => <option key={c} value={c}>{humanize(c)}</option>)}
          </select>
        </Field>
        <Field label="Language">
          <select value={filters.language} onChange={(e) => set({ language: e.target.value })}>
            <option value="">Any language</option>
            {LANGUAGES.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </Field>
        <Field label="Sort by">
          <select value={filters.sort} onChange={(e) => set({ sort: e.target.value })}>
            {SORTS.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
          </select>
        </Field>
      </form>
      <ProblemMessage problem={problem} />
      <p className="muted" aria-live="polite">{loading ? 'Loading agents…' : `${agents.length}${cursor ? '+' : ''} agents`}</p>
      <div ref={scrollRef} className="virtual-scroll" tabIndex={0} aria-label="Agents" data-testid="catalog-list"
        data-shown-for={shownFor} data-count={agents.length}>
        <ul style={{ height: virtualizer.getTotalSize() }} className="virtual-inner">
          {items.map((row) => {
            const agent = agents[row.index];
            return (
              <li key={agent.id} className="agent-row" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                <a href={routeHref('agent', agent.id)} className="agent-name">{agent.name}</a>
                <span className="muted">{humanize(agent.category)} · {agent.languages.join(', ')}</span>
                <span className="agent-stats">
                  <span>Reach {formatCount(agent.reach)}</span>
                  <span>Engagement {formatPercent(agent.engagement_rate)}</span>
                  <span>Rating {agent.rating}</span>
                  <span className={`tier tier-${agent.tier}`}>{agent.tier}</span>
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
