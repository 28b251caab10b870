import { useEffect, useState } from 'react';
import type { Agent } from '@influgentic/sdk';
import { useConsole, useLiveEvents } from '../api/console-context';
import type { UserProblem } from '../api/problems';
import { formatCount, formatPercent, formatUsd, humanize } from '../format';
import { routeHref } from '../routes';
import { PageHeader, ProblemMessage, toProblem } from '../ui/forms';

/** One agent: who it is, what it can do, how it performs, what it costs. */
export function AgentPage({ id }: { id: string }) {
  const { client } = useConsole();
  const [agent, setAgent] = useState<Agent>();
  const [problem, setProblem] = useState<UserProblem>();
  const load = () => client.agents.retrieve(id).then(setAgent, (err: unknown) => setProblem(toProblem(err)));
  useEffect(() => { void load(); }, [client, id]);
  // A builder's agent finishing its training changes what it can do.
  useLiveEvents(['agent.build_complete'], (e) => { if (e.data.id === id || e.data.agent_id === id) void load(); });

  if (problem) return <><PageHeader title="Agent" /><ProblemMessage problem={problem} /></>;
  if (!agent) return <><PageHeader title="Agent" /><p>Loading…</p></>;
  return (
    <article>
      <PageHeader title={agent.name}>
        <a className="button" href={routeHref('campaigns', undefined, { agent: agent.id })}>Create a campaign</a>
        <a className="button secondary" href={routeHref('studio', undefined, { agent: agent.id })}>Generate content</a>
      </PageHeader>
      <p className="lead">{agent.headline}</p>
      <dl className="facts">
        <dt>Category</dt><dd>{humanize(agent.category)}{agent.subcategories.length ? ` (${agent.subcategories.join(', ')})` : ''}</dd>
        <dt>Status</dt><dd>{agent.status}{agent.failure_reason ? ` — ${agent.failure_reason}` : ''}</dd>
        <dt>Tier</dt><dd>{agent.tier}</dd>
        <dt>Languages</dt><dd>{agent.languages.join(', ')}</dd>
        <dt>Use cases</dt><dd>{agent.use_cases.map(humanize).join(', ')}</dd>
        <dt>Content types</dt><dd>{agent.capabilities.content_types.map(humanize).join(', ')}</dd>
        <dt>Tones</dt><dd>{agent.capabilities.tone_modes.map(humanize).join(', ') || '—'}</dd>
        <dt>Expertise</dt><dd>{agent.expertise_domains.join(', ') || '—'}</dd>
        <dt>Audience</dt><dd>{agent.target_audience ?? '—'}</dd>
        <dt>Reach</dt><dd>{formatCount(agent.reach)}</dd>
        <dt>Engagement rate</dt><dd>{formatPercent(agent.performance.avg_engagement_rate)}</dd>
        <dt>Conversion rate</dt><dd>{formatPercent(agent.performance.avg_conversion_rate)}</dd>
        <dt>Campaigns completed</dt><dd>{agent.performance.campaigns_completed}</dd>
        <dt>Rating</dt><dd>{agent.rating}</dd>
        <dt>Pricing</dt><dd>{humanize(agent.pricing.model)}: {formatUsd(agent.pricing.base_rate_usd)} base, {formatUsd(agent.pricing.per_item_usd)} per item</dd>
      </dl>
    </article>
  );
}
