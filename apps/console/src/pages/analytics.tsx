import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnalyticsReport, Campaign, Job } from '@influgentic/sdk';
import { useConsole, useLiveEvents } from '../api/console-context';
import type { UserProblem } from '../api/problems';
import { addDays, formatCount, formatPercent, formatUsd } from '../format';
import { routeHref } from '../routes';
import { Field, PageHeader, ProblemMessage, toProblem } from '../ui/forms';
import { TimeseriesChart } from '../ui/timeseries-chart';
import { MilestonesPanel } from '../ui/milestones-panel';
import { milestoneFromEvent, milestoneRows, type MilestoneSeen } from '../milestones';

const today = () => new Date().toISOString().slice(0, 10);

/** A campaign's report: the daily timeseries, milestones, language and platform breakdowns, ROI, and an export to download. */
export function AnalyticsPage({ campaignId }: { campaignId?: string }) {
  const { client } = useConsole();
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [start, setStart] = useState(() => addDays(today(), -29));
  const [end, setEnd] = useState(today);
  const [report, setReport] = useState<AnalyticsReport>();
  const [problem, setProblem] = useState<UserProblem>();

  useEffect(() => { client.campaigns.list({ limit: 100 }).then((p) => setCampaigns(p.data), (err: unknown) => setProblem(toProblem(err))); }, [client]);
  const load = useCallback(() => {
    if (!campaignId) return Promise.resolve();
    return client.analytics.campaign(campaignId, { start, end }).then((r) => { setReport(r); setProblem(undefined); }, (err: unknown) => setProblem(toProblem(err)));
  }, [client, campaignId, start, end]);
  useEffect(() => { setReport(undefined); void load(); }, [load]);
  // Rollups land shortly after ingestion: refresh while the page is open, and at once on milestones and leads.
  useEffect(() => {
    const timer = setInterval(() => void load(), 4000);
    return () => clearInterval(timer);
  }, [load]);
  useLiveEvents(['analytics.milestone_reached', 'lead.captured'], () => void load());
  // Milestones announced while the page is open, kept with their moment (the report only has totals).
  const [seen, setSeen] = useState<MilestoneSeen[]>([]);
  useLiveEvents(['analytics.milestone_reached'], (event) => {
    const milestone = campaignId ? milestoneFromEvent(event, campaignId) : undefined;
    if (milestone) setSeen((list) => [...list.filter((m) => m.metric !== milestone.metric || m.threshold !== milestone.threshold), milestone]);
  });
  const milestones = useMemo(() => (report
    ? milestoneRows({ impressions: report.summary.total_impressions, leads: report.summary.leads_generated }, seen.filter((m) => m.campaignId === campaignId))
    : []), [report, seen, campaignId]);

  const series = useMemo(() => (report ? [
    { label: 'Impressions', values: report.timeseries.map((p) => p.impressions), color: '#3d3bb5' },
    { label: 'Engagements', values: report.timeseries.map((p) => p.engagements), color: '#0f7b5f' },
    { label: 'Leads', values: report.timeseries.map((p) => p.leads), color: '#b5483b' },
  ] : []), [report]);
  const dates = useMemo(() => report?.timeseries.map((p) => p.date) ?? [], [report]);
  const s = report?.summary;

  return (
    <section>
      <PageHeader title="Analytics" />
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Report options">
        <Field label="Campaign">
          <select value={campaignId ?? ''} onChange={(e) => { window.location.hash = e.target.value ? routeHref('analytics', e.target.value) : routeHref('analytics'); }}>
            <option value="">Choose a campaign</option>
            {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <Field label="From"><input type="date" value={start} onChange={(e) => setStart(e.target.value)} /></Field>
        <Field label="To"><input type="date" value={end} onChange={(e) => setEnd(e.target.value)} /></Field>
        <button type="button" className="secondary" onClick={() => void load()}>Refresh</button>
      </form>
      <ProblemMessage problem={problem} />
      {!campaignId ? <p className="muted">Choose a campaign to see its report.</p> : null}
      {report && s ? (
        <>
          <dl className="tiles" data-testid="analytics-summary">
            <div><dt>Impressions</dt><dd data-testid="total-impressions">{formatCount(s.total_impressions)}</dd></div>
            <div><dt>Engagements</dt><dd>{formatCount(s.total_engagements)}</dd></div>
            <div><dt>Engagement rate</dt><dd>{formatPercent(s.engagement_rate, 2)}</dd></div>
            <div><dt>Leads</dt><dd>{formatCount(s.leads_generated)}</dd></div>
            <div><dt>Conversions</dt><dd>{formatCount(s.conversions)}</dd></div>
            <div><dt>Revenue</dt><dd>{formatUsd(s.estimated_revenue_usd)}</dd></div>
            <div><dt>Spend</dt><dd>{formatUsd(s.spend_usd)}</dd></div>
            <div><dt>ROI</dt><dd data-testid="roi">{s.roi_multiplier === null ? 'no spend yet' : `${s.roi_multiplier.toFixed(2)}×`}</dd></div>
          </dl>
          <TimeseriesChart title="Daily results" dates={dates} series={series} />
          <MilestonesPanel rows={milestones} />
          <div className="two-columns">
            <Breakdown title="By language" rows={report.breakdown_by_language} />
            <Breakdown title="By platform" rows={report.breakdown_by_platform} />
          </div>
          <ExportDownload campaignId={campaignId as string} start={start} end={end} />
        </>
      ) : null}
    </section>
  );
}

function Breakdown({ title, rows }: { title: string; rows: AnalyticsReport['breakdown_by_language'] }) {
  const entries = Object.entries(rows);
  return (
    <div>
      <h2>{title}</h2>
      {entries.length === 0 ? <p className="muted">No data yet.</p> : (
        <table className="table">
          <thead><tr><th scope="col">{title.replace('By ', '')}</th><th scope="col">Impressions</th><th scope="col">Engagements</th><th scope="col">Leads</th></tr></thead>
          <tbody>
            {entries.map(([key, counts]) => {
              const c = counts as unknown as Record<string, number | undefined>;
              return <tr key={key}><th scope="row">{key}</th><td>{formatCount(c.impressions)}</td><td>{formatCount(c.engagements)}</td><td>{formatCount(c.leads)}</td></tr>;
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ExportDownload({ campaignId, start, end }: { campaignId: string; start: string; end: string }) {
  const { client } = useConsole();
  const [job, setJob] = useState<Job>();
  const [file, setFile] = useState<{ url: string; name: string }>();
  const [problem, setProblem] = useState<UserProblem>();
  useEffect(() => () => { if (file) URL.revokeObjectURL(file.url); }, [file]);

  const run = async () => {
    setProblem(undefined);
    setFile(undefined);
    try {
      let current: Job = await client.analytics.exports.create({ format: 'csv', start, end, campaign_id: campaignId });
      setJob(current);
      while (current.status === 'queued' || current.status === 'processing') {
        await new Promise((r) => setTimeout(r, 500));
        current = await client.jobs.retrieve(current.id);
        setJob(current);
      }
      const link = typeof current.result?.download_url === 'string' ? new URL(current.result.download_url, window.location.origin) : undefined;
      if (current.status !== 'done' || !link) throw Object.assign(new Error(current.error?.message ?? 'The export did not finish'), { code: current.error?.code });
      const text = await client.analytics.exports.download(current.id, { expires: Number(link.searchParams.get('expires')), signature: link.searchParams.get('signature') ?? '' });
      setFile({ url: URL.createObjectURL(new Blob([text], { type: 'text/csv' })), name: `${campaignId}-${start}-${end}.csv` });
    } catch (err) {
      setProblem(toProblem(err));
    }
  };

  return (
    <div className="card">
      <h2>Export</h2>
      <p>Raw events of this campaign and period as CSV.</p>
      <button type="button" onClick={() => void run()}>Prepare export</button>
      {job && !file ? <p role="status">Export {job.status}, {job.progress}%</p> : null}
      {file ? <p><a href={file.url} download={file.name} data-testid="export-link">Download {file.name}</a></p> : null}
      <ProblemMessage problem={problem} />
    </div>
  );
}
