import { useCallback, useEffect, useRef, useState } from 'react';
import type { Calendar } from '@influgentic/sdk';
import { useConsole, useLiveEvents } from '../api/console-context';
import type { UserProblem } from '../api/problems';
import { addDays, humanize, mondayOf } from '../format';
import { Field, PageHeader, ProblemMessage, toProblem } from '../ui/forms';
import { WeekPlanner } from './week-planner';

/** The content calendar, a week at a time: what goes out (or went out) each day; and the week planner that fills it. */
export function CalendarPage({ query }: { query: Record<string, string> }) {
  const { client } = useConsole();
  const [week, setWeek] = useState(() => (query.week && /^\d{4}-\d{2}-\d{2}$/.test(query.week) ? mondayOf(new Date(`${query.week}T00:00:00Z`)) : mondayOf(new Date())));
  // A week plan's times are in the agent's zone; the calendar follows the last plan's so its days line up.
  const [timezone, setTimezone] = useState('UTC');
  const [calendar, setCalendar] = useState<Calendar>();
  const [problem, setProblem] = useState<UserProblem>();
  const latestRequest = useRef(0);
  const load = useCallback(() => {
    // Only the latest request may fill the grid: switching weeks quickly must not show an older answer last.
    const mine = ++latestRequest.current;
    return client.content.calendar({ from: week, to: addDays(week, 6), timezone }).then((c) => {
      if (mine === latestRequest.current) { setCalendar(c); setProblem(undefined); }
    }, (err: unknown) => { if (mine === latestRequest.current) setProblem(toProblem(err)); });
  }, [client, week, timezone]);
  // Bumped when a plan finishes, so the grid reloads even when its week and zone stay the same.
  const [plannedCount, setPlannedCount] = useState(0);
  useEffect(() => { void load(); }, [load, plannedCount]);
  useLiveEvents(['content.*', 'job.completed'], () => void load());

  const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));
  const byDate = new Map((calendar?.days ?? []).map((d) => [d.date, d]));
  return (
    <section>
      <PageHeader title="Calendar">
        <button type="button" className="secondary" onClick={() => setWeek((w) => addDays(w, -7))}>Previous week</button>
        <Field label="Week of">
          <input type="date" value={week} onChange={(e) => e.target.value && setWeek(mondayOf(new Date(`${e.target.value}T00:00:00Z`)))} />
        </Field>
        <button type="button" className="secondary" onClick={() => setWeek((w) => addDays(w, 7))}>Next week</button>
      </PageHeader>
      <WeekPlanner initialAgent={query.agent ?? 'agent_velo_automotive'} onPlanned={(planned, zone) => { setWeek(planned); setTimezone(zone); setPlannedCount((n) => n + 1); }} />
      <ProblemMessage problem={problem} />
      <p className="muted">{calendar ? `${calendar.total} items this week (times in ${calendar.timezone}).` : 'Loading…'}</p>
      <div className="calendar-grid" data-testid="calendar">
        {days.map((date) => {
          const day = byDate.get(date);
          const label = new Date(`${date}T00:00:00Z`).toLocaleDateString('en', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
          return (
            <section key={date} className="calendar-day" aria-label={label}>
              <h2>{label}</h2>
              <ul>
                {(day?.items ?? []).map((item) => (
                  <li key={item.id} className={`calendar-item status-${item.status}`} data-content-id={item.id}>
                    <span className="small">{timeIn(item.at, calendar?.timezone ?? 'UTC')} · {item.platform ?? humanize(item.format)}</span>
                    <span>{(item.title ?? item.caption).slice(0, 80)}</span>
                    <span className={`status status-${item.status}`}>{item.status}</span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}

/** `HH:MM` of an instant in the calendar's zone. */
function timeIn(iso: string, timeZone: string): string {
  try {
    return new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
  } catch {
    return iso.slice(11, 16);
  }
}
