import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CreateWebhookParams, WebhookDelivery, WebhookEndpoint } from '@influgentic/sdk';
import { useConsole, useLiveEvents } from '../api/console-context';
import type { UserProblem } from '../api/problems';
import { formatDateTime } from '../format';
import { CheckboxGroup, Field, PageHeader, ProblemMessage, toProblem } from '../ui/forms';
import { describeEvents, eventsToSend, WEBHOOK_EVENTS } from '../webhook-events';
import { EndpointSettings } from './webhook-settings';
import { SecretOnce } from './webhook-secret';

/** Webhook endpoints: create (the secret is shown once), settings (events, enable, rotate, delete), test, and each endpoint's delivery log with retry. */
export function WebhooksPage() {
  const { client } = useConsole();
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[]>([]);
  const [selected, setSelected] = useState<string>();
  const [problem, setProblem] = useState<UserProblem>();
  const refresh = useCallback(() => client.webhooks.list({ limit: 100 }).then((p) => {
    setEndpoints(p.data);
    setSelected((s) => s ?? p.data[0]?.id);
  }, (err: unknown) => setProblem(toProblem(err))), [client]);
  useEffect(() => { void refresh(); }, [refresh]);
  const current = endpoints.find((e) => e.id === selected);

  return (
    <section>
      <PageHeader title="Webhooks" />
      <CreateEndpoint onCreated={(e) => { setEndpoints((list) => [e, ...list]); setSelected(e.id); }} />
      <h2>Endpoints</h2>
      <ProblemMessage problem={problem} />
      {endpoints.length === 0 ? <p className="muted">No endpoints yet.</p> : (
        <ul className="endpoint-list">
          {endpoints.map((e) => (
            <li key={e.id}>
              <button type="button" className={`list-button${e.id === selected ? ' selected' : ''}`} aria-current={e.id === selected ? 'true' : undefined} onClick={() => setSelected(e.id)}>
                <span>{e.url}</span>
                <span className="muted small">{e.status}{e.disabled_reason ? ` (${e.disabled_reason})` : ''} · {describeEvents(e.events)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {current ? (
        <EndpointSettings endpoint={current}
          onChanged={(changed) => setEndpoints((list) => list.map((e) => (e.id === changed.id ? { ...e, ...changed } : e)))}
          onDeleted={(id) => { setEndpoints((list) => list.filter((e) => e.id !== id)); setSelected(endpoints.find((e) => e.id !== id)?.id); }} />
      ) : null}
      {current ? <Deliveries endpointId={current.id} /> : null}
    </section>
  );
}

function CreateEndpoint({ onCreated }: { onCreated: (e: WebhookEndpoint) => void }) {
  const { client } = useConsole();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [all, setAll] = useState(true);
  const [description, setDescription] = useState('');
  const [secret, setSecret] = useState<string>();
  const [problem, setProblem] = useState<UserProblem>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    try {
      const created = await client.webhooks.create({ url: url.trim(), events: eventsToSend(all, events) as CreateWebhookParams['events'], ...(description.trim() ? { description: description.trim() } : {}) });
      const { secret: shownOnce, ...endpoint } = created;
      setSecret(shownOnce ?? undefined);
      setUrl('');
      onCreated(endpoint);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate aria-label="Add an endpoint">
      <h2>Add an endpoint</h2>
      <Field label="URL" error={problem?.fields.url}><input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/hooks" /></Field>
      <Field label="Description" error={problem?.fields.description}><input value={description} onChange={(e) => setDescription(e.target.value)} /></Field>
      <label className="checkbox"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Every event</label>
      {!all ? <CheckboxGroup legend="Events" options={WEBHOOK_EVENTS} selected={events} onChange={setEvents} error={problem?.fields.events} /> : null}
      <ProblemMessage problem={problem} shownFields={['url', 'description', 'events']} />
      <div className="form-actions"><button type="submit">Add endpoint</button></div>
      {secret ? (
        <SecretOnce secret={secret} testId="webhook-secret" onDone={() => setSecret(undefined)} />
      ) : null}
    </form>
  );
}

function Deliveries({ endpointId }: { endpointId: string }) {
  const { client } = useConsole();
  const [deliveries, setDeliveries] = useState<WebhookDelivery[]>([]);
  const [problem, setProblem] = useState<UserProblem>();
  const load = useCallback(() => client.webhooks.deliveries.list(endpointId, { limit: 50 }).then((p) => setDeliveries(p.data), (err: unknown) => setProblem(toProblem(err))), [client, endpointId]);
  useEffect(() => { void load(); }, [load]);
  // Deliveries follow events by a moment: refresh on any event, and every few seconds while attempts are pending.
  useLiveEvents(['*'], () => void setTimeout(() => void load(), 1000));
  useEffect(() => {
    const timer = setInterval(() => void load(), 3000);
    return () => clearInterval(timer);
  }, [load]);
  const act = async (fn: () => Promise<unknown>) => {
    setProblem(undefined);
    try { await fn(); await load(); } catch (err) { setProblem(toProblem(err)); }
  };
  return (
    <div className="card">
      <div className="page-header">
        <h2>Delivery log</h2>
        <div className="page-actions">
          <button type="button" className="secondary" onClick={() => void act(() => client.webhooks.test(endpointId))}>Send a test event</button>
          <button type="button" className="secondary" onClick={() => void load()}>Refresh</button>
        </div>
      </div>
      <ProblemMessage problem={problem} />
      {deliveries.length === 0 ? <p className="muted">No deliveries yet.</p> : (
        <table className="table" data-testid="deliveries">
          <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col">When</th><th scope="col">Action</th></tr></thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id} data-delivery-status={d.status}>
                <th scope="row">{d.event_type}<div className="muted small">{d.event_id}</div></th>
                <td><span className={`status status-${d.status}`}>{d.status}</span></td>
                <td>{d.attempts_count}</td>
                <td>{d.last_status_code ?? '—'}{d.last_error ? ` · ${d.last_error}` : ''}</td>
                <td>{formatDateTime(d.last_attempt_at ?? d.created_at)}{d.next_attempt_at ? ` (next ${formatDateTime(d.next_attempt_at)})` : ''}</td>
                <td>{d.status !== 'succeeded' ? <button type="button" onClick={() => void act(() => client.webhooks.deliveries.retry(endpointId, d.id))}>Retry</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
