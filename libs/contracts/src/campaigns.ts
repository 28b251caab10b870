import { subject } from './subjects';

/**
 * Campaigns service subjects. Public operations mirror the HTTP API; the internal ones let the content service
 * read a campaign's generation context and reserve, settle or release spend around each generated item.
 */
export const CampaignSubjects = {
  create: subject('campaigns.campaigns.create.v1'),
  list: subject('campaigns.campaigns.list.v1'),
  get: subject('campaigns.campaigns.get.v1'),
  update: subject('campaigns.campaigns.update.v1'),
  pause: subject('campaigns.campaigns.pause.v1'),
  resume: subject('campaigns.campaigns.resume.v1'),
  cancel: subject('campaigns.campaigns.cancel.v1'),
  /** Internal: `{ campaign_id }` → the campaign (visibility-checked for the caller) for content generation. */
  context: subject('campaigns.campaigns.context.v1'),
  /** Internal: `{ campaign_id, content_id }` → `{ reservation_id, amount_cents }`, or 409 budget_exhausted / invalid_state. */
  reserve: subject('campaigns.spend.reserve.v1'),
  /** Internal: `{ reservation_id }` → the charge becomes final (idempotent). */
  settle: subject('campaigns.spend.settle.v1'),
  /** Internal: `{ reservation_id }` → the held amount returns to the budget (idempotent). */
  release: subject('campaigns.spend.release.v1'),
} as const;
