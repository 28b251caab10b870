import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { ConsoleProvider, useConsole } from './api/console-context';
import { forgetKey, loadKey, maskKey, saveKey } from './api/session';
import { KeyEntryPage } from './pages/key-entry';
import { CatalogPage } from './pages/catalog';
import { AgentPage } from './pages/agent';
import { CampaignsPage } from './pages/campaigns';
import { StudioPage } from './pages/studio';
import { ReviewPage } from './pages/review';
import { CalendarPage } from './pages/calendar';
import { WebhooksPage } from './pages/webhooks';
import { ApiKeysPage } from './pages/api-keys';
import { VideosPage } from './pages/videos';
import { routeHref, type PageName, type Route } from './routes';
import { useRoute } from './use-route';

// The chart library is loaded with the analytics page only, keeping it out of the first load.
const AnalyticsPage = lazy(() => import('./pages/analytics').then((m) => ({ default: m.AnalyticsPage })));
// The builder is visited rarely, so it loads when first opened.
const BuilderPage = lazy(() => import('./pages/builder').then((m) => ({ default: m.BuilderPage })));

const NAV: Array<{ page: PageName; label: string }> = [
  { page: 'catalog', label: 'Catalog' },
  { page: 'build', label: 'Agent Builder' },
  { page: 'campaigns', label: 'Campaigns' },
  { page: 'studio', label: 'Content studio' },
  { page: 'review', label: 'Review queue' },
  { page: 'calendar', label: 'Calendar' },
  { page: 'analytics', label: 'Analytics' },
  { page: 'videos', label: 'Videos' },
  { page: 'webhooks', label: 'Webhooks' },
  { page: 'keys', label: 'API keys' },
];

export function App() {
  const [apiKey, setApiKey] = useState(() => loadKey(window.sessionStorage));
  const signOut = useCallback(() => {
    forgetKey(window.sessionStorage);
    setApiKey(undefined);
  }, []);
  if (!apiKey) {
    return <KeyEntryPage onKey={(key) => { saveKey(window.sessionStorage, key); setApiKey(key.trim()); }} />;
  }
  return (
    <ConsoleProvider apiKey={apiKey} signOut={signOut}>
      <Shell />
    </ConsoleProvider>
  );
}

function Shell() {
  const route = useRoute();
  const { mode, apiKey, signOut, streamState } = useConsole();
  const mainRef = useRef<HTMLElement>(null);
  // A new page moves focus to its heading, as a page load would for a screen reader.
  useEffect(() => {
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route.page, route.id]);
  const current = route.page === 'agent' ? 'catalog' : route.page;
  return (
    <div className={`shell mode-${mode}`}>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>Skip to content</a>
      <header className="topbar">
        <span className="brand">Influgentic</span>
        <span className={`mode-badge mode-badge-${mode}`} data-testid="mode-badge">
          {mode === 'live' ? 'Live mode' : 'Sandbox mode'}
        </span>
        <span className="stream-state" aria-live="polite">Events: {streamState}</span>
        <span className="key-hint" title="The API key of this tab">{maskKey(apiKey)}</span>
        <button type="button" className="secondary" onClick={signOut}>Forget key</button>
      </header>
      <nav aria-label="Console" className="sidenav">
        <ul>
          {NAV.map((item) => (
            <li key={item.page}>
              <a href={routeHref(item.page)} aria-current={current === item.page ? 'page' : undefined}>{item.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<p>Loading…</p>}>
          <PageFor route={route} />
        </Suspense>
      </main>
    </div>
  );
}

function PageFor({ route }: { route: Route }) {
  switch (route.page) {
    case 'agent': return <AgentPage id={route.id ?? ''} />;
    case 'campaigns': return <CampaignsPage query={route.query} />;
    case 'studio': return <StudioPage query={route.query} />;
    case 'review': return <ReviewPage />;
    case 'calendar': return <CalendarPage query={route.query} />;
    case 'analytics': return <AnalyticsPage campaignId={route.id} />;
    case 'webhooks': return <WebhooksPage />;
    case 'keys': return <ApiKeysPage />;
    case 'videos': return <VideosPage query={route.query} />;
    case 'build': return <BuilderPage />;
    default: return <CatalogPage query={route.query} />;
  }
}
