import { useCallback, useEffect, useState } from 'react';
import type { Calendar } from '@influgentic/sdk';
import { useConsole, useLiveEvents } from '../api/console-context';
import type { UserProblem } from '../api/problems';
import { addDays, humanize, mondayOf } from '../format';
import { Field, PageHeader, ProblemMessage, toProblem } from '../ui/forms';

/** The content calendar, a week at a time: what goes out (or went out) each day. */
export function CalendarPage({ query }: { query: Record<string, string> }) {
  const { client } = useConsole();
  const [week, setWeek] = useState(() => (query.week && /^\d{4}-\d{2}-\d{2}$/.test(query.week) ? mondayOf(new Date(`${query.week}T00:00:00Z`)) : mondayOf(new Date())));
  const [calendar, setCalendar] = useState<Calendar>();
  const [problem, setProblem] = useState<UserProblem>();
  const load = useCallback(() => client.content.calendar({ from: week, to: addDays(week, 6), timezone: 'UTC' })
    .then((c) => { setCalendar(c); setProblem(undefined); }, (err: unknown) => setProblem(toProblem(err))), [client, week]);
  useEffect(() => { void load(); }, [load]);
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
                    <span className="small">{item.at.slice(11, 16)} · {item.platform ?? humanize(item.format)}</span>
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
