export const SCOPES = [
  'agents:read', 'agents:write', 'campaigns:read', 'campaigns:write', 'content:read', 'content:write',
  'content:generate', 'analytics:read', 'analytics:write', 'webhooks:read', 'webhooks:write', 'keys:admin',
] as const;
export type Scope = (typeof SCOPES)[number];

export const PLANS = ['starter', 'growth', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

export const RATE_CLASSES = ['read', 'write', 'generate', 'ingest'] as const;
export type RateClass = (typeof RATE_CLASSES)[number];

/** Requests per rolling 60 s window, per key and endpoint class (API.md, Rate limits). */
export const PLAN_LIMITS: Record<Plan, Record<RateClass, number>> = {
  starter: { read: 120, write: 60, generate: 20, ingest: 600 },
  growth: { read: 1200, write: 600, generate: 200, ingest: 6000 },
  enterprise: { read: 12000, write: 6000, generate: 2000, ingest: 60000 },
};
export const RATE_WINDOW_SECONDS = 60;
