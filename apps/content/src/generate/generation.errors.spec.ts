import { DomainError } from '@influgentic/contracts';
import { GenerationError } from '../generation';
import { assertAgentScope, describeFailure } from './generation.errors';

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
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), 'service_unavailable'],
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

describe('assertAgentScope', () => {
  const ctx = (agentId?: string) => ({ requestId: 'req_t', organizationId: 'org_t', livemode: true, scopes: [], agentId });

  it('lets an unnarrowed request and a request narrowed to the item’s agent through', () => {
    expect(() => assertAgentScope(ctx(), 'agent_a')).not.toThrow();
    expect(() => assertAgentScope(ctx('agent_a'), 'agent_a')).not.toThrow();
  });

  it('refuses another agent’s item with 403 forbidden, not 404', () => {
    let caught: unknown;
    try { assertAgentScope(ctx('agent_a'), 'agent_b'); } catch (err) { caught = err; }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('forbidden');
  });
});
