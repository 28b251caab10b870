import { useEffect, useState, type FormEvent } from 'react';
import type { Campaign, CreateCampaignParams } from '@influgentic/sdk';

type CampaignConfig = NonNullable<CreateCampaignParams['config']>;
import { useConsole, useLiveEvents } from '../api/console-context';
import type { UserProblem } from '../api/problems';
import { campaignTypesFor, outputFormatsFor } from '../campaign-options';
import { formatCount, formatDateTime, formatUsd, humanize, spendPercent } from '../format';
import { routeHref } from '../routes';
import { AgentIdField, useAgent } from '../ui/agent-picker';
import { CheckboxGroup, Field, PageHeader, ProblemMessage, toProblem } from '../ui/forms';

/** Campaigns: the list with lifecycle actions and spend, and a create form that offers only what the agent supports. */
export function CampaignsPage({ query }: { query: Record<string, string> }) {
  const { client } = useConsole();
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [problem, setProblem] = useState<UserProblem>();
  const [busy, setBusy] = useState<string>();
  const refresh = () => client.campaigns.list({ limit: 100 }).then((p) => setCampaigns(p.data), (err: unknown) => setProblem(toProblem(err)));
  useEffect(() => { void refresh(); }, [client]);
  useLiveEvents(['campaign.*'], () => void refresh());

  const act = async (campaign: Campaign, action: 'pause' | 'resume' | 'cancel') => {
    setBusy(campaign.id);
    setProblem(undefined);
    try {
      const updated = await client.campaigns[action](campaign.id);
      setCampaigns((list) => list.map((c) => (c.id === updated.id ? updated : c)));
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section>
      <PageHeader title="Campaigns" />
      <CreateCampaign initialAgent={query.agent ?? ''} onCreated={(c) => setCampaigns((list) => [c, ...list.filter((x) => x.id !== c.id)])} />
      <h2>Your campaigns</h2>
      <ProblemMessage problem={problem} />
      {campaigns.length === 0 ? <p className="muted">No campaigns yet.</p> : (
        <table className="table" data-testid="campaign-table">
          <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Agent</th><th scope="col">Budget and spend</th><th scope="col">Results</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {campaigns.map((c) => {
              const pct = spendPercent(c.spent_usd, c.budget_usd);
              return (
                <tr key={c.id} data-campaign-id={c.id}>
                  <th scope="row">{c.name}<div className="muted small">{humanize(c.type)} · ends {formatDateTime(c.ends_at)}</div></th>
                  <td><span className={`status status-${c.status}`} data-testid="campaign-status">{c.status}</span></td>
                  <td><a href={routeHref('agent', c.agent_id)}>{c.agent_id}</a></td>
                  <td>
                    {formatUsd(c.spent_usd)} of {c.budget_usd === null ? 'no budget' : formatUsd(c.budget_usd)}
                    {pct !== undefined ? <progress max={100} value={pct} aria-label={`Budget spent for ${c.name}`}>{pct.toFixed(0)}%</progress> : null}
                  </td>
                  <td className="small">{formatCount(c.performance.impressions)} impressions · {formatCount(c.performance.leads)} leads</td>
                  <td className="actions">
                    {c.status === 'active' ? <button type="button" disabled={busy === c.id} onClick={() => void act(c, 'pause')}>Pause</button> : null}
                    {c.status === 'paused' ? <button type="button" disabled={busy === c.id} onClick={() => void act(c, 'resume')}>Resume</button> : null}
                    {c.status !== 'completed' && c.status !== 'cancelled'
                      ? <button type="button" className="danger" disabled={busy === c.id} onClick={() => void act(c, 'cancel')}>Cancel</button> : null}
                    <a href={routeHref('analytics', c.id)}>Analytics</a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CreateCampaign({ initialAgent, onCreated }: { initialAgent: string; onCreated: (c: Campaign) => void }) {
  const { client } = useConsole();
  const { agentId, setAgentId, agent, error: agentError } = useAgent(initialAgent);
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  const [languages, setLanguages] = useState<string[]>([]);
  const [formats, setFormats] = useState<string[]>([]);
  const [budget, setBudget] = useState('1000');
  const [product, setProduct] = useState('');
  const [compliance, setCompliance] = useState('standard');
  const [days, setDays] = useState('30');
  const [problem, setProblem] = useState<UserProblem>();
  const [created, setCreated] = useState<Campaign>();
  const [sending, setSending] = useState(false);

  const types = agent ? campaignTypesFor(agent) : [];
  const formatOptions = agent ? outputFormatsFor(agent) : [];
  // A new agent resets what it may not support.
  useEffect(() => {
    if (!agent) return;
    setType((t) => (campaignTypesFor(agent).includes(t as never) ? t : campaignTypesFor(agent)[0]));
    setLanguages((l) => { const kept = l.filter((x) => agent.languages.includes(x)); return kept.length ? kept : agent.languages.slice(0, 1); });
    setFormats((f) => f.filter((x) => outputFormatsFor(agent).includes(x)));
  }, [agent]);

  const fieldError = (name: string) => problem?.fields[name];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setSending(true);
    try {
      const params: CreateCampaignParams = {
        agent_id: agentId.trim(), name, type: type as CreateCampaignParams['type'],
        ...(budget.trim() ? { budget_usd: Number(budget) } : {}),
        ...(product.trim() ? { product: { name: product.trim() } } : {}),
        config: {
          languages: languages as CampaignConfig['languages'], compliance_mode: compliance as CampaignConfig['compliance_mode'],
          ...(formats.length ? { output_formats: formats as CampaignConfig['output_formats'] } : {}),
          ...(days.trim() ? { duration_days: Number(days) } : {}),
        },
      };
      const campaign = await client.campaigns.create(params);
      setCreated(campaign);
      setName('');
      onCreated(campaign);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setSending(false);
    }
  };

  const shown = ['agent_id', 'name', 'type', 'budget_usd', 'product.name', 'product', 'config.languages', 'config.output_formats', 'config.compliance_mode', 'config.duration_days'];
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate aria-label="Create a campaign">
      <h2>Create a campaign</h2>
      <AgentIdField value={agentId} onChange={setAgentId} agent={agent} error={agentError} fieldError={fieldError('agent_id')} />
      <Field label="Name" error={fieldError('name')}><input value={name} onChange={(e) => setName(e.target.value)} /></Field>
      <Field label="Type" error={fieldError('type')} hint={agent ? `What ${agent.name} supports` : 'Choose an agent first'}>
        <select value={type} onChange={(e) => setType(e.target.value)} disabled={!agent}>
          {types.map((t) => <option key={t} value={t}>{humanize(t)}</option>)}
        </select>
      </Field>
      <Field label="Budget (USD)" error={fieldError('budget_usd')}><input type="number" min={0} step="1" value={budget} onChange={(e) => setBudget(e.target.value)} /></Field>
      <Field label="Product" error={fieldError('product.name') ?? fieldError('product')}><input value={product} onChange={(e) => setProduct(e.target.value)} /></Field>
      <Field label="Duration (days)" error={fieldError('config.duration_days')}><input type="number" min={1} value={days} onChange={(e) => setDays(e.target.value)} /></Field>
      <Field label="Compliance" error={fieldError('config.compliance_mode')}>
        <select value={compliance} onChange={(e) => setCompliance(e.target.value)}>
          <option value="standard">Standard (disclosures added)</option>
          <option value="strict">Strict (claims blocked and flagged)</option>
          <option value="off">Off</option>
        </select>
      </Field>
      {agent ? <CheckboxGroup legend="Languages" options={agent.languages} selected={languages} onChange={setLanguages} error={fieldError('config.languages')} /> : null}
      {agent ? <CheckboxGroup legend="Output formats (optional)" options={formatOptions} selected={formats} onChange={setFormats} labelOf={humanize} error={fieldError('config.output_formats')} /> : null}
      <ProblemMessage problem={problem} shownFields={shown} />
      <div className="form-actions">
        <button type="submit" disabled={sending || !agent}>{sending ? 'Creating…' : 'Create campaign'}</button>
        {created ? <span role="status" data-testid="campaign-created">Created {created.name} ({created.id}), {created.status}.</span> : null}
      </div>
    </form>
  );
}
