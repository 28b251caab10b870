import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import { describeProblem, fieldLabel, type UserProblem } from '../api/problems';

/** A labelled control with its error beside it; the error is tied to the control for screen readers. */
export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: ReactElement<Record<string, unknown>> }) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  const control = cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described });
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {control}
      {hint ? <small id={hintId} className="hint">{hint}</small> : null}
      {error ? <small id={errorId} className="field-error">{error}</small> : null}
    </div>
  );
}

/** A group of checkboxes with one legend (languages, scopes, events). */
export function CheckboxGroup({ legend, options, selected, onChange, error, labelOf }: {
  legend: string; options: readonly string[]; selected: readonly string[]; onChange: (next: string[]) => void; error?: string; labelOf?: (v: string) => string;
}) {
  const id = useId();
  return (
    <fieldset className={`checkboxes${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="checkbox">
          <input type="checkbox" checked={selected.includes(option)}
            onChange={(e) => onChange(e.target.checked ? [...selected, option] : selected.filter((s) => s !== option))} />
          {labelOf ? labelOf(option) : option}
        </label>
      ))}
      {error ? <small id={`${id}-error`} className="field-error">{error}</small> : null}
    </fieldset>
  );
}

/** The page-level message for a refused request, plus any field errors no input on the form names. */
export function ProblemMessage({ problem, shownFields = [] }: { problem?: UserProblem; shownFields?: string[] }) {
  if (!problem) return null;
  const others = Object.entries(problem.fields).filter(([field]) => !shownFields.includes(field));
  return (
    <div role="alert" className="problem">
      <p>{problem.summary}</p>
      {others.length ? <ul>{others.map(([field, message]) => <li key={field}>{fieldLabel(field)}: {message}</li>)}</ul> : null}
    </div>
  );
}

export function toProblem(error: unknown): UserProblem {
  return describeProblem(error);
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1 tabIndex={-1}>{title}</h1>
      {children ? <div className="page-actions">{children}</div> : null}
    </div>
  );
}
