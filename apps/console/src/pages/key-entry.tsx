import { useState, type FormEvent } from 'react';
import { keyMode } from '../api/session';
import { Field } from '../ui/forms';

/** The first screen: paste an API key; it stays in this tab's session storage only. */
export function KeyEntryPage({ onKey }: { onKey: (key: string) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!keyMode(key)) {
      setError('An API key starts with ig_live_ (live) or ig_test_ (sandbox). npm start prints one.');
      return;
    }
    onKey(key);
  };
  return (
    <main className="key-entry" id="main">
      <h1>Influgentic console</h1>
      <p>Paste an API key to start. It is kept in this browser tab only (session storage), and sent only to this gateway.</p>
      <form onSubmit={submit} noValidate>
        <Field label="API key" error={error} hint="ig_test_… keys work in the sandbox; ig_live_… keys act on live data.">
          <input type="password" autoComplete="off" spellCheck={false} value={key} onChange={(e) => setKey(e.target.value)} />
        </Field>
        <button type="submit">Open the console</button>
      </form>
    </main>
  );
}
