// Turns what the API or the network refused into sentences for the person at the screen: a summary, and the
// invalid fields' messages keyed by field name so each form shows them beside its inputs.

/** The fields of an SDK error the console reads (InfluError and its subclasses have them). */
interface ProblemLike {
  code?: unknown;
  status?: unknown;
  message?: unknown;
  errors?: unknown;
  retryAfterMs?: unknown;
}

export interface UserProblem {
  /** One sentence for the top of the form or page. */
  summary: string;
  /** Field name → what is wrong with it. */
  fields: Record<string, string>;
  /** The request was refused because of the key, not the input. */
  needsNewKey: boolean;
}

const SUMMARIES: Record<string, string> = {
  unauthorized: 'This API key was not accepted. It may have been revoked or mistyped; paste a valid key.',
  forbidden: 'This key is not allowed to do that.',
  insufficient_scope: 'This key lacks the permission (scope) this action needs. Create a key with more scopes on the API keys page.',
  not_found: 'That no longer exists, or this key cannot see it.',
  invalid_state: 'That cannot be done in its current state.',
  conflict: 'That conflicts with something that already exists.',
  budget_exhausted: 'The campaign has spent its budget. Raise the budget to generate more.',
  rate_limited: 'Too many requests in a short time.',
  service_unavailable: 'A service did not answer in time. Try again in a moment.',
  connection_error: 'The gateway could not be reached. Check that the platform is running.',
  timeout: 'The request took too long. Try again.',
};

/** Readable "budget_usd" → "Budget usd" for fields the form does not show by name. */
export function fieldLabel(field: string): string {
  const last = field.split('.').pop() ?? field;
  const words = last.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function describeProblem(error: unknown): UserProblem {
  if (!error || typeof error !== 'object') return { summary: 'Something went wrong.', fields: {}, needsNewKey: false };
  const problem = error as ProblemLike;
  const code = typeof problem.code === 'string' ? problem.code : '';
  const fields: Record<string, string> = {};
  if (Array.isArray(problem.errors)) {
    for (const entry of problem.errors as Array<{ field?: unknown; message?: unknown }>) {
      if (typeof entry?.field !== 'string') continue;
      const message = typeof entry.message === 'string' ? entry.message : 'is not valid';
      // Several messages for one field read as one sentence.
      fields[entry.field] = fields[entry.field] ? `${fields[entry.field]}; ${message}` : message;
    }
  }
  const count = Object.keys(fields).length;
  let summary = SUMMARIES[code] ?? (typeof problem.message === 'string' && problem.message ? sentence(problem.message) : 'Something went wrong.');
  if (code === 'validation_error' || (count > 0 && !SUMMARIES[code])) {
    summary = count === 1 ? 'One field needs attention.' : `${count} fields need attention.`;
  }
  if (code === 'rate_limited' && typeof problem.retryAfterMs === 'number') {
    summary += ` Try again in ${Math.max(1, Math.ceil(problem.retryAfterMs / 1000))} s.`;
  }
  if ((code === 'invalid_state' || code === 'conflict') && typeof problem.message === 'string' && problem.message) {
    summary = sentence(problem.message);
  }
  return { summary, fields, needsNewKey: code === 'unauthorized' };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The message for `field` or any of its parts (`tone_modes[2]`, `product.name`), so a list's input shows its items' errors. */
export function messageFor(problem: UserProblem | undefined, field: string): string | undefined {
  if (!problem) return undefined;
  const messages = Object.entries(problem.fields).filter(([name]) => belongsTo(name, field)).map(([, message]) => message);
  return messages.length ? messages.join('; ') : undefined;
}

/** The problem's field names that the given inputs already show (for `ProblemMessage`'s `shownFields`). */
export function fieldsShownBy(problem: UserProblem | undefined, inputs: readonly string[]): string[] {
  return problem ? Object.keys(problem.fields).filter((name) => inputs.some((input) => belongsTo(name, input))) : [];
}

function belongsTo(name: string, field: string): boolean {
  return name === field || name.startsWith(`${field}[`) || name.startsWith(`${field}.`);
}
