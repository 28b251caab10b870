import { InfluInvalidRequestError, InfluRateLimitError } from '@influgentic/sdk';
import { ToolArgumentsError } from './tool-input';
import { toolFailure, toolSuccess } from './tool-result';

describe('tool results', () => {
  it('answer with the summary as text and the JSON as structured content', () => {
    const result = toolSuccess('Created campaign camp_1', { id: 'camp_1', status: 'draft' });
    expect(result).toEqual({ content: [{ type: 'text', text: 'Created campaign camp_1' }], structuredContent: { id: 'camp_1', status: 'draft' } });
  });

  it('turn an API problem into an isError result with its title, detail and each field', () => {
    const err = new InfluInvalidRequestError({
      code: 'validation_error', status: 422, message: '1 field is invalid', title: 'Validation failed', detail: '1 field is invalid',
      requestId: 'req_1', errors: [{ field: 'budget_usd', code: 'min', message: 'must be >= 0' }],
    });
    const result = toolFailure(err);
    expect(result.isError).toBe(true);
    const text = (result.content[0] as { text: string }).text;
    expect(text).toContain('Validation failed (422 validation_error): 1 field is invalid');
    expect(text).toContain('- budget_usd: must be >= 0 [min]');
    expect(text).toContain('req_1');
    expect(result.structuredContent).toEqual({ error: {
      code: 'validation_error', status: 422, title: 'Validation failed', detail: '1 field is invalid',
      errors: [{ field: 'budget_usd', code: 'min', message: 'must be >= 0' }], request_id: 'req_1',
    } });
  });

  it('say how long to wait when the API asked for it', () => {
    const result = toolFailure(new InfluRateLimitError({ code: 'rate_limited', status: 429, message: 'Slow down', retryAfterMs: 1500 }));
    expect((result.content[0] as { text: string }).text).toContain('Retry after 2 s.');
  });

  it('report refused arguments and unexpected failures the same way', () => {
    const refused = toolFailure(new ToolArgumentsError([{ field: 'campaign_id', code: 'required', message: 'is required' }]));
    expect((refused.content[0] as { text: string }).text).toContain('- campaign_id: is required [required]');
    const failed = toolFailure(new Error('socket hang up'));
    expect(failed).toMatchObject({ isError: true, structuredContent: { error: { code: 'internal_error', detail: 'socket hang up' } } });
  });
});
