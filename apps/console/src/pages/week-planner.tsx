import { useState, type FormEvent } from 'react';
import type { Job } from '@influgentic/sdk';
import { useConsole } from '../api/console-context';
import { fieldsShownBy, messageFor, type UserProblem } from '../api/problems';
import { PLATFORMS } from '../campaign-options';
import { useFollow } from '../live/use-follow';
import { AgentIdField, useAgent } from '../ui/agent-picker';
import { CheckboxGroup, Field, ProblemMessage, toProblem } from '../ui/forms';
import { jobSettled, MAX_POSTS_PER_DAY, nextMonday, plannedItemCount, toGenerateWeekParams, weekPlanProgress } from '../week-plan';
import { mondayOf } from '../format';

const FIELDS = ['agent_id', 'week', 'posts_per_day', 'platforms', 'trending_topics', 'guidance', 'target_language'];
// Progress is not an event, so it is polled; completion and failure also arrive live.
const JOB_POLL_MS = 1000;

/** Plans and writes a week of posts for one agent, following the job until the items are on the calendar. */
export function WeekPlanner({ initialAgent, onPlanned }: { initialAgent: string; onPlanned: (week: string, timezone: string) => void }) {
  const { client, hub } = useConsole();
  const { agentId, setAgentId, agent, error: agentError } = useAgent(initialAgent);
  const [week, setWeek] = useState(() => nextMonday(new Date()));
  const [postsPerDay, setPostsPerDay] = useState('1');
  const [platforms, setPlatforms] = useState<string[]>(['instagram']);
  const [topics, setTopics] = useState('');
  const [guidance, setGuidance] = useState('');
  const [language, setLanguage] = useState('');
  const [problem, setProblem] = useState<UserProblem>();
  const [sending, setSending] = useState(false);
  const [job, setJob] = useState<Job>();
  const [jobProblem, setJobProblem] = useState<UserProblem>();

  useFollow<Job>(hub, {
    id: job && !jobSettled(job.status) ? job.id : undefined,
    load: (id) => client.jobs.retrieve(id), settled: (j) => jobSettled(j.status),
    onValue: (j) => {
      setJob(j);
      setJobProblem(undefined);
      const progress = weekPlanProgress(j);
      if (jobSettled(j.status) && progress.done > 0) onPlanned(progress.week ?? week, progress.timezone ?? 'UTC');
    },
    onError: (err) => setJobProblem(toProblem(err)),
    events: ['job.completed', 'job.failed'], concerns: (e, id) => e.data.job_id === id, pollMs: JOB_POLL_MS,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setSending(true);
    try {
      const accepted = await client.content.generateWeek(toGenerateWeekParams({ agentId, week, postsPerDay, platforms, trendingTopics: topics, guidance, language }));
      setJob(accepted.job);
      // A plan of this week already asked for answers with that job, which may have finished.
      const progress = weekPlanProgress(accepted.job);
      if (jobSettled(accepted.job.status) && progress.done > 0) onPlanned(progress.week ?? week, progress.timezone ?? 'UTC');
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setSending(false);
    }
  };

  const error = (field: string) => messageFor(problem, field);
  const expected = plannedItemCount(Number(postsPerDay), platforms.length);
  return (
    <>
      <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate aria-label="Plan a week">
        <h2>Plan a week</h2>
        <AgentIdField value={agentId} onChange={setAgentId} agent={agent} error={agentError} fieldError={error('agent_id')} />
        <Field label="Week starting (Monday)" error={error('week')}>
          <input type="date" value={week} onChange={(e) => e.target.value && setWeek(mondayOf(new Date(`${e.target.value}T00:00:00Z`)))} />
        </Field>
        <Field label="Posts per day" error={error('posts_per_day')}>
          <select value={postsPerDay} onChange={(e) => setPostsPerDay(e.target.value)}>
            {Array.from({ length: MAX_POSTS_PER_DAY }, (_, i) => String(i + 1)).map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </Field>
        <Field label="Language" error={error('target_language')} hint={agent ? `${agent.name} writes in ${agent.languages.join(', ')}` : undefined}>
          <select value={language} onChange={(e) => setLanguage(e.target.value)}>
            <option value="">The agent’s first language</option>
            {(agent?.languages ?? []).map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </Field>
        <CheckboxGroup legend="Platforms" options={PLATFORMS} selected={platforms} onChange={setPlatforms} error={error('platforms')} />
        <Field label="Trending topics" error={error('trending_topics')} hint="Comma-separated; each becomes the subject of some posts">
          <input value={topics} onChange={(e) => setTopics(e.target.value)} />
        </Field>
        <Field label="Guidance" error={error('guidance')} hint="What every post should keep in mind">
          <textarea rows={2} value={guidance} onChange={(e) => setGuidance(e.target.value)} />
        </Field>
        <ProblemMessage problem={problem} shownFields={fieldsShownBy(problem, FIELDS)} />
        <div className="form-actions">
          <button type="submit" disabled={sending || !agent || (!!job && !jobSettled(job.status))}>{sending ? 'Submitting…' : 'Plan and write the week'}</button>
          <span className="muted small">{expected ? `${expected} posts: 7 days × ${postsPerDay} × ${platforms.length} platform${platforms.length === 1 ? '' : 's'}` : 'Choose at least one platform'}</span>
        </div>
      </form>
      {job ? <PlanProgress job={job} problem={jobProblem} /> : null}
    </>
  );
}

function PlanProgress({ job, problem }: { job: Job; problem?: UserProblem }) {
  const p = weekPlanProgress(job);
  const settled = jobSettled(job.status);
  return (
    <div className="card" data-testid="week-plan" data-job-id={job.id} data-job-status={job.status}>
      <p role="status">
        Week plan <span className={`status status-${job.status}`}>{job.status}</span>{' '}
        {p.total ? `${p.done} of ${p.total} posts written` : 'planning'}
        {p.failed ? `, ${p.failed} failed` : ''}{p.skipped ? `, ${p.skipped} skipped (already planned or past)` : ''}.
        {settled && job.status === 'done' ? ' They are on the calendar below, waiting for review.' : ''}
      </p>
      <progress max={100} value={job.progress} aria-label="Week plan progress">{job.progress}%</progress>
      {job.error ? <p role="alert" className="problem">{job.error.message}</p> : null}
      <ProblemMessage problem={problem} />
    </div>
  );
}
