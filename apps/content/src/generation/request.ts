import {
  FORMAT_PLATFORM, type AgentDetail, type CaptionStyle, type ComplianceMode, type ContentFormat, type ContentLength,
  type ContentType, type Platform,
} from '@influgentic/contracts';
import type { GenerationPersona, GenerationProduct, GenerationRequest } from './types';

/** The parts of `POST /v1/agents/{id}/content` the generator needs (a validated GenerateContentBody fits). */
export interface ContentRequestInput {
  content_type: ContentType;
  product: GenerationProduct;
  format: ContentFormat;
  length?: ContentLength;
  language?: string | null;
  include_cta?: boolean;
  platform?: Platform | null;
  tone?: string | null;
  /** Week plans: the trending topic and the brand's guidance for this piece. */
  topic?: string | null;
  guidance?: string | null;
}

/** The campaign behind a piece, when there is one. */
export interface CampaignInput {
  name: string;
  product?: Partial<GenerationProduct> & { description?: string; key_features?: string[]; target_audience?: string };
  config?: { tone?: string | null; compliance_mode?: ComplianceMode | null } | null;
}

/** An agent as the registry resolves it (persona prompt included for own agents). */
export type AgentInput = Pick<AgentDetail, 'id' | 'name' | 'category' | 'expertise_domains' | 'languages' | 'style_profile' | 'target_audience' | 'headline'>
  & { persona_prompt?: string | null; capabilities?: { tone_modes?: string[] } | null };

export function personaFromAgent(agent: AgentInput): GenerationPersona {
  return {
    id: agent.id, name: agent.name, category: agent.category, persona_prompt: agent.persona_prompt ?? null,
    tone_modes: agent.capabilities?.tone_modes?.length ? agent.capabilities.tone_modes : agent.style_profile?.tone_modes ?? [],
    expertise_domains: agent.expertise_domains ?? [], style_profile: agent.style_profile ?? null, languages: agent.languages ?? [],
    target_audience: agent.target_audience ?? null, headline: agent.headline ?? null,
  };
}

/**
 * Builds the GenerationRequest for one piece. Defaults follow the contract: language = the agent's first language,
 * platform = the one a platform format names, compliance = the campaign's mode (standard without a campaign).
 * Content that promotes a product is advertising, so `sponsored` is true unless the caller says otherwise.
 */
export function buildGenerationRequest(input: {
  body: ContentRequestInput;
  agent: AgentInput;
  campaign?: CampaignInput | null;
  seed: number | string;
  sponsored?: boolean;
  captionStyle?: CaptionStyle | null;
  date?: string;
}): GenerationRequest {
  const { body, agent, campaign } = input;
  const fromCampaign = campaign?.product ?? {};
  const product: GenerationProduct = {
    ...body.product,
    description: body.product.description ?? fromCampaign.description,
    key_features: body.product.key_features ?? fromCampaign.key_features,
    target_audience: body.product.target_audience ?? fromCampaign.target_audience,
  };
  return {
    agent: personaFromAgent(agent),
    product,
    content_type: body.content_type,
    format: body.format,
    length: body.length ?? 'medium',
    language: body.language ?? agent.languages?.[0] ?? 'en',
    platform: body.platform ?? FORMAT_PLATFORM[body.format] ?? null,
    include_cta: body.include_cta ?? true,
    tone: body.tone ?? campaign?.config?.tone ?? null,
    compliance_mode: campaign?.config?.compliance_mode ?? 'standard',
    sponsored: input.sponsored ?? true,
    seed: input.seed,
    campaign_name: campaign?.name ?? null,
    caption_style: input.captionStyle ?? null,
    ...(input.date ? { date: input.date } : {}),
    ...(body.topic ? { topic: body.topic } : {}),
    ...(body.guidance ? { guidance: body.guidance } : {}),
  };
}
