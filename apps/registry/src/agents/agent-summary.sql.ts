/**
 * An AgentSummary as Postgres writes it, field for field what `toSummary` makes of a row (rating to two decimals,
 * created_at in ISO 8601 UTC with milliseconds).
 */
export const AGENT_SUMMARY_JSON = `json_build_object(
  'id', a.id, 'name', a.name, 'category', a.category, 'subcategories', a.subcategories, 'use_cases', a.use_cases,
  'languages', a.languages, 'reach', a.reach::float8, 'engagement_rate', a.engagement_rate, 'total_campaigns', a.total_campaigns,
  'rating', round(a.rating::numeric, 2), 'tier', a.tier, 'status', a.status,
  'created_at', to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text`;
