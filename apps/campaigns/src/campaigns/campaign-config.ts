import {
  DEFAULT_CAMPAIGN_DURATION_DAYS, sameJson, type CampaignConfig, type CampaignConfigBody, type CampaignProduct, type CampaignProductBody,
} from '@influgentic/contracts';

const DAY_MS = 86_400_000;

/** The stored config: what the client sent, with every default filled in (a null resets a field to its default). */
export function buildConfig(given: CampaignConfigBody | null | undefined, agentLanguages: readonly string[], previous?: CampaignConfig): CampaignConfig {
  const g = given ?? {};
  const pick = <K extends keyof CampaignConfigBody>(key: K): CampaignConfigBody[K] | undefined =>
    (key in g ? g[key] : (previous as Partial<CampaignConfigBody> | undefined)?.[key]);
  return {
    tone: pick('tone') ?? null,
    languages: pick('languages') ?? [agentLanguages[0] ?? 'en'],
    output_formats: pick('output_formats') ?? ['social_post'],
    compliance_mode: pick('compliance_mode') ?? 'standard',
    duration_days: pick('duration_days') ?? DEFAULT_CAMPAIGN_DURATION_DAYS,
    starts_at: normalizeInstant(pick('starts_at') ?? null),
  };
}

/**
 * The part of a config patch that would change the stored config: a field sent back as a GET returned it (or in
 * another spelling of the same instant) is no change, so the state's rules about it do not apply.
 */
export function configChanges(given: CampaignConfigBody, stored: CampaignConfig): CampaignConfigBody {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given) as Array<keyof CampaignConfigBody>) {
    const value = given[key];
    if (value === undefined) continue;
    // A null language list goes back to the agent's first language, which only the registry knows: always a change.
    const next = key === 'languages' && value === null ? undefined : buildConfig({ [key]: value }, [], stored)[key];
    if (next === undefined || !sameJson(next, stored[key])) out[key] = value;
  }
  return out as CampaignConfigBody;
}

function normalizeInstant(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

export function buildProduct(given: CampaignProductBody | null | undefined): CampaignProduct | null {
  if (!given) return null;
  // Keep only what was sent: the stored JSON mirrors the request, with no undefined keys.
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as unknown as CampaignProduct;
}

/**
 * When the campaign runs. A start that is absent or already past means "now" (a campaign cannot have started in
 * the past); the end is always start + duration.
 */
export function campaignWindow(requestedStart: string | null, durationDays: number, now: Date): { starts_at: Date; ends_at: Date; immediate: boolean } {
  const asked = requestedStart === null ? null : new Date(requestedStart);
  const immediate = asked === null || asked.getTime() <= now.getTime();
  const starts_at = immediate ? now : asked;
  return { starts_at, ends_at: new Date(starts_at.getTime() + durationDays * DAY_MS), immediate };
}

export function endFor(startsAt: Date, durationDays: number): Date {
  return new Date(startsAt.getTime() + durationDays * DAY_MS);
}
