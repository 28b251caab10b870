import { useState, type FormEvent } from 'react';
import type { Agent, AgentBuildAccepted } from '@influgentic/sdk';
import { useConsole } from '../api/console-context';
import { fieldsShownBy, messageFor, type UserProblem } from '../api/problems';
import { AGENT_VISIBILITIES, BUILDER_LANGUAGES, EMPTY_BUILDER_FORM, TONE_SUGGESTIONS, toCreateAgentParams, trainingSettled, type BuilderForm } from '../agent-builder-form';
import { CAMPAIGN_TYPES } from '../campaign-options';
import { formatDateTime, humanize } from '../format';
import { useFollow } from '../live/use-follow';
import { routeHref } from '../routes';
import { CheckboxGroup, Field, PageHeader, ProblemMessage, toProblem } from '../ui/forms';
import { CATEGORIES } from './catalog';

const FIELDS = ['name', 'category', 'persona_prompt', 'expertise_domains', 'target_audience', 'languages', 'use_cases', 'tone_modes', 'visibility', 'timezone'];
// Training finishes in seconds; the poll only matters when the event stream is down.
const TRAINING_POLL_MS = 3000;

/** The Agent Builder: describe a persona, submit it, and follow its training until the agent is ready (or why not). */
export function BuilderPage() {
  const { client, hub } = useConsole();
  const [form, setForm] = useState<BuilderForm>(EMPTY_BUILDER_FORM);
  const [problem, setProblem] = useState<UserProblem>();
  const [sending, setSending] = useState(false);
  const [accepted, setAccepted] = useState<AgentBuildAccepted>();
  const [agent, setAgent] = useState<Agent>();
  const [followProblem, setFollowProblem] = useState<UserProblem>();
  const set = (patch: Partial<BuilderForm>) => setForm((f) => ({ ...f, ...patch }));

  useFollow<Agent>(hub, {
    id: accepted?.id, load: (id) => client.agents.retrieve(id), settled: (a) => trainingSettled(a.status),
    onValue: (a) => { setAgent(a); setFollowProblem(undefined); }, onError: (err) => setFollowProblem(toProblem(err)),
    events: ['agent.build_complete'], concerns: (e, id) => e.data.agent_id === id, pollMs: TRAINING_POLL_MS,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setSending(true);
    try {
      const built = await client.agents.create(toCreateAgentParams(form));
      setAgent(undefined);
      setAccepted(built);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setSending(false);
    }
  };

  const error = (field: string) => messageFor(problem, field);
  return (
    <section>
      <PageHeader title="Agent Builder" />
      <p className="muted">Describe a persona; training derives its style, keywords and capabilities, usually within seconds.</p>
      <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate aria-label="Build an agent">
        <h2>Persona</h2>
        <Field label="Name" error={error('name')} hint="Unique in your organization, up to 80 characters">
          <input value={form.name} maxLength={80} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field label="Category" error={error('category')}>
          <select value={form.category} onChange={(e) => set({ category: e.target.value })}>
            <option value="">Choose a category</option>
            {CATEGORIES.map((c) => <option key={c} value={c}>{humanize(c)}</option>)}
          </select>
        </Field>
        <Field label="Visibility" error={error('visibility')} hint="Private agents are seen by your organization only">
          <select value={form.visibility} onChange={(e) => set({ visibility: e.target.value })}>
            {AGENT_VISIBILITIES.map((v) => <option key={v} value={v}>{humanize(v)}</option>)}
          </select>
        </Field>
        <div className="field-wide">
          <Field label="Persona prompt" error={error('persona_prompt')} hint={`Who the agent is, how it speaks, what it knows (${form.personaPrompt.length} of 20,000 characters)`}>
            <textarea rows={6} value={form.personaPrompt} maxLength={20000} onChange={(e) => set({ personaPrompt: e.target.value })} />
          </Field>
        </div>
        <Field label="Expertise" error={error('expertise_domains')} hint="Comma-separated, e.g. skincare, retinoids">
          <input value={form.expertise} onChange={(e) => set({ expertise: e.target.value })} />
        </Field>
        <Field label="Target audience" error={error('target_audience')}>
          <input value={form.targetAudience} maxLength={200} onChange={(e) => set({ targetAudience: e.target.value })} />
        </Field>
        <Field label="Time zone (optional)" error={error('timezone')} hint="IANA name, e.g. Europe/Paris; week plans post in it">
          <input value={form.timezone} spellCheck={false} onChange={(e) => set({ timezone: e.target.value })} />
        </Field>
        <CheckboxGroup legend="Languages" options={BUILDER_LANGUAGES} selected={form.languages} onChange={(languages) => set({ languages })} error={error('languages')} />
        <Field label="Other languages" hint="ISO 639-1 codes, comma-separated, e.g. sv, pl">
          <input value={form.otherLanguages} spellCheck={false} onChange={(e) => set({ otherLanguages: e.target.value })} />
        </Field>
        <CheckboxGroup legend="Tone modes" options={TONE_SUGGESTIONS} selected={form.toneModes} onChange={(toneModes) => set({ toneModes })} labelOf={humanize} error={error('tone_modes')} />
        <Field label="Other tones" hint="Comma-separated; training maps each to the nearest tone above">
          <input value={form.otherTones} onChange={(e) => set({ otherTones: e.target.value })} />
        </Field>
        <CheckboxGroup legend="Use cases (optional)" options={CAMPAIGN_TYPES} selected={form.useCases} onChange={(useCases) => set({ useCases })} labelOf={humanize} error={error('use_cases')} />
        <ProblemMessage problem={problem} shownFields={fieldsShownBy(problem, FIELDS)} />
        <div className="form-actions"><button type="submit" disabled={sending}>{sending ? 'Submitting…' : 'Build agent'}</button></div>
      </form>
      {accepted ? <TrainingProgress accepted={accepted} agent={agent} problem={followProblem} /> : null}
    </section>
  );
}

function TrainingProgress({ accepted, agent, problem }: { accepted: AgentBuildAccepted; agent?: Agent; problem?: UserProblem }) {
  const status = agent?.status ?? accepted.status;
  const settled = trainingSettled(status);
  return (
    <div className="card" data-testid="training" data-status={status} aria-busy={!settled}>
      <h2>Training {accepted.name}</h2>
      <p role="status">
        <span className={`status status-${status}`}>{status}</span>{' '}
        {status === 'training' ? `Expected ready by ${formatDateTime(accepted.estimated_ready_at)}.` : null}
        {status === 'ready' ? `${accepted.name} is ready to write.` : null}
        {status === 'failed' ? `Training failed: ${agent?.failure_reason ?? 'no reason given'}. Change the persona and build again.` : null}
      </p>
      {!settled ? <progress aria-label={`Training ${accepted.name}`} /> : null}
      {agent && status === 'ready' ? (
        <dl className="facts">
          <dt>Headline</dt><dd>{agent.headline}</dd>
          <dt>Content types</dt><dd>{agent.capabilities.content_types.map(humanize).join(', ')}</dd>
          <dt>Tones</dt><dd>{agent.capabilities.tone_modes.map(humanize).join(', ') || '—'}</dd>
          <dt>Languages</dt><dd>{agent.languages.join(', ')}</dd>
        </dl>
      ) : null}
      <ProblemMessage problem={problem} />
      <p><a href={routeHref('agent', accepted.id)} data-testid="built-agent-link">Open {accepted.name}’s page</a> <span className="muted small">({accepted.id})</span></p>
    </div>
  );
}
