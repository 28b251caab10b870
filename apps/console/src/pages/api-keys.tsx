import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiKey, CreateApiKeyParams } from '@influgentic/sdk';
import { useConsole } from '../api/console-context';
import type { UserProblem } from '../api/problems';
import { formatDateTime } from '../format';
import { CheckboxGroup, Field, PageHeader, ProblemMessage, toProblem } from '../ui/forms';

const SCOPES = ['agents:read', 'agents:write', 'campaigns:read', 'campaigns:write', 'content:read', 'content:write', 'content:generate',
  'analytics:read', 'analytics:write', 'webhooks:read', 'webhooks:write', 'keys:admin'] as const;

/** API keys of the organization: create (the token is shown once) and revoke. */
export function ApiKeysPage() {
  const { client, mode } = useConsole();
  const [keys, setKeys] = useState<ApiKey[]>([]);
  const [problem, setProblem] = useState<UserProblem>();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['agents:read', 'campaigns:read', 'content:read', 'analytics:read']);
  const [keyMode, setKeyMode] = useState<'live' | 'test'>(mode === 'live' ? 'live' : 'test');
  const [token, setToken] = useState<string>();
  const refresh = useCallback(() => client.apiKeys.list({ limit: 100 }).then((p) => setKeys(p.data), (err: unknown) => setProblem(toProblem(err))), [client]);
  useEffect(() => { void refresh(); }, [refresh]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    try {
      const created = await client.apiKeys.create({ name, scopes: scopes as CreateApiKeyParams['scopes'], mode: keyMode });
      setToken(created.token);
      setName('');
      await refresh();
    } catch (err) {
      setProblem(toProblem(err));
    }
  };
  const revoke = async (key: ApiKey) => {
    if (!window.confirm(`Revoke ${key.name}? Calls with it fail at once.`)) return;
    try { await client.apiKeys.revoke(key.id); await refresh(); } catch (err) { setProblem(toProblem(err)); }
  };

  return (
    <section>
      <PageHeader title="API keys" />
      <form className="card form-grid" onSubmit={(e) => void create(e)} noValidate aria-label="Create a key">
        <h2>Create a key</h2>
        <Field label="Name" error={problem?.fields.name}><input value={name} onChange={(e) => setName(e.target.value)} /></Field>
        <Field label="Mode" error={problem?.fields.mode} hint={mode === 'sandbox' ? 'A sandbox key can create sandbox keys only.' : undefined}>
          <select value={keyMode} onChange={(e) => setKeyMode(e.target.value as 'live' | 'test')}>
            <option value="test">Sandbox (ig_test_)</option>
            <option value="live">Live (ig_live_)</option>
          </select>
        </Field>
        <CheckboxGroup legend="Scopes" options={SCOPES} selected={scopes} onChange={setScopes} error={problem?.fields.scopes} />
        <ProblemMessage problem={problem} shownFields={['name', 'mode', 'scopes']} />
        <div className="form-actions"><button type="submit">Create key</button></div>
        {token ? (
          <div className="secret" role="status" data-testid="new-token">
            <p><strong>The key — shown this once.</strong></p>
            <code>{token}</code>
            <button type="button" className="secondary" onClick={() => setToken(undefined)}>I stored it</button>
          </div>
        ) : null}
      </form>
      <h2>Keys</h2>
      <table className="table">
        <thead><tr><th scope="col">Name</th><th scope="col">Mode</th><th scope="col">Key</th><th scope="col">Scopes</th><th scope="col">Last used</th><th scope="col">Action</th></tr></thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <th scope="row">{k.name}</th><td>{k.mode}</td><td><code>{k.token_hint}</code></td><td className="small">{k.scopes.join(' ')}</td>
              <td>{formatDateTime(k.last_used_at)}</td>
              <td><button type="button" className="danger" onClick={() => void revoke(k)}>Revoke</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
