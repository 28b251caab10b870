import { createHash, randomBytes } from 'node:crypto';
import {
  DomainError, REVIEW_LINK_HOURS, REVIEW_TOKEN, type RequestContext, type ReviewLink, type ReviewPageItem,
} from '@influgentic/contracts';
import type { ContentItemEntity } from '../items/content-item.entity';
import type { ReviewLinkRow } from './review-links.repository';
import { presentMedia } from '../media/media-links';

/** 32 random bytes, base64url: 256 bits nobody can guess, and URL-safe as it is. */
export function newReviewToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the SHA-256 of a token is stored and looked up; a token of the wrong shape never reaches the database. */
export function reviewTokenHash(token: string): string | null {
  return REVIEW_TOKEN.test(token) ? createHash('sha256').update(token).digest('hex') : null;
}

export function expiryOf(hours: number | undefined, now: Date): Date {
  return new Date(now.getTime() + (hours ?? REVIEW_LINK_HOURS.default) * 3_600_000);
}

/** The public base URL of the gateway, which serves the page (as the registry builds its dashboard links). */
export const publicBaseUrl = (): string => (process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');

/** One answer for an unknown, expired or revoked token, and for an item the link does not cover: nothing to tell apart. */
export function linkNotFound(): DomainError {
  return new DomainError('not_found', 'This review link does not exist or is no longer valid');
}

/** The link's own tenancy: every read and decision made through it acts in the organization and mode it was made in. */
export function linkContext(link: Pick<ReviewLinkRow, 'organization_id' | 'livemode'>, requestId: string): RequestContext {
  return { requestId, organizationId: link.organization_id, livemode: link.livemode, scopes: [] };
}

/** [Monday 00:00, next Monday 00:00) in `timeZone` (UTC when the agent has none or an unknown one). */
export function weekRange(monday: string, timeZone = 'UTC'): { start: Date; end: Date } {
  const at = (date: string) => {
    const wall = Date.parse(`${date}T00:00:00Z`);
    try {
      const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      }).formatToParts(new Date(wall)).map((p) => [p.type, p.value]));
      const shown = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
      return new Date(wall - (shown - wall));
    } catch {
      return new Date(wall);
    }
  };
  const next = new Date(Date.parse(`${monday}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  return { start: at(monday), end: at(next) };
}

export function toReviewLink(row: ReviewLinkRow, url: string | null): ReviewLink {
  return {
    id: row.id, url, expires_at: new Date(row.expires_at).toISOString(), content_ids: row.content_ids, agent_id: row.agent_id,
    week: row.week, note: row.note, livemode: row.livemode, revoked_at: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    created_at: new Date(row.created_at).toISOString(),
  };
}

/** An item as the reviewer sees it: what will be posted and where it stands, nothing internal. */
export function toPageItem(row: ContentItemEntity): ReviewPageItem {
  return {
    id: row.id, agent_id: row.agent_id, platform: row.platform, format: row.format, language: row.language, status: row.status,
    title: row.title, caption: row.caption, hashtags: row.hashtags, body: row.body, disclosures: row.disclosures, media: presentMedia(row.media),
    scheduled_at: row.scheduled_at ? new Date(row.scheduled_at).toISOString() : null,
    rejection_reason: row.status === 'rejected' ? row.rejection_reason : null,
  };
}
