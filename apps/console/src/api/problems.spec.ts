import { InfluAuthenticationError, InfluConflictError, InfluInvalidRequestError, InfluRateLimitError } from '@influgentic/sdk';
import { describeProblem, fieldLabel, fieldsShownBy, messageFor } from './problems';

describe('describeProblem', () => {
  it('puts each invalid field next to its name and summarises how many', () => {
    const err = new InfluInvalidRequestError({
      code: 'validation_error', status: 422, message: '2 fields are invalid',
      errors: [{ field: 'budget_usd', code: 'min', message: 'must be >= 0' }, { field: 'name', code: 'required', message: 'is required' }],
    });
    const problem = describeProblem(err);
    expect(problem.fields).toEqual({ budget_usd: 'must be >= 0', name: 'is required' });
    expect(problem.summary).toBe('2 fields need attention.');
    expect(problem.needsNewKey).toBe(false);
  });

  it('joins several messages for one field', () => {
    const err = new InfluInvalidRequestError({ code: 'validation_error', status: 422, message: 'x',
      errors: [{ field: 'config.languages', code: 'x', message: 'hi is not supported' }, { field: 'config.languages', code: 'y', message: 'fr is not supported' }] });
    expect(describeProblem(err).fields['config.languages']).toBe('hi is not supported; fr is not supported');
  });

  it('asks for a new key on 401 and says how long to wait on 429', () => {
    expect(describeProblem(new InfluAuthenticationError({ code: 'unauthorized', status: 401, message: 'Invalid API key' })).needsNewKey).toBe(true);
    const limited = describeProblem(new InfluRateLimitError({ code: 'rate_limited', status: 429, message: 'slow down', retryAfterMs: 2500 }));
    expect(limited.summary).toMatch(/Try again in 3 s\.$/);
  });

  it('uses the server message for state conflicts, as a sentence', () => {
    const err = new InfluConflictError({ code: 'invalid_state', status: 409, message: 'campaign is completed' });
    expect(describeProblem(err).summary).toBe('Campaign is completed.');
  });

  it('never shows raw JSON for unknown failures', () => {
    expect(describeProblem('boom').summary).toBe('Something went wrong.');
    expect(describeProblem({ code: 'weird' }).summary).toBe('Something went wrong.');
  });

  it('labels nested field names readably', () => {
    expect(fieldLabel('config.output_formats')).toBe('Output formats');
  });

  it('finds the messages of a field and of its parts', () => {
    const problem = describeProblem(new InfluInvalidRequestError({ code: 'validation_error', status: 422, message: 'x',
      errors: [{ field: 'tone_modes[1]', code: 'max', message: 'is too long' }, { field: 'name', code: 'required', message: 'is required' },
        { field: 'tone', code: 'x', message: 'unrelated' }] }));
    expect(messageFor(problem, 'tone_modes')).toBe('is too long');
    expect(messageFor(problem, 'name')).toBe('is required');
    expect(messageFor(problem, 'languages')).toBeUndefined();
    expect(fieldsShownBy(problem, ['tone_modes', 'name'])).toEqual(['tone_modes[1]', 'name']);
    expect(messageFor(undefined, 'name')).toBeUndefined();
  });
});
