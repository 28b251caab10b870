import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContentItem, ContentVariants } from '@influgentic/sdk';
import { useConsole, useLiveEvents } from '../api/console-context';
import type { UserProblem } from '../api/problems';
import { formatDateTime, humanize } from '../format';
import { ComplianceSummary } from '../ui/compliance';
import { Field, PageHeader, ProblemMessage, toProblem } from '../ui/forms';

const STATUSES = ['pending_review', 'approved', 'scheduled', 'rejected'] as const;

/** The review queue: one item at a time with a/r/g to decide and j/k to move, variants side by side. */
export function ReviewPage() {
  const { client } = useConsole();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('pending_review');
  const [items, setItems] = useState<ContentItem[]>([]);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<UserProblem>();
  const [notice, setNotice] = useState('');
  const [scheduleAt, setScheduleAt] = useState('');
  const [reason, setReason] = useState('');
  const [variants, setVariants] = useState<ContentVariants>();
  const busy = useRef(false);

  const refresh = useCallback(() => client.content.list({ status, limit: 50 }).then((p) => setItems(p.data), (err: unknown) => setProblem(toProblem(err))), [client, status]);
  useEffect(() => { void refresh(); setActive(0); }, [refresh]);
  useLiveEvents(['agent.content_generated', 'content.*'], () => void refresh());

  const current = items[Math.min(active, items.length - 1)];
  useEffect(() => setVariants(undefined), [current?.id]);

  const decide = useCallback(async (action: 'approve' | 'reject' | 'regenerate') => {
    if (!current || busy.current) return;
    busy.current = true;
    setProblem(undefined);
    try {
      if (action === 'approve') {
        await client.content.approve(current.id);
        // A time given schedules the publish, which puts the item on the calendar.
        if (scheduleAt) await client.content.publish(current.id, { at: new Date(scheduleAt).toISOString() });
        setNotice(scheduleAt ? `Approved and scheduled for ${formatDateTime(new Date(scheduleAt).toISOString())}.` : 'Approved.');
      } else if (action === 'reject') {
        await client.content.reject(current.id, reason.trim() ? { reason: reason.trim() } : {});
        setNotice('Rejected.');
      } else {
        await client.content.regenerate(current.id);
        setNotice('Regenerating: the new text appears here when it is ready.');
      }
      setReason('');
      await refresh();
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      busy.current = false;
    }
  }, [client, current, scheduleAt, reason, refresh]);

  // Shortcuts for a reviewer going through many items; typing in a field never triggers them.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (e.key === 'j') setActive((i) => Math.min(i + 1, Math.max(0, items.length - 1)));
      else if (e.key === 'k') setActive((i) => Math.max(0, i - 1));
      else if (e.key === 'a' && status === 'pending_review') void decide('approve');
      else if (e.key === 'r' && status !== 'rejected') void decide('reject');
      else if (e.key === 'g') void decide('regenerate');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items.length, decide, status]);

  const makeVariants = async () => {
    if (!current) return;
    try {
      setVariants(await client.content.variants.create(current.id, { count: 2 }));
    } catch (err) {
      setProblem(toProblem(err));
    }
  };
  const pickVariant = async (idx: number) => {
    if (!current) return;
    try {
      await client.content.variants.select(current.id, idx);
      setNotice(`Variant ${idx + 1} is now the caption.`);
      await refresh();
    } catch (err) {
      setProblem(toProblem(err));
    }
  };

  return (
    <section>
      <PageHeader title="Review queue">
        <Field label="Show">
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
          </select>
        </Field>
      </PageHeader>
      <p className="muted" id="shortcuts">Shortcuts: <kbd>a</kbd> approve, <kbd>r</kbd> reject, <kbd>g</kbd> regenerate, <kbd>j</kbd> next, <kbd>k</kbd> previous.</p>
      <ProblemMessage problem={problem} />
      <p role="status" data-testid="review-notice">{notice}</p>
      <div className="review-layout">
        <ol className="review-list" aria-label="Items">
          {items.map((item, i) => (
            <li key={item.id}>
              <button type="button" className={`list-button${i === active ? ' selected' : ''}`} aria-current={i === active ? 'true' : undefined} onClick={() => setActive(i)}>
                <span>{item.title ?? (item.caption || item.body).slice(0, 60)}</span>
                <span className="muted small">{humanize(item.format)} · {item.agent_id}</span>
              </button>
            </li>
          ))}
        </ol>
        {current ? (
          <article className="card review-item" data-testid="review-item" data-content-id={current.id} aria-describedby="shortcuts">
            <h2>{current.title ?? humanize(current.content_type)} <span className={`status status-${current.status}`}>{current.status}</span></h2>
            <p className="muted small">{current.agent_id} · {humanize(current.format)} · {current.platform ?? 'no platform'} · {current.language}</p>
            <div className="item-body">{current.caption || current.body}</div>
            {current.hashtags.length ? <p>{current.hashtags.join(' ')}</p> : null}
            <ComplianceSummary item={current} />
            {status === 'pending_review' ? (
              <div className="form-grid">
                <Field label="Schedule at (optional, on approve)"><input type="datetime-local" value={scheduleAt} onChange={(e) => setScheduleAt(e.target.value)} /></Field>
                <Field label="Reason (on reject)"><input value={reason} onChange={(e) => setReason(e.target.value)} /></Field>
              </div>
            ) : null}
            <div className="form-actions">
              {status === 'pending_review' ? <button type="button" onClick={() => void decide('approve')}>Approve (a)</button> : null}
              {status !== 'rejected' ? <button type="button" className="danger" onClick={() => void decide('reject')}>Reject (r)</button> : null}
              <button type="button" className="secondary" onClick={() => void decide('regenerate')}>Regenerate (g)</button>
              <button type="button" className="secondary" onClick={() => void makeVariants()}>Caption variants</button>
            </div>
            {variants ? (
              <div className="variants" data-testid="variants">
                {variants.data.map((v) => (
                  <div className="variant card" key={v.idx}>
                    <h3>Variant {v.idx + 1} · {v.style}</h3>
                    <p>{v.caption}</p>
                    <button type="button" onClick={() => void pickVariant(v.idx)}>Use this caption</button>
                  </div>
                ))}
              </div>
            ) : null}
          </article>
        ) : <p className="muted">Nothing here.</p>}
      </div>
    </section>
  );
}
