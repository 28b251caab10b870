import { formatCount, formatDateTime, humanize } from '../format';
import type { MilestoneRow } from '../milestones';

/** The campaign's milestones: each threshold, reached or how far along, and when it was announced live. */
export function MilestonesPanel({ rows }: { rows: MilestoneRow[] }) {
  const reached = rows.filter((r) => r.reached).length;
  return (
    <div className="card">
      <h2>Milestones</h2>
      <p className="muted" aria-live="polite">{reached ? `${reached} of ${rows.length} reached.` : 'None reached yet.'} Announced live as they happen.</p>
      <ul className="milestones" data-testid="milestones">
        {rows.map((r) => (
          <li key={`${r.metric}-${r.threshold}`} className={`milestone${r.reached ? ' milestone-reached' : ''}`}
            data-testid={`milestone-${r.metric}-${r.threshold}`} data-reached={r.reached} data-live={!!r.seen}>
            <strong>{formatCount(r.threshold)} {humanize(r.metric).toLowerCase()}</strong>
            <div className="small">
              {r.seen ? `Reached ${formatDateTime(r.seen.reachedAt)} (${formatCount(r.seen.value)}), seen live`
                : r.reached ? 'Reached' : `${Math.min(99, Math.floor((100 * r.current) / r.threshold))}% there`}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
