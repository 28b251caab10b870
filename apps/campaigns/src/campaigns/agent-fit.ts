import { DomainError, type CampaignType, type FieldError, type ResolvedAgent } from '@influgentic/contracts';

/**
 * Campaign types that count as the same use case. The source documents call one thing both `review` (the agent
 * registry) and `product_review` (the builder and content types), so an agent declaring either serves both.
 * `product_launch` and `brand_launch` stay distinct: launching a product and launching a brand are different briefs,
 * and an agent trained for one has not said it does the other.
 */
const EQUIVALENT_TYPES: Partial<Record<CampaignType, readonly CampaignType[]>> = {
  review: ['review', 'product_review'],
  product_review: ['review', 'product_review'],
};

export function useCasesServing(type: CampaignType): readonly CampaignType[] {
  return EQUIVALENT_TYPES[type] ?? [type];
}

export function supportsType(agentUseCases: readonly string[], type: CampaignType): boolean {
  return useCasesServing(type).some((t) => agentUseCases.includes(t));
}

/** Requested languages the agent does not speak, in the order they were asked for. */
export function missingLanguages(agentLanguages: readonly string[], wanted: readonly string[]): string[] {
  return wanted.filter((l) => !agentLanguages.includes(l));
}

export type AgentFacts = Pick<ResolvedAgent, 'id' | 'status' | 'use_cases' | 'languages'>;

/** The agent must be usable now. Training (or failed) agents cannot run a campaign: 409 agent_not_ready. */
export function checkAgentReady(agent: AgentFacts): void {
  if (agent.status !== 'ready' && agent.status !== 'available') {
    throw new DomainError('agent_not_ready', `Agent ${agent.id} is ${agent.status}; a campaign needs a ready agent`, [
      { field: 'agent_id', code: 'agent_not_ready', message: `agent is ${agent.status}` },
    ]);
  }
}

/**
 * The agent must serve the campaign type and speak every requested language. A wrong type is a validation error
 * (reported with any language problem beside it); wrong languages alone are 422 `unsupported_language` naming them.
 */
export function checkAgentFit(agent: AgentFacts, type: CampaignType | undefined, languages: readonly string[] | undefined): void {
  const errors: FieldError[] = [];
  if (type !== undefined && !supportsType(agent.use_cases, type)) {
    errors.push({
      field: 'type', code: 'unsupported_use_case',
      message: `agent ${agent.id} does not run ${type} campaigns (its use cases: ${agent.use_cases.join(', ') || 'none'})`,
    });
  }
  const missing = languages ? missingLanguages(agent.languages, languages) : [];
  const languageError: FieldError | undefined = missing.length
    ? { field: 'config.languages', code: 'unsupported_language', message: `agent ${agent.id} does not speak ${missing.join(', ')} (it speaks ${agent.languages.join(', ')})` }
    : undefined;
  if (errors.length) throw DomainError.validation(languageError ? [...errors, languageError] : errors);
  if (languageError) {
    throw new DomainError('unsupported_language', `Unsupported language${missing.length > 1 ? 's' : ''} for agent ${agent.id}: ${missing.join(', ')}`, [languageError]);
  }
}
