import type { ContentItem, FieldError } from '@influgentic/contracts';
import { platformViolations } from '../generation';
import type { ContentSection } from '../generation';

/** The text of an item as a PATCH sees it. */
export interface EditableText extends Pick<ContentItem, 'title' | 'body' | 'caption' | 'hashtags' | 'cta' | 'disclosures' | 'platform' | 'format'> {
  sections: ContentSection[] | null;
}

export interface TextPatch { caption?: string; hashtags?: string[]; cta?: string | null; body?: string }

export type TextChanges = Partial<Pick<EditableText, 'caption' | 'hashtags' | 'cta' | 'body'>>;

/** `Pegasus`, `#Pegasus` → `#Pegasus`; repeats (any case) are dropped, order kept. */
export function normalizeHashtags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.startsWith('#') ? t : `#${t}`;
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** The caption with its trailing hashtag block swapped for `tags` (the caption posts them last, on their own line). */
export function withHashtags(caption: string, previous: string[], tags: string[]): string {
  const block = previous.join(' ');
  let text = caption.trimEnd();
  if (block && text.endsWith(block)) text = text.slice(0, -block.length).trimEnd();
  return tags.length ? `${text}\n\n${tags.join(' ')}` : text;
}

/** Which field a platform-limit message is about. */
function fieldOf(violation: string): string {
  if (violation.startsWith('body')) return 'body';
  if (violation.startsWith('hashtags')) return 'hashtags';
  if (violation.startsWith('caption')) return 'caption';
  return 'body';
}

/**
 * What a PATCH changes in an item's text, and why it may not: the result must still fit the platform (X's 280
 * weighted characters, Instagram's 2,200 and 30 hashtags, …) and keep every disclosure label the caption carried
 * (a sponsored post without `#ad` breaks the FTC endorsement guides). Hashtags or a CTA sent without a caption are
 * carried into the caption, so the ready-to-post text stays whole. Unchanged values change nothing.
 */
export function editText(current: EditableText, patch: TextPatch): { changes: TextChanges; errors: FieldError[] } {
  const changes: TextChanges = {};
  const errors: FieldError[] = [];
  let caption = current.caption;
  if (patch.hashtags !== undefined) {
    const tags = normalizeHashtags(patch.hashtags);
    if (tags.join(' ') !== current.hashtags.join(' ')) {
      changes.hashtags = tags;
      if (patch.caption === undefined) caption = withHashtags(caption, current.hashtags, tags);
    }
  }
  if (patch.cta !== undefined) {
    const cta = patch.cta === null || patch.cta.trim() === '' ? null : patch.cta.trim();
    if (cta !== current.cta) {
      changes.cta = cta;
      if (patch.caption === undefined && current.cta && caption.includes(current.cta)) {
        caption = cta ? caption.replace(current.cta, cta) : caption.replace(current.cta, '').replace(/\n{3,}/g, '\n\n').trim();
      }
    }
  }
  if (patch.caption !== undefined) caption = patch.caption.trim();
  if (caption !== current.caption) {
    if (!caption) errors.push({ field: 'caption', code: 'required', message: 'must not be empty' });
    changes.caption = caption;
  }
  if (patch.body !== undefined && patch.body !== current.body) {
    if (!patch.body.trim()) errors.push({ field: 'body', code: 'required', message: 'must not be empty' });
    changes.body = patch.body;
  }
  if (!Object.keys(changes).length) return { changes, errors };

  for (const label of current.disclosures) {
    if (current.caption.includes(label) && !caption.includes(label)) {
      errors.push({ field: 'caption', code: 'disclosure_required', message: `must keep the disclosure ${label}` });
    }
  }
  const result = {
    title: current.title, body: changes.body ?? current.body, caption, hashtags: changes.hashtags ?? current.hashtags,
    cta: changes.cta !== undefined ? changes.cta : current.cta, sections: current.sections ?? undefined,
  };
  for (const v of platformViolations(result, current.platform, current.format)) {
    errors.push({ field: fieldOf(v), code: 'platform_limit', message: `${v} (${current.platform ?? current.format} limit)` });
  }
  return { changes, errors };
}
