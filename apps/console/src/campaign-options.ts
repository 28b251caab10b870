// What the create forms offer for one agent: only the campaign types, languages, content types and formats it
// supports, so a form cannot be filled in a way the API would refuse for that reason.

export const CAMPAIGN_TYPES = ['product_launch', 'product_review', 'review', 'lead_gen', 'testimonial', 'trivia', 'brand_launch', 'collab_content'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

export const PLATFORM_FORMATS = ['instagram_caption', 'tiktok_caption', 'x_post', 'linkedin_post', 'youtube_description', 'social_post', 'video_script'] as const;

/** Each content type's own formats (the platform formats are allowed for every type). */
export const FORMATS_BY_CONTENT_TYPE: Record<string, readonly string[]> = {
  product_review: ['post', 'video_script', 'article'],
  product_launch: ['post', 'thread', 'press_release'],
  testimonial: ['quote', 'video_script', 'review'],
  lead_magnet: ['post', 'landing_copy', 'email'],
  trivia: ['question', 'quiz', 'thread'],
  collab_content: ['post', 'joint_announcement'],
};

export const PLATFORMS = ['instagram', 'tiktok', 'x', 'linkedin', 'youtube', 'facebook', 'threads', 'blog', 'email'] as const;

/** The agent facts these choices depend on. */
export interface AgentAbilities {
  use_cases: string[];
  languages: string[];
  capabilities?: { content_types: string[] };
}

/** Campaign types the agent lists among its use cases; every type when it lists none of them. */
export function campaignTypesFor(agent: AgentAbilities): CampaignType[] {
  const supported = CAMPAIGN_TYPES.filter((t) => agent.use_cases.includes(t));
  return supported.length ? supported : [...CAMPAIGN_TYPES];
}

export function contentTypesFor(agent: AgentAbilities): string[] {
  const declared = agent.capabilities?.content_types.filter((t) => t in FORMATS_BY_CONTENT_TYPE) ?? [];
  return declared.length ? declared : Object.keys(FORMATS_BY_CONTENT_TYPE);
}

export function formatsForContentType(contentType: string): string[] {
  return [...(FORMATS_BY_CONTENT_TYPE[contentType] ?? []), ...PLATFORM_FORMATS.filter((f) => !(FORMATS_BY_CONTENT_TYPE[contentType] ?? []).includes(f))];
}

/** Output formats a campaign may ask of the agent: those of every content type it can write. */
export function outputFormatsFor(agent: AgentAbilities): string[] {
  const formats = new Set<string>();
  for (const type of contentTypesFor(agent)) for (const f of formatsForContentType(type)) formats.add(f);
  return [...formats];
}
