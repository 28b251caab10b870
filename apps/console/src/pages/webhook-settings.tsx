import { useEffect, useState, type FormEvent } from 'react';
import type { UpdateWebhookParams, WebhookEndpoint, WebhookEndpointWithSecret } from '@influgentic/sdk';
import { useConsole } from '../api/console-context';
import { fieldsShownBy, messageFor, type UserProblem } from '../api/problems';
import { formatDateTime } from '../format';
import { CheckboxGroup, Field, ProblemMessage, toProblem } from '../ui/forms';
import { ALL_EVENTS, eventsToSend, WEBHOOK_EVENTS } from '../webhook-events';
import { SecretOnce } from './webhook-secret';

/** One endpoint's settings: events and description, enable/disable, secret rotation, and deletion with a confirm step. */
export function EndpointSettings({ endpoint, onChanged, onDeleted }: {
  endpoint: WebhookEndpoint; onChanged: (e: WebhookEndpoint) => void; onDeleted: (id: string) => void;
}) {
  const { client } = useConsole();
  const [description, setDescription] = useState(endpoint.description ?? '');
  const [everyEvent, setEveryEvent] = useState(endpoint.events.includes(ALL_EVENTS));
  const [events, setEvents] = useState<string[]>(endpoint.events.filter((e) => e !== ALL_EVENTS));
  const [rotated, setRotated] = useState<WebhookEndpointWithSecret>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<UserProblem>();

  // Another endpoint chosen: start from its values.
  useEffect(() => {
    setDescription(endpoint.description ?? '');
    setEveryEvent(endpoint.events.includes(ALL_EVENTS));
    setEvents(endpoint.events.filter((e) => e !== ALL_EVENTS));
    setRotated(undefined);
    setConfirmDelete(false);
    setNotice(undefined);
    setProblem(undefined);
    // Only a different endpoint resets the form; the same one updated keeps what is being typed.
  }, [endpoint.id]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    setNotice(undefined);
    try { await action(); } catch (err) { setProblem(toProblem(err)); } finally { setBusy(false); }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const updated = await client.webhooks.update(endpoint.id, {
        description: description.trim() || null, events: eventsToSend(everyEvent, events) as UpdateWebhookParams['events'],
      });
      onChanged(updated);
      setNotice('Saved.');
    });
  };
  const toggle = () => void run(async () => {
    const updated = await client.webhooks.update(endpoint.id, { status: endpoint.status === 'enabled' ? 'disabled' : 'enabled' });
    onChanged(updated);
    setNotice(updated.status === 'enabled' ? 'Enabled: deliveries resume.' : 'Disabled: no deliveries until enabled again.');
  });
  const rotate = () => void run(async () => {
    const answer = await client.webhooks.rotateSecret(endpoint.id);
    setRotated(answer);
    const { secret: _shownOnce, ...endpointOnly } = answer;
    onChanged(endpointOnly);
  });
  const remove = () => void run(async () => {
    await client.webhooks.delete(endpoint.id);
    onDeleted(endpoint.id);
  });

  const error = (field: string) => messageFor(problem, field);
  return (
    <form className="card form-grid" onSubmit={save} noValidate aria-label="Endpoint settings" data-testid="endpoint-settings" data-status={endpoint.status}>
      <h2>Settings of {endpoint.url}</h2>
      <p className="muted small">
        <span className={`status status-${endpoint.status === 'enabled' ? 'active' : 'paused'}`}>{endpoint.status}</span>
        {endpoint.disabled_reason ? ` — ${endpoint.disabled_reason}` : ''}
        {endpoint.previous_secret_expires_at ? ` · the previous secret still signs until ${formatDateTime(endpoint.previous_secret_expires_at)}` : ''}
      </p>
      <Field label="Endpoint description" error={error('description')}><input value={description} onChange={(e) => setDescription(e.target.value)} /></Field>
      <label className="checkbox"><input type="checkbox" checked={everyEvent} onChange={(e) => setEveryEvent(e.target.checked)} /> Every event (now and future types)</label>
      {!everyEvent ? <CheckboxGroup legend="Events to send" options={WEBHOOK_EVENTS} selected={events} onChange={setEvents} error={error('events')} /> : null}
      <ProblemMessage problem={problem} shownFields={fieldsShownBy(problem, ['description', 'events'])} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>Save changes</button>
        <button type="button" className="secondary" disabled={busy} onClick={toggle}>{endpoint.status === 'enabled' ? 'Disable' : 'Enable'}</button>
        <button type="button" className="secondary" disabled={busy} onClick={rotate}>Rotate secret</button>
        <button type="button" className="danger" disabled={busy} onClick={() => setConfirmDelete(true)} aria-expanded={confirmDelete}>Delete endpoint</button>
        {notice ? <span role="status">{notice}</span> : null}
      </div>
      {rotated?.secret ? (
        <SecretOnce secret={rotated.secret} testId="rotated-secret" onDone={() => setRotated(undefined)}
          note={rotated.previous_secret_expires_at ? `The previous secret keeps signing until ${formatDateTime(rotated.previous_secret_expires_at)}, so receivers can switch without missing a delivery.` : undefined} />
      ) : null}
      {confirmDelete ? (
        <div className="confirm" role="alertdialog" aria-labelledby={`delete-${endpoint.id}`} data-testid="confirm-delete">
          <p id={`delete-${endpoint.id}`}><strong>Delete this endpoint?</strong> Deliveries to {endpoint.url} stop at once; its delivery log goes with it.</p>
          <button type="button" className="danger" disabled={busy} onClick={remove}>Yes, delete it</button>
          <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>Keep it</button>
        </div>
      ) : null}
    </form>
  );
}
