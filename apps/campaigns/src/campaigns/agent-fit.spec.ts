import { DomainError } from '@influgentic/contracts';
import { checkAgentFit, checkAgentReady, missingLanguages, supportsType, type AgentFacts } from './agent-fit';

const velo: AgentFacts = { id: 'agent_velo_automotive', status: 'available', use_cases: ['product_launch', 'review', 'lead_gen'], languages: ['en', 'de', 'ja', 'zh'] };

function refusal(fn: () => unknown): DomainError {
  try { fn(); } catch (err) { if (err instanceof DomainError) return err; throw err; }
  throw new Error('expected a refusal');
}

describe('agent fit', () => {
  it('treats review and product_review as one use case, and keeps launches apart', () => {
    expect(supportsType(['review'], 'product_review')).toBe(true);
    expect(supportsType(['product_review'], 'review')).toBe(true);
    expect(supportsType(['product_launch'], 'brand_launch')).toBe(false);
    expect(supportsType(['brand_launch'], 'product_launch')).toBe(false);
    expect(supportsType(['lead_gen'], 'lead_gen')).toBe(true);
  });

  it('lists missing languages in request order', () => {
    expect(missingLanguages(['en', 'de'], ['hi', 'en', 'fr'])).toEqual(['hi', 'fr']);
  });

  it('accepts a fitting agent', () => {
    expect(() => checkAgentFit(velo, 'product_review', ['en', 'de'])).not.toThrow();
    expect(() => checkAgentFit(velo, 'lead_gen', undefined)).not.toThrow();
  });

  it('refuses uncovered languages with 422 unsupported_language naming them', () => {
    const err = refusal(() => checkAgentFit(velo, 'product_launch', ['en', 'hi', 'de', 'fr']));
    expect(err.code).toBe('unsupported_language');
    expect(err.message).toContain('hi, fr');
    expect(err.errors).toEqual([expect.objectContaining({ field: 'config.languages', code: 'unsupported_language' })]);
  });

  it('refuses an unsupported type as a validation error, reporting bad languages beside it', () => {
    const err = refusal(() => checkAgentFit(velo, 'trivia', ['hi']));
    expect(err.code).toBe('validation_error');
    expect(err.errors!.map((e) => e.field)).toEqual(['type', 'config.languages']);
  });

  it.each(['training', 'failed'] as const)('refuses a %s agent with 409 agent_not_ready', (status) => {
    const err = refusal(() => checkAgentReady({ ...velo, status }));
    expect(err.code).toBe('agent_not_ready');
    expect(err.message).toContain(status);
  });

  it.each(['ready', 'available'] as const)('accepts a %s agent', (status) => {
    expect(() => checkAgentReady({ ...velo, status })).not.toThrow();
  });
});
