import type { ContentHistoryEntry, ContentItem, PublishStatus } from '@influgentic/contracts';
import { presentMedia } from '../media/media-links';
import type { ContentItemEntity } from './content-item.entity';

const iso = (d: Date | string | null | undefined): string | null => (d === null || d === undefined ? null : new Date(d).toISOString());

/** The contract's content item from a stored row; single-item answers carry its history too. */
export function toContentItem(row: ContentItemEntity, history?: ContentHistoryEntry[]): ContentItem {
  return {
    id: row.id,
    agent_id: row.agent_id,
    campaign_id: row.campaign_id,
    content_type: row.content_type,
    format: row.format,
    platform: row.platform,
    language: row.language,
    status: row.status,
    title: row.title,
    body: row.body,
    caption: row.caption,
    hashtags: row.hashtags,
    cta: row.cta,
    disclosures: row.disclosures,
    variants: row.variants,
    selected_variant: row.selected_variant,
    media: presentMedia(row.media),
    scheduled_at: iso(row.scheduled_at),
    published_at: iso(row.published_at),
    ...(row.status === 'rejected' ? { rejection_reason: row.rejection_reason } : {}),
    ...(row.status === 'failed' ? { failure_reason: row.failure_reason } : {}),
    compliance: { mode: row.compliance_mode, review_reasons: row.review_reasons, flags: row.compliance_flags },
    model: row.model,
    tokens: row.tokens_input + row.tokens_output,
    livemode: row.livemode,
    created_at: iso(row.created_at) as string,
    updated_at: iso(row.updated_at) as string,
    ...(history ? { history } : {}),
  };
}

/** `GET /v1/content/{id}/publish/status`. */
export function toPublishStatus(row: ContentItemEntity): PublishStatus {
  return {
    content_id: row.id, status: row.status, platform: row.platform, scheduled_at: iso(row.scheduled_at), attempts: row.publish_attempts ?? 0,
    last_error: row.publish_error ?? null, post_id: row.post_id ?? null, post_url: row.post_url ?? null, published_at: iso(row.published_at),
  };
}
