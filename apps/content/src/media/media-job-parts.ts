import type { ResolvedAgent } from '@influgentic/contracts';
import { MediaProviderError, type AgentLook } from '@influgentic/media';

/** What rendered media shows of an agent: its name, a handle made from it, its palette, the text's language. */
export function agentLook(agent: ResolvedAgent, language: string): AgentLook {
  return { name: agent.name, handle: `@${agent.name.toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, '')}`, palette: agent.style_profile?.palette ?? null, language };
}

/** The stable code of a media failure (a missing tool, a provider's refusal, a failed check), when it is one. */
export function mediaErrorCode(err: unknown): string | null {
  if (err instanceof MediaProviderError) return 'media_provider_failed';
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^media_/.test(code) ? code : null;
}
