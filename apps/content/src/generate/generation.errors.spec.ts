import { DomainError } from '@influgentic/contracts';
import { GenerationError } from '../generation';
import { describeFailure } from './generation.errors';

describe('describeFailure', () => {
  it.each([
    [new GenerationError('timeout', 'slow'), 'service_unavailable'],
    [new GenerationError('rate_limited', '429', 429), 'service_unavailable'],
    [new GenerationError('provider_error', '500', 500), 'service_unavailable'],
    [new GenerationError('bad_response', 'garbage'), 'service_unavailable'],
    [new GenerationError('config_error', 'no key'), 'internal_error'],
    [new GenerationError('unsupported_language', 'ja'), 'unsupported_language'],
    [new GenerationError('aborted', 'the client disconnected'), 'conflict'],
    [new DomainError('budget_exhausted', 'spent'), 'budget_exhausted'],
    [new Error('boom'), 'internal_error'],
  ])('maps %p to %p', (err, code) => {
    expect(describeFailure(err).code).toBe(code);
  });

  it('never blames the caller for the provider’s own rate limit', () => {
    expect(describeFailure(new GenerationError('rate_limited', '429', 429)).code).not.toBe('rate_limited');
  });

  it('reports a stop the service asked for with the reason it gave', () => {
    const cause = new DomainError('service_unavailable', 'The content service is restarting; retry the request');
    const f = describeFailure(new GenerationError('aborted', 'Generation was cancelled', undefined, { cause }));
    expect(f).toMatchObject({ code: 'service_unavailable', message: cause.message });
  });

  it('keeps a cancel recognisable in the stored reason', () => {
    expect(describeFailure(new GenerationError('aborted', 'the client disconnected')).reason).toBe('cancelled: the client disconnected');
  });
});
