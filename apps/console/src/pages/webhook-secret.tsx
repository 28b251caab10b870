/** A signing secret shown this once, with a way to copy it and to dismiss it for good. */
export function SecretOnce({ secret, note, testId, onDone }: { secret: string; note?: string; testId: string; onDone: () => void }) {
  return (
    <div className="secret" role="status" data-testid={testId}>
      <p><strong>Signing secret — shown this once.</strong> Store it where your receiver can read it.{note ? ` ${note}` : ''}</p>
      <code>{secret}</code>
      <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(secret)}>Copy</button>
      <button type="button" className="secondary" onClick={onDone}>I stored it</button>
    </div>
  );
}
