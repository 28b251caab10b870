import { DomainError, type CaptionStyle, type ContentStatus, type ContentVariant, type ResolvedAgent } from '@influgentic/contracts';
import { personaFromAgent, type RewriteRequest } from '../generation';
import type { ContentItemEntity } from '../items/content-item.entity';

/**
 * Whether an item's caption may get variants (or have one selected): not once it is published (the caption is what
 * went out), and not before there is a caption (still generating, or failed). 409 naming the state either way.
 */
export function assertVariantsOpen(status: ContentStatus, contentId: string): void {
  if (status === 'published') {
    throw new DomainError('invalid_state', `Content ${contentId} is published; its caption variants are locked`, undefined, 'current status: published');
  }
  if (status === 'generating' || status === 'failed') {
    throw new DomainError('invalid_state', `Content ${contentId} has no caption to rewrite yet`, undefined, `current status: ${status}`);
  }
}

/** What the generator needs to rewrite an item's caption in one style. */
export function rewriteRequestFor(row: ContentItemEntity, agent: ResolvedAgent, style: CaptionStyle, seed: string): RewriteRequest {
  return {
    agent: personaFromAgent(agent), product: row.brief.product, content_type: row.content_type, format: row.format, platform: row.platform,
    language: row.language, tone: row.brief.tone, compliance_mode: row.compliance_mode, sponsored: row.brief.sponsored, style,
    caption: row.caption, hashtags: row.hashtags, cta: row.cta, seed,
  };
}

/** The variant `idx` of an item, or a 404 that names it. */
export function variantAt(variants: ContentVariant[], idx: number | null, contentId: string): ContentVariant {
  const v = idx === null ? undefined : variants.find((x) => x.idx === idx);
  if (!v) throw new DomainError('not_found', `Content ${contentId} has no variant ${idx ?? ''}`.trim());
  return v;
}
